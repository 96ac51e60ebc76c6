import { builtinError, missingError } from '../errors';
import type { Model, Rec } from './database';
import { createRecord } from './write';

/**
 * copy(default): one record (Odoo's ensure_one), duplicated field by field except those declared copy=False;
 * one2many lines marked copy (sale order lines) are duplicated too.
 */
export function copyRecord(model: Model, ids: readonly number[], overrides: unknown): number {
	if (ids.length !== 1) {
		throw builtinError('ValueError', `Expected singleton: ${model.name}(${ids.join(', ')}${ids.length === 1 ? ',' : ''})`);
	}
	const rec = model.record(ids[0]);
	if (!rec) throw missingError('Record does not exist or has been deleted.');
	const vals = { ...copyValues(model, rec), ...model.table.def.hooks?.copyDefaults?.(model.env, rec) };
	if (overrides && typeof overrides === 'object' && !Array.isArray(overrides)) Object.assign(vals, overrides);
	return createRecord(model, vals);
}

function copyValues(model: Model, rec: Rec, skip?: string): Record<string, unknown> {
	const vals: Record<string, unknown> = {};
	for (const field of model.table.fields.values()) {
		if (field.compute || field.readonly || field.copy === false || field.name === skip) continue;
		if (field.type === 'one2many') {
			const comodel = model.comodel(field);
			const lines = model.relatedIds(rec, field).map((id) => comodel.record(id) as Rec);
			vals[field.name] = lines.map((line) => [0, 0, copyValues(comodel, line, field.inverse)]);
		} else if (field.type === 'many2many') {
			vals[field.name] = [[6, 0, [...(rec[field.name] as number[])]]];
		} else {
			vals[field.name] = rec[field.name];
		}
	}
	return vals;
}
