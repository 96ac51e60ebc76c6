import { builtinError, missingError, userError } from '../errors';
import { pyRepr, pyTypeName } from '../pyrepr';
import { checkAccess, type Operation } from './access';
import { Env, Model, type FieldDef, type Rec, type Table } from './database';
import { defaultValues, integrityViolation, toStored } from './values';

/**
 * create / write / unlink, with Odoo 11's rules for values, required fields, foreign keys and missing records, and
 * the x2many commands they carry, which create, write and unlink comodel records in turn.
 */

/** Log-access columns and id: Odoo drops them from incoming values and sets them itself. */
const MAGIC = new Set(['id', 'create_uid', 'create_date', 'write_uid', 'write_date']);

/** create(vals): ONE dict in Odoo 11. A list fails where the model first treats it as a dict (vals.get). */
export function createRecord(model: Model, vals: unknown): number {
	if (!isDict(vals)) throw builtinError('AttributeError', `'${pyTypeName(vals)}' object has no attribute 'get'`);
	const env = model.env;
	const values: Record<string, unknown> = { ...defaultValues(model, Object.keys(vals)), ...vals };
	// A model's own check first (ir.attachment's create() calls check() before BaseModel.create checks the rights).
	model.table.def.hooks?.checkRecords?.(env, [], 'create', values);
	checkChange(model, 'create');
	model.table.def.hooks?.prepareCreate?.(env, values);
	const table = model.table;
	const rec: Rec = { id: table.allocateId() };
	const x2many: [FieldDef, unknown][] = [];
	for (const field of table.fields.values()) {
		if (field.compute || field.type === 'one2many') {
			if (field.type === 'one2many' && field.name in values) x2many.push([field, values[field.name]]);
			continue;
		}
		if (field.type === 'many2many') {
			rec[field.name] = [];
			if (field.name in values) x2many.push([field, values[field.name]]);
			continue;
		}
		rec[field.name] = field.name in values && !MAGIC.has(field.name) ? toStored(model, field, values[field.name]) : false;
	}
	Object.assign(rec, { create_uid: env.uid, create_date: env.now, write_uid: env.uid, write_date: env.now });
	checkRequired(table, rec, table.fields.values());
	table.insert(rec);
	for (const [field, commands] of x2many) applyX2manyCommands(model, rec, field, commands);
	table.def.hooks?.check?.(env, rec);
	table.def.hooks?.afterCreate?.(env, rec, values);
	env.registry.journal.countCreate(model.name);
	return rec.id;
}

export function writeRecords(model: Model, ids: readonly number[], vals: unknown): true {
	if (!isDict(vals)) throw builtinError('AttributeError', `'${pyTypeName(vals)}' object has no attribute 'items'`);
	if (ids.length === 0) return true;
	const env = model.env;
	model.table.def.hooks?.checkRecords?.(env, ids, 'write', vals);
	checkChange(model, 'write');
	const values = { ...vals };
	model.table.def.hooks?.prepareWrite?.(env, ids, values);
	const recs = existingOrMissing(model, ids);
	const scalars: [FieldDef, unknown][] = [];
	const x2many: [FieldDef, unknown][] = [];
	for (const [name, value] of Object.entries(values)) {
		const field = model.field(name);
		if (!field || MAGIC.has(name) || field.compute) continue;
		if (field.type === 'one2many' || field.type === 'many2many') x2many.push([field, value]);
		else scalars.push([field, toStored(model, field, value)]);
	}
	const table = model.table;
	for (const rec of recs) {
		for (const [field, value] of scalars) table.set(rec, field.name, value);
		table.set(rec, 'write_uid', env.uid);
		table.set(rec, 'write_date', env.now);
		checkRequired(table, rec, scalars.map(([field]) => field));
		for (const [field, commands] of x2many) applyX2manyCommands(model, rec, field, commands);
		table.def.hooks?.check?.(env, rec);
	}
	table.def.hooks?.afterWrite?.(env, recs, values);
	return true;
}

/** unlink(): ids already gone are ignored (Odoo 11 returns True for them); references follow their ondelete. */
export function unlinkRecords(model: Model, ids: readonly number[]): true {
	model.table.def.hooks?.checkRecords?.(model.env, ids, 'unlink');
	checkChange(model, 'unlink');
	const existing = ids.filter((id) => model.record(id));
	model.table.def.hooks?.beforeUnlink?.(model.env, existing);
	for (const id of existing) deleteRecord(model, model.table, id);
	forgetDeleted(model, existing);
	return true;
}

/**
 * Odoo 11's BaseModel.unlink, after its DELETE: "Removing the ir_model_data reference if the record being deleted is
 * a record created by xml/csv file, as these are not connected with real database foreign keys, and would be
 * dangling references", and "For the same reason, remove the relevant records in ir_attachment", both as superuser.
 * Records deleted by a cascade (PostgreSQL's ON DELETE CASCADE, no unlink()) keep theirs, as in Odoo.
 */
function forgetDeleted(model: Model, ids: readonly number[]): void {
	if (ids.length === 0) return;
	const gone = new Set(ids);
	const data = model.env.registry.table('ir.model.data');
	if (data) {
		for (const rec of [...data.records.values()]) if (rec.model === model.name && gone.has(rec.res_id as number)) data.remove(rec.id);
	}
	const attachments = model.env.registry.table('ir.attachment');
	if (attachments && model.name !== 'ir.attachment') {
		const linked = [...attachments.records.values()].filter((rec) => rec.res_model === model.name && gone.has(rec.res_id as number)).map((rec) => rec.id);
		if (linked.length > 0) unlinkRecords(new Model(new Env(model.env.registry, model.env.uid, model.env.now, {}, true), attachments), linked);
	}
}

/**
 * Records that exist, or MissingError. The superuser (admin) gets the message of Odoo's _write (the UPDATE touched
 * fewer rows); other users fail earlier, in the record-rule check, with its shorter message.
 */
function existingOrMissing(model: Model, ids: readonly number[]): Rec[] {
	const recs = ids.map((id) => model.record(id));
	if (recs.every((rec) => rec)) return recs as Rec[];
	if (model.env.rights !== 'admin') {
		throw missingError('Missing document(s):One of the documents you are trying to access has been deleted, please try again after refreshing.');
	}
	const idTuple = ids.length === 1 ? `(${ids[0]},)` : `(${ids.join(', ')})`;
	throw missingError(
		`One of the records you are trying to modify has already been deleted (Document type: ${model.description}).\n\n(Records: ${idTuple}, User: ${model.env.uid})`,
		[
			['odoo/models.py', 3127, 'write', 'self._write(old_vals)'],
			['odoo/models.py', 3232, '_write', 'raise MissingError('],
		],
	);
}

function checkChange(model: Model, operation: Operation): void {
	checkAccess(model, operation);
	if (model.table.def.frozen && !model.env.su) {
		throw userError(`The sandbox fills ${model.name} itself: it cannot be changed through the API.`);
	}
}

/** NOT NULL: a required stored field left empty. '' is a value for PostgreSQL, so it passes. */
function checkRequired(table: Table, rec: Rec, fields: Iterable<FieldDef>): void {
	for (const field of fields) {
		if (!field.required || field.compute || field.type === 'one2many' || field.type === 'many2many') continue;
		const value = rec[field.name];
		if (value === false || value === null || value === undefined) throw integrityViolation(table);
	}
}

/** Deletes one record after applying the ondelete rule of every reference to it. */
function deleteRecord(model: Model, table: Table, id: number): void {
	if (!table.records.has(id)) return;
	for (const { table: referencing, field } of model.env.registry.incoming(table.def.name)) {
		for (const refId of [...referencing.referrers(field.name, id)]) {
			const ref = referencing.records.get(refId) as Rec;
			if (field.type === 'many2many') {
				referencing.set(ref, field.name, (ref[field.name] as number[]).filter((target) => target !== id));
				continue;
			}
			const ondelete = field.ondelete ?? (field.required ? 'restrict' : 'set null');
			if (ondelete === 'cascade') deleteRecord(model, referencing, refId);
			else if (ondelete === 'restrict' || field.required) throw integrityViolation(referencing);
			else referencing.set(ref, field.name, false);
		}
	}
	table.remove(id);
}

/**
 * x2many command tuples on create/write: [0,0,vals] create, [1,id,vals] update, [2,id] delete, [3,id] unlink,
 * [4,id] link, [5] clear, [6,0,ids] replace. A one2many link is its inverse many2one, so 3/5/6 cut it by emptying
 * that many2one, or delete the line when the many2one cascades (Odoo 11's One2many.write).
 */
function applyX2manyCommands(model: Model, rec: Rec, field: FieldDef, commands: unknown): void {
	if (!Array.isArray(commands)) {
		// What users who send "4,564,0" see (convert_to_cache formats the value with %s).
		throw builtinError('ValueError', `Wrong value for ${model.name}.${field.name}: ${typeof commands === 'string' ? commands : pyRepr(commands)}`);
	}
	const links = field.type === 'one2many' ? oneToManyLinks(model, rec, field) : manyToManyLinks(model, rec, field);
	for (const command of commands) {
		if (typeof command === 'number') {
			// A bare id is taken as a link, as Odoo's cache conversion does.
			links.link(command);
			continue;
		}
		if (!Array.isArray(command)) throw builtinError('ValueError', `Wrong value for ${model.name}.${field.name}: ${pyRepr(commands)}`);
		runCommand(model.comodel(field), links, command);
	}
}

interface Links {
	current(): number[];
	link(id: number): void;
	cut(id: number): void;
	/** The inverse many2one a created line must point back with (one2many only). */
	inverseValues(): Record<string, unknown>;
}

function runCommand(comodel: Model, links: Links, command: unknown[]): void {
	const [code, id, payload] = command;
	switch (code) {
		case 0:
			links.link(createRecord(comodel, { ...asDict(payload), ...links.inverseValues() }));
			return;
		case 1:
			writeRecords(comodel, [id as number], payload);
			return;
		case 2:
			unlinkRecords(comodel, [id as number]);
			return;
		case 3:
			links.cut(id as number);
			return;
		case 4:
			links.link(id as number);
			return;
		case 5:
			for (const linked of links.current()) links.cut(linked);
			return;
		case 6: {
			const wanted = new Set(Array.isArray(payload) ? (payload as number[]) : []);
			for (const linked of links.current()) if (!wanted.has(linked)) links.cut(linked);
			for (const target of wanted) links.link(target);
			return;
		}
		default:
			throw builtinError('ValueError', `Unknown x2many command ${pyRepr(command)}`);
	}
}

function asDict(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function oneToManyLinks(model: Model, rec: Rec, field: FieldDef): Links {
	const comodel = model.comodel(field);
	const inverse = field.inverse as string;
	const inverseField = comodel.field(inverse) as FieldDef;
	return {
		current: () => [...comodel.table.referrers(inverse, rec.id)],
		link: (id) => writeRecords(comodel, [id], { [inverse]: rec.id }),
		cut: (id) => {
			if (inverseField.ondelete === 'cascade') unlinkRecords(comodel, [id]);
			else writeRecords(comodel, [id], { [inverse]: false });
		},
		inverseValues: () => ({ [inverse]: rec.id }),
	};
}

function manyToManyLinks(model: Model, rec: Rec, field: FieldDef): Links {
	const comodel = model.comodel(field);
	const ids = (): number[] => rec[field.name] as number[];
	return {
		current: () => [...ids()],
		link: (id) => {
			if (ids().includes(id)) return;
			// The relation table's foreign key: linking a missing record fails like it.
			if (!comodel.record(id)) throw integrityViolation(comodel.table);
			model.table.set(rec, field.name, [...ids(), id]);
		},
		cut: (id) => model.table.set(rec, field.name, ids().filter((linked) => linked !== id)),
		inverseValues: () => ({}),
	};
}

function isDict(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
