import { builtinError, OdooError, userError, validationError } from '../errors';
import { accessRightsError, hasAccess, type Operation } from '../orm/access';
import { Model, type Env, type FieldType, type ModelMethod, type Rec } from '../orm/database';
import { always, boolean, char, datetime, defineModel, integer, many2one, one2many, selection, text } from '../orm/fields';
import { searchRecords } from '../orm/read';
import { completeName, findXmlid, xmlidLookup } from '../orm/xmlids';
import { PyRecordSet, asTuple } from '../pyrepr';
import { createRecord } from '../orm/write';
import {
	addManualField,
	checkManualField,
	checkManualRelation,
	checkModelName,
	manualFieldDef,
	parseSelection,
	registerCustomModel,
	removeManualField,
} from './custom';
import { reflectFields } from './reflection';

/**
 * Technical models: ir.model and ir.model.fields describe the registry (the seed fills them from the model
 * declarations, and custom models and fields created through them join the registry at once, models/custom.ts),
 * ir.model.access answers access checks, ir.model.data holds the external ids, ir.config_parameter holds settings
 * only administrators read. Texts follow odoo/addons/base/ir/ir_model.py (11.0).
 */

const FIELD_TYPES: readonly FieldType[] = [
	'binary', 'boolean', 'char', 'date', 'datetime', 'float', 'html', 'integer', 'many2many', 'many2one', 'monetary', 'one2many', 'selection', 'text',
];

const model = (params: ModelMethod['params'], run: (target: Model, args: Record<string, unknown>) => unknown): ModelMethod => ({
	api: 'model',
	params,
	run: (target, _ids, args) => run(target, args),
});

const records = (env: Env, name: string): Rec[] => [...env.registry.get(name).records.values()];

export const irModel = defineModel({
	name: 'ir.model',
	description: 'Models',
	order: 'model',
	access: { group: 'Administration/Settings' },
	fields: [
		char('name', 'Model Description', { required: true }),
		char('model', 'Model', { required: true, default: always('x_') }),
		text('info', 'Information'),
		one2many('field_id', 'ir.model.fields', 'model_id', 'Fields', {
			required: true,
			copy: true,
			// IrModel._default_field_id: a custom model gets an x_name field unless the client sends fields.
			default: (env) => (env.context.install_mode ? [] : [[0, 0, { name: 'x_name', field_description: 'Name', ttype: 'char' }]]),
		}),
		selection('state', 'Type', [['manual', 'Custom Object'], ['base', 'Base Object']], { readonly: true, default: always('manual') }),
		one2many('access_ids', 'ir.model.access', 'model_id', 'Access'),
		boolean('transient', 'Transient Model'),
		char('modules', 'In Apps', { readonly: true, help: 'List of modules in which the object is defined or inherited' }),
		integer('count', 'Count (incl. archived)', {
			compute: (rec, env) => env.registry.table(String(rec.model))?.records.size ?? 0,
			help: 'Total number of records in this model',
		}),
	],
	hooks: {
		prepareCreate(env, vals) {
			if (env.context.install_mode) return;
			checkModelName(env, vals.model, vals.state);
			if (vals.state === 'manual') registerCustomModel(env, String(vals.model), String(vals.name ?? vals.model));
		},
		afterCreate(env, rec) {
			if (rec.state !== 'manual' || env.context.install_mode) return;
			// setup_models reflects the fields Odoo adds to every model (id, create_uid, ... __last_update).
			const own = new Set(records(env, 'ir.model.fields').filter((field) => field.model_id === rec.id).map((field) => field.name));
			const table = env.registry.get(String(rec.model));
			reflectFields(env, rec.id, String(rec.model), [...table.fields.values()].filter((field) => !field.manual && !own.has(field.name)));
		},
		prepareWrite(env, ids, vals) {
			const current = ids.map((id) => env.registry.get('ir.model').records.get(id)).filter((rec): rec is Rec => Boolean(rec));
			if ('model' in vals && current.some((rec) => rec.model !== vals.model)) throw userError('Field "Model" cannot be modified on models.');
			if ('state' in vals && current.some((rec) => rec.state !== vals.state)) throw userError('Field "Type" cannot be modified on models.');
			if ('transient' in vals && current.some((rec) => rec.transient !== vals.transient)) throw userError('Field "Transient Model" cannot be modified on models.');
			// The web client always writes (4, id, False) for the lines; Odoo filters them out.
			if (Array.isArray(vals.field_id)) vals.field_id = vals.field_id.filter((command) => !(Array.isArray(command) && command[0] === 4));
		},
		beforeUnlink(env, ids) {
			const removed = ids.map((id) => env.registry.get('ir.model').records.get(id) as Rec);
			for (const rec of removed) if (rec.state !== 'manual') throw userError(`Model '${String(rec.name)}' contains module data and cannot be removed!`);
			for (const rec of removed) dropCustomModel(env, String(rec.model));
		},
	},
	methods: {
		/** IrModel.name_create: 'My New Model' becomes x_my_new_model. */
		name_create: model([{ name: 'name' }], (target, { name }) => {
			const text = String(name);
			const vals = { name: text, model: `x_${text.toLowerCase().split(/\s+/).filter(Boolean).join('_')}` };
			const id = createRecord(target, vals);
			return [id, target.displayName(target.record(id) as Rec)];
		}),
	},
});

/** IrModel.unlink of a manual model: _drop_table, then the registry forgets it; its fields go by ON DELETE CASCADE. */
function dropCustomModel(env: Env, name: string): void {
	env.registry.removeTable(name);
	// Custom fields of other models that pointed at it lose their comodel: the sandbox removes them with it.
	for (const field of records(env, 'ir.model.fields')) {
		if (field.state === 'manual' && field.relation === name && field.model !== name) {
			removeManualField(env, String(field.model), String(field.name));
			env.registry.get('ir.model.fields').remove(field.id);
		}
	}
}

export const irModelFields = defineModel({
	name: 'ir.model.fields',
	description: 'Fields',
	order: 'name',
	recName: 'field_description',
	access: { group: 'Administration/Settings' },
	fields: [
		char('name', 'Field Name', { required: true, default: always('x_') }),
		char('complete_name', 'Complete Name', { compute: (rec) => `${String(rec.model)}.${String(rec.name)}` }),
		char('model', 'Object Name', { required: true, help: 'The technical name of the model this field belongs to' }),
		many2one('model_id', 'ir.model', 'Model', { required: true, ondelete: 'cascade', help: 'The model this field belongs to' }),
		char('field_description', 'Field Label', { required: true, default: always('') }),
		text('help', 'Field Help'),
		selection(
			'ttype',
			'Field Type',
			FIELD_TYPES.map((type) => [type, type]),
			{ required: true },
		),
		char('relation', 'Object Relation', { help: 'For relationship fields, the technical name of the target model' }),
		char('relation_field', 'Relation Field', { help: 'For one2many fields, the field on the target model that implement the opposite many2one relationship' }),
		boolean('required', 'Required'),
		boolean('readonly', 'Readonly'),
		boolean('index', 'Indexed'),
		boolean('store', 'Stored', { default: always(true), help: 'Whether the value is stored in the database.' }),
		boolean('translate', 'Translatable'),
		char('selection', 'Selection Options', {
			help: "List of options for a selection field, specified as a Python expression defining a list of (key, label) pairs. For example: [('blue','Blue'),('yellow','Yellow')]",
		}),
		integer('size', 'Size'),
		selection('state', 'Type', [['manual', 'Custom Field'], ['base', 'Base Field']], { required: true, readonly: true, default: always('manual') }),
		selection('on_delete', 'On Delete', [['cascade', 'Cascade'], ['set null', 'Set NULL'], ['restrict', 'Restrict']], {
			default: always('set null'),
			help: 'On delete property for many2one fields',
		}),
		char('domain', 'Domain', { default: always('[]') }),
	],
	displayName: (rec) => `${rec.field_description} (${rec.model})`,
	hooks: {
		prepareCreate(env, vals) {
			if (env.context.install_mode) return;
			// IrModelFields.create: the model's name comes from model_id.
			const modelRec = typeof vals.model_id === 'number' ? env.registry.get('ir.model').records.get(vals.model_id) : undefined;
			if (modelRec) vals.model = modelRec.model;
			checkManualField(env, vals);
			checkManualRelation(env, vals);
		},
		afterCreate(env, rec) {
			if (rec.state === 'manual' && !env.context.install_mode) addManualField(env, rec);
		},
		prepareWrite(env, ids, vals) {
			if (Object.keys(vals).length === 0) return;
			if (vals.selection) parseSelection(vals.selection);
			const renamed: Rec[] = [];
			for (const id of ids) {
				const rec = env.registry.get('ir.model.fields').records.get(id);
				if (!rec) continue;
				if (rec.state !== 'manual') {
					throw userError('Properties of base fields cannot be altered in this manner! Please modify them through Python code, preferably through a custom addon!');
				}
				if ((vals.model_id ?? rec.model_id) !== rec.model_id) throw userError('Changing the model of a field is forbidden!');
				if ((vals.ttype ?? rec.ttype) !== rec.ttype) throw userError('Changing the type of a field is not yet supported. Please drop it and create it again!');
				if ((vals.name ?? rec.name) !== rec.name) renamed.push(rec);
			}
			if (renamed.length > 1) throw userError('Can only rename one field at a time!');
			if (renamed.length === 1) renameColumn(env, renamed[0], String(vals.name));
			// "These shall never be written (modified)".
			for (const name of ['model_id', 'model', 'state']) delete vals[name];
		},
		afterWrite(env, recs) {
			for (const rec of recs) {
				const table = env.registry.table(String(rec.model));
				if (rec.state === 'manual' && table) {
					env.registry.journal.record(() => env.registry.invalidateRelations());
					table.addField(manualFieldDef(rec));
					env.registry.invalidateRelations();
				}
			}
		},
		beforeUnlink(env, ids) {
			const removed = ids.map((id) => env.registry.get('ir.model.fields').records.get(id) as Rec);
			if (removed.some((rec) => rec.state !== 'manual')) throw userError('This column contains module data and cannot be removed!');
			for (const rec of removed) {
				// _prepare_update: a many2one that a custom one2many mirrors cannot go.
				const inverse = records(env, 'ir.model.fields').find((other) => other.ttype === 'one2many' && other.relation === rec.model && other.relation_field === rec.name && !ids.includes(other.id));
				if (rec.ttype === 'many2one' && inverse) {
					throw userError(`The field '${String(rec.model)}.${String(rec.name)}' cannot be removed because the field '${String(inverse.model)}.${String(inverse.name)}' depends on it.`);
				}
			}
			for (const rec of removed) removeManualField(env, String(rec.model), String(rec.name));
		},
	},
});

/** ALTER TABLE ... RENAME COLUMN: the values move to the new name. */
function renameColumn(env: Env, rec: Rec, name: string): void {
	const table = env.registry.table(String(rec.model));
	if (!table) return;
	for (const record of table.records.values()) {
		table.set(record, name, record[String(rec.name)] ?? false);
		table.set(record, String(rec.name), undefined);
	}
	removeManualField(env, String(rec.model), String(rec.name));
}

const OPERATIONS = new Set(['read', 'write', 'create', 'unlink']);

/**
 * ir.model.access: the table of access rules is not filled (the sandbox has no res.groups; its rights are per user,
 * see orm/access.ts), but check() answers from those rights as Odoo 11's IrModelAccess.check does.
 */
export const irModelAccess = defineModel({
	name: 'ir.model.access',
	description: 'ir.model.access',
	order: 'name',
	frozen: true,
	access: { group: 'Administration/Settings' },
	fields: [
		char('name', 'Name', { required: true }),
		boolean('active', 'Active', {
			default: always(true),
			help: 'If you uncheck the active field, it will disable the ACL without deleting it (if you delete a native ACL, it will be re-created when you reload the module).',
		}),
		many2one('model_id', 'ir.model', 'Object', { required: true, ondelete: 'cascade' }),
		boolean('perm_read', 'Read Access'),
		boolean('perm_write', 'Write Access'),
		boolean('perm_create', 'Create Access'),
		boolean('perm_unlink', 'Delete Access'),
	],
	methods: {
		check: model([{ name: 'model' }, { name: 'mode', default: 'read' }, { name: 'raise_exception', default: true }], (target, args) => {
			const { mode, raise_exception: raise } = args;
			// "User root have all accesses".
			if (target.env.uid === 1) return true;
			if (typeof args.model !== 'string') throw builtinError('AssertionError', `Not a model name: ${String(args.model)}`);
			if (!OPERATIONS.has(mode as string)) throw builtinError('AssertionError', 'Invalid access mode');
			const table = target.env.registry.table(args.model);
			// A model the registry does not know: Odoo logs "Missing model" and finds no rule.
			const allowed = table ? hasAccess(new Model(target.env, table), mode as Operation) : false;
			if (!allowed && raise) throw accessRightsError(args.model, mode as Operation, target.env.uid, table?.def.access.group);
			return allowed;
		}),
	},
});

/** The record an external id points at, read as the superuser (ir.model.data's lookups run sudo()). */
function targetOf(env: Env, modelName: unknown, resId: unknown): { model: Model; rec: Rec } | undefined {
	const table = typeof modelName === 'string' ? env.registry.table(modelName) : undefined;
	const rec = table && typeof resId === 'number' ? table.records.get(resId) : undefined;
	return table && rec ? { model: new Model(env, table), rec } : undefined;
}

/** xmlid_to_res_model_res_id: (model, res_id), or (False, False) unless raise_if_not_found. */
function resModelResId(target: Model, xmlid: unknown, raise: unknown): [string | false, number | false] {
	try {
		const found = xmlidLookup(target.env.registry, xmlid);
		return [found.model, found.resId];
	} catch (error) {
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- sandbox code: Odoo's ValueError goes on as it is
		if (raise || !(error instanceof OdooError) || error.pyName !== 'builtins.ValueError') throw error;
		return [false, false];
	}
}

/** xmlid_to_object: the record as a recordset, or None; a recordset crosses the wire as Python would send it. */
function xmlidToObject(target: Model, xmlid: unknown, raise: unknown): PyRecordSet | null {
	const [resModel, resId] = resModelResId(target, xmlid, raise);
	if (resModel && resId) {
		if (targetOf(target.env, resModel, resId)) return new PyRecordSet(resModel, [resId]);
		if (raise) throw builtinError('ValueError', `No record found for unique ID ${String(xmlid)}. It may have been deleted.`);
	}
	return null;
}

/** get_object_reference: (model, res_id) of module.xml_id, or ValueError. */
function objectReference(target: Model, module: unknown, xmlId: unknown): [string, number] {
	const found = xmlidLookup(target.env.registry, `${String(module)}.${String(xmlId)}`);
	return asTuple([found.model, found.resId]);
}

export const irModelData = defineModel({
	name: 'ir.model.data',
	description: 'ir.model.data',
	order: 'module, model, name',
	access: { group: 'Administration/Settings' },
	fields: [
		char('name', 'External Identifier', { required: true, help: 'External Key/Identifier that can be used for data integration with third-party systems' }),
		char('complete_name', 'Complete ID', { compute: completeName, depends: ['module', 'name'] }),
		char('model', 'Model Name', { required: true }),
		char('module', 'Module', { required: true, default: always('') }),
		integer('res_id', 'Record ID', { help: 'ID of the target record in the database' }),
		boolean('noupdate', 'Non Updatable', { default: always(false) }),
		datetime('date_update', 'Update Date', { default: (env) => env.now }),
		datetime('date_init', 'Init Date', { default: (env) => env.now }),
		char('reference', 'Reference', { compute: (rec) => `${String(rec.model)},${String(rec.res_id)}`, depends: ['model', 'res_id'] }),
	],
	/** IrModelData.name_get: the display name of the record it points at, else the complete name. */
	displayName(rec, env) {
		const target = targetOf(env, rec.model, rec.res_id);
		return target ? target.model.displayName(target.rec) : completeName(rec);
	},
	hooks: {
		/** The unique index ir_model_data_module_name_uniq_index: PostgreSQL's text, which Odoo's service layer passes on. */
		check(env, rec) {
			const other = findXmlid(env.registry, String(rec.module), String(rec.name));
			if (other && other.id !== rec.id) {
				throw validationError(
					`duplicate key value violates unique constraint "ir_model_data_module_name_uniq_index"\nDETAIL:  Key (module, name)=(${String(rec.module)}, ${String(rec.name)}) already exists.\n`,
				);
			}
		},
	},
	methods: {
		xmlid_lookup: model([{ name: 'xmlid' }], (target, { xmlid }) => {
			const found = xmlidLookup(target.env.registry, xmlid);
			return asTuple([found.id, found.model, found.resId]);
		}),
		xmlid_to_res_model_res_id: model([{ name: 'xmlid' }, { name: 'raise_if_not_found', default: false }], (target, { xmlid, raise_if_not_found }) =>
			asTuple(resModelResId(target, xmlid, raise_if_not_found)),
		),
		xmlid_to_res_id: model([{ name: 'xmlid' }, { name: 'raise_if_not_found', default: false }], (target, { xmlid, raise_if_not_found }) =>
			resModelResId(target, xmlid, raise_if_not_found)[1],
		),
		xmlid_to_object: model([{ name: 'xmlid' }, { name: 'raise_if_not_found', default: false }], (target, { xmlid, raise_if_not_found }) =>
			xmlidToObject(target, xmlid, raise_if_not_found),
		),
		get_object_reference: model([{ name: 'module' }, { name: 'xml_id' }], (target, { module, xml_id }) => objectReference(target, module, xml_id)),
		/**
		 * check_object_reference: (model, res_id) if the user can see the record, found by a search as the user (so a
		 * model the user may not read raises the AccessError of search, and an archived record is not found).
		 */
		check_object_reference: model([{ name: 'module' }, { name: 'xml_id' }, { name: 'raise_on_access_error', default: false }], (target, args) => {
			const [modelName, resId] = objectReference(target, args.module, args.xml_id);
			const searched = new Model(target.env, target.env.registry.get(modelName));
			if (!hasAccess(searched, 'read')) throw accessRightsError(modelName, 'read', target.env.uid, searched.table.def.access.group);
			if (searchRecords(searched, [['id', '=', resId]]).length > 0) return asTuple([modelName, resId]);
			if (args.raise_on_access_error) {
				throw new OdooError({
					name: 'odoo.exceptions.AccessError',
					args: [`Not enough access rights on the external ID: ${String(args.module)}.${String(args.xml_id)}`, null],
					exceptionType: 'access_error',
				});
			}
			return asTuple([modelName, false]);
		}),
		get_object: model([{ name: 'module' }, { name: 'xml_id' }], (target, { module, xml_id }) => xmlidToObject(target, `${String(module)}.${String(xml_id)}`, true)),
	},
});

export const irConfigParameter = defineModel({
	name: 'ir.config_parameter',
	description: 'System Parameter',
	order: 'key',
	recName: 'key',
	access: { group: 'Administration/Settings', readRestricted: true },
	fields: [char('key', 'Key', { required: true }), text('value', 'Value', { required: true })],
});
