import { builtinError, userError, validationError } from '../errors';
import type { Env, FieldDef, FieldType, ModelDef, Rec } from '../orm/database';
import { magicFields } from '../orm/fields';

/**
 * Custom models and fields created through the API (ir.model and ir.model.fields records in state 'manual'), as
 * Odoo 11's registry takes them in at once (IrModel.create / IrModelFields.create call setup_models and
 * init_models): the table or the field exists from the next statement of the same transaction, and a rollback
 * removes it with the rest. Texts and checks are those of odoo/addons/base/ir/ir_model.py (11.0).
 */

/** models.check_object_name. */
const OBJECT_NAME = /^[a-z0-9_.]+$/;

/** models.check_pg_name (the column name must be a PostgreSQL identifier of at most 63 characters). */
const PG_NAME = /^[a-z_][a-z0-9_$]*$/i;

/** IrModel._check_model_name, and the SQL constraint obj_name_uniq. */
export function checkModelName(env: Env, model: unknown, state: unknown): void {
	const name = typeof model === 'string' ? model : '';
	if (state === 'manual' && !name.startsWith('x_')) throw validationError("The model name must start with 'x_'.");
	if (!OBJECT_NAME.test(name)) throw validationError('The model name can only contain lowercase characters, digits, underscores and dots.');
	for (const rec of env.registry.get('ir.model').records.values()) if (rec.model === name) throw validationError('Each model must be unique!');
}

/** The declaration of a custom model: the magic fields only; its fields come from ir.model.fields. */
export function customModelDef(model: string, description: string): ModelDef {
	return {
		name: model,
		description,
		order: 'id',
		// Odoo 11's _rec_name falls back on x_name when a model has no `name` field.
		recName: 'x_name',
		custom: true,
		// No ir.model.access rule: nobody but the administrator (the superuser) reaches it.
		access: {},
		fields: magicFields(model),
		displayName(rec, env) {
			if (!env.registry.get(model).fields.has('x_name')) return `${model},${rec.id}`;
			// name_get converts the value with ustr(): an empty x_name shows as "False".
			return typeof rec.x_name === 'string' ? rec.x_name : 'False';
		},
	};
}

/** A manual model comes into the registry (IrModel.create → setup_models). */
export function registerCustomModel(env: Env, model: string, description: string): void {
	env.registry.addTable(customModelDef(model, description));
}

/** IrModelFields._check_name, _check_selection and the SQL constraint name_unique, in create()'s order. */
export function checkManualField(env: Env, vals: Record<string, unknown>): void {
	if (vals.ttype === 'selection') {
		if (!vals.selection) throw userError('For selection fields, the Selection Options must be given!');
		parseSelection(vals.selection);
	}
	const name = typeof vals.name === 'string' ? vals.name : '';
	if ((vals.state ?? 'manual') === 'manual' && !name.startsWith('x_')) throw validationError("Custom fields must have a name that starts with 'x_' !");
	if (!PG_NAME.test(name) || name.length > 63) throw validationError('Field names can only contain characters, digits and underscores (up to 63).');
	for (const rec of env.registry.get('ir.model.fields').records.values()) {
		if (rec.model === vals.model && rec.name === name) throw validationError('Field names must be unique per model.');
	}
}

/** After the insert, create() checks the comodel and, for a one2many, the many2one it mirrors. */
export function checkManualRelation(env: Env, vals: Record<string, unknown>): void {
	if ((vals.state ?? 'manual') !== 'manual') return;
	const models = [...env.registry.get('ir.model').records.values()];
	if (vals.relation && !models.some((rec) => rec.model === vals.relation)) throw userError(`Model ${String(vals.relation)} does not exist!`);
	if (vals.ttype === 'one2many') {
		const fields = [...env.registry.get('ir.model.fields').records.values()];
		if (!fields.some((rec) => rec.model === vals.relation && rec.name === vals.relation_field && rec.ttype === 'many2one')) {
			throw userError(`Many2one ${String(vals.relation_field)} on model ${String(vals.relation)} does not exist!`);
		}
	}
}

const TYPES: readonly FieldType[] = ['char', 'text', 'html', 'integer', 'float', 'monetary', 'boolean', 'date', 'datetime', 'selection', 'binary', 'many2one', 'one2many', 'many2many'];

/** IrModelFields._instanciate_attrs: the field a manual ir.model.fields record declares. */
export function manualFieldDef(rec: Rec): FieldDef {
	const type = rec.ttype as FieldType;
	if (!TYPES.includes(type)) throw builtinError('KeyError', String(rec.ttype));
	const field: FieldDef = {
		name: String(rec.name),
		type,
		string: typeof rec.field_description === 'string' ? rec.field_description : '',
		manual: true,
		required: Boolean(rec.required),
		readonly: Boolean(rec.readonly),
		copy: type !== 'one2many',
	};
	if (typeof rec.help === 'string' && rec.help !== '') field.help = rec.help;
	if (type === 'selection') field.selection = parseSelection(rec.selection);
	if (type === 'monetary') field.currencyField = 'currency_id';
	if (type === 'many2one') Object.assign(field, { relation: rec.relation, ondelete: rec.on_delete || 'set null' });
	if (type === 'one2many') Object.assign(field, { relation: rec.relation, inverse: rec.relation_field });
	if (type === 'many2many') field.relation = String(rec.relation);
	return field;
}

/** The field comes into its model at once (IrModelFields.create → setup_models, init_models). */
export function addManualField(env: Env, rec: Rec): void {
	const table = env.registry.table(String(rec.model));
	if (!table) return;
	env.registry.journal.record(() => env.registry.invalidateRelations());
	table.addField(manualFieldDef(rec));
	env.registry.invalidateRelations();
}

export function removeManualField(env: Env, model: string, name: string): void {
	const table = env.registry.table(model);
	if (!table) return;
	env.registry.journal.record(() => env.registry.invalidateRelations());
	table.removeField(name);
	env.registry.invalidateRelations();
}

const SELECTION_ERROR = "The Selection Options expression is not a valid Pythonic expression. Please provide an expression in the [('key','Label'), ...] format.";

/**
 * IrModelFields._check_selection: safe_eval of the text must give a list or tuple of (key, label) pairs. The sandbox
 * reads Python literals of strings and numbers, which is what selections are written with.
 */
export function parseSelection(text: unknown): [string, string][] {
	let value: unknown;
	try {
		value = parsePythonLiteral(String(text ?? ''));
	} catch {
		throw userError(SELECTION_ERROR);
	}
	if (!Array.isArray(value) || !value.every((item) => Array.isArray(item) && item.length === 2)) throw userError(SELECTION_ERROR);
	return (value as unknown[][]).map(([key, label]) => [String(key), String(label)]);
}

/** A Python literal made of lists, tuples, strings and numbers (what safe_eval reads in a selection). */
function parsePythonLiteral(text: string): unknown {
	let position = 0;
	const skip = () => {
		while (position < text.length && /\s/.test(text[position])) position++;
	};
	const fail = (): never => {
		throw new SyntaxError(`invalid literal at ${position}`);
	};
	const value = (): unknown => {
		skip();
		const char = text[position];
		if (char === '[' || char === '(') return sequence(char === '[' ? ']' : ')');
		if (char === "'" || char === '"') return string(char);
		const number = /^[+-]?\d+(\.\d+)?/.exec(text.slice(position));
		if (number) {
			position += number[0].length;
			return Number(number[0]);
		}
		return fail();
	};
	const sequence = (close: string): unknown[] => {
		position++;
		const items: unknown[] = [];
		skip();
		while (text[position] !== close) {
			items.push(value());
			skip();
			if (text[position] === ',') position++;
			else if (text[position] !== close) fail();
			skip();
			if (position >= text.length) fail();
		}
		position++;
		return items;
	};
	const string = (quote: string): string => {
		position++;
		let out = '';
		while (position < text.length && text[position] !== quote) {
			if (text[position] === '\\') {
				const next = text[position + 1];
				out += { n: '\n', t: '\t', '\\': '\\', "'": "'", '"': '"' }[next] ?? `\\${next}`;
				position += 2;
			} else {
				out += text[position++];
			}
		}
		if (text[position] !== quote) fail();
		position++;
		return out;
	};
	const result = value();
	skip();
	if (position !== text.length) fail();
	return result;
}
