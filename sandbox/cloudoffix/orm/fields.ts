import { Model, type FieldDef, type FieldType, type ModelDef, type Rec } from './database';

/** Short constructors for field declarations, and the fields Odoo adds to every model. */

type Extra = Partial<Omit<FieldDef, 'name' | 'type' | 'string'>>;

function field(type: FieldType) {
	return (name: string, string: string, extra: Extra = {}): FieldDef => ({ name, type, string, ...extra });
}

export const char = field('char');
export const text = field('text');
export const integer = field('integer');
export const float = field('float');
export const boolean = field('boolean');
export const date = field('date');
export const datetime = field('datetime');
export const binary = field('binary');

export function monetary(name: string, string: string, extra: Extra = {}): FieldDef {
	return { name, type: 'monetary', string, currencyField: 'currency_id', ...extra };
}

export function selection(name: string, string: string, options: readonly (readonly [string, string])[], extra: Extra = {}): FieldDef {
	return { name, type: 'selection', string, selection: options, ...extra };
}

export function many2one(name: string, relation: string, string: string, extra: Extra = {}): FieldDef {
	return { name, type: 'many2one', string, relation, ...extra };
}

export function one2many(name: string, relation: string, inverse: string, string: string, extra: Extra = {}): FieldDef {
	return { name, type: 'one2many', string, relation, inverse, copy: false, ...extra };
}

export function many2many(name: string, relation: string, string: string, extra: Extra = {}): FieldDef {
	return { name, type: 'many2many', string, relation, ...extra };
}

/** Constant defaults (the common case) and constant computes. */
export const always =
	(value: unknown) =>
	(): unknown =>
		value;

/**
 * id, display_name, the log-access columns and __last_update: every Odoo model has them, and clients rely on
 * write_date / __last_update for incremental syncs.
 */
export function magicFields(model: string, displayNameStored = false): FieldDef[] {
	return [
		integer('id', 'ID', { readonly: true, compute: (rec) => rec.id, store: true }),
		char('display_name', 'Display Name', {
			readonly: true,
			store: displayNameStored,
			compute: (rec, env) => new Model(env, env.registry.get(model)).displayName(rec),
		}),
		many2one('create_uid', 'res.users', 'Created by', { readonly: true }),
		datetime('create_date', 'Created on', { readonly: true }),
		many2one('write_uid', 'res.users', 'Last Updated by', { readonly: true }),
		datetime('write_date', 'Last Updated on', { readonly: true }),
		datetime('__last_update', 'Last Modified on', { readonly: true, compute: (rec) => rec.write_date || rec.create_date || false }),
	];
}

/**
 * A model declaration with Odoo's magic fields added in front of its own, and its related fields computed. A field
 * named like a magic one replaces it in place (ir.attachment redefines create_uid as "Owner").
 */
export function defineModel(def: ModelDef & { displayNameStored?: boolean }): ModelDef {
	const { displayNameStored, ...model } = def;
	const fields = def.fields.map((field) => (field.related ? { ...field, compute: followPath(def.name, field.related), depends: [field.related.join('.')] } : field));
	const own = new Map(fields.map((field) => [field.name, field]));
	const magic = magicFields(def.name, displayNameStored).map((field) => own.get(field.name) ?? field);
	const magicNames = new Set(magic.map((field) => field.name));
	return { ...model, fields: [...magic, ...fields.filter((field) => !magicNames.has(field.name))] };
}

/** A related field's value: the last field of the path, read on the record the many2ones before it lead to. */
function followPath(modelName: string, path: readonly string[]): FieldDef['compute'] {
	return (rec, env) => {
		let model = new Model(env, env.registry.get(modelName));
		let current: Rec | undefined = rec;
		for (const name of path.slice(0, -1)) {
			const target = model.value(current, name);
			model = model.comodel(model.field(name) as FieldDef);
			current = typeof target === 'number' ? model.record(target) : undefined;
			if (!current) return false;
		}
		return model.value(current, path[path.length - 1]);
	};
}
