import { builtinError, userError } from '../errors';
import { compareValues, type SortValue } from './comparison';
import type { Model, Rec } from './database';

/**
 * Odoo's `order` strings ("write_date desc, id"). Sorting follows PostgreSQL: empty values last when ascending and
 * first when descending, text by collation, a many2one by its comodel's own order (Odoo joins the comodel).
 */

interface SortKey {
	key(rec: Rec): SortValue;
	desc: boolean;
}

const ORDER_SYNTAX = /^(\s*([a-z0-9:_]+|"[a-z0-9:_]+")(\s+(desc|asc))?\s*(,|$))+(?<!,)$/i;

/** Parsed terms of an order string; the model's _order when none is given. */
function parseOrder(model: Model, order: unknown): { field: string; desc: boolean }[] {
	const spec = typeof order === 'string' && order.trim() !== '' ? order : model.table.def.order;
	if (!ORDER_SYNTAX.test(spec)) {
		throw userError(
			'Invalid "order" specified. A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)',
		);
	}
	return spec.split(',').map((part) => {
		const [name, direction] = part.trim().split(/\s+/);
		const field = name.replace(/"/g, '');
		if (field !== 'id' && !model.field(field)) throw builtinError('ValueError', `Sorting field ${field} not found on model ${model.name}`);
		return { field, desc: direction?.toLowerCase() === 'desc' };
	});
}

/** Sorts records by an order string; ties end in id order so results are stable. */
export function sortRecords(model: Model, recs: Rec[], order: unknown): Rec[] {
	const keys = sortKeys(model, parseOrder(model, order), 0);
	if (keys.length === 0 || (keys.length === 1 && keys[0].key === idKey && !keys[0].desc)) {
		return recs.sort((a, b) => a.id - b.id);
	}
	const rows = recs.map((rec) => ({ rec, values: keys.map((sortKey) => sortKey.key(rec)) }));
	rows.sort((a, b) => {
		for (let index = 0; index < keys.length; index++) {
			const diff = compareValues(a.values[index], b.values[index]);
			if (diff !== 0) return keys[index].desc ? -diff : diff;
		}
		return a.rec.id - b.rec.id;
	});
	return rows.map((row) => row.rec);
}

const idKey = (rec: Rec): SortValue => rec.id;

/**
 * The direction of an order that sorts by id alone: its first key is id (no later key can break a tie between
 * distinct ids), or it has no key at all, which sorts by id. Such searches walk the id index (id-scan.ts).
 */
export function idOrderDirection(model: Model, order: unknown): 'asc' | 'desc' | undefined {
	const [first] = sortKeys(model, parseOrder(model, order), 0);
	if (!first) return 'asc';
	if (first.key !== idKey) return undefined;
	return first.desc ? 'desc' : 'asc';
}

/** A many2one sorts by its comodel's order; depth stops a comodel ordered by a many2one from looping. */
function sortKeys(model: Model, terms: { field: string; desc: boolean }[], depth: number): SortKey[] {
	const keys: SortKey[] = [];
	for (const term of terms) {
		if (term.field === 'id') {
			keys.push({ key: idKey, desc: term.desc });
			continue;
		}
		const field = model.field(term.field);
		if (!field || field.type === 'one2many' || field.type === 'many2many' || (field.compute && !field.store)) continue;
		if (field.type === 'many2one' && depth < 2) {
			const comodel = model.comodel(field);
			for (const sub of sortKeys(comodel, parseOrder(comodel, null), depth + 1)) {
				keys.push({
					key: (rec) => {
						const target = model.value(rec, field.name);
						const targetRec = typeof target === 'number' ? comodel.record(target) : undefined;
						return targetRec ? sub.key(targetRec) : null;
					},
					desc: term.desc !== sub.desc,
				});
			}
			continue;
		}
		const isBoolean = field.type === 'boolean';
		keys.push({ key: (rec) => toSortValue(model.value(rec, field.name), isBoolean), desc: term.desc });
	}
	return keys;
}

function toSortValue(value: unknown, isBoolean: boolean): SortValue {
	if (isBoolean) return value ? 1 : 0;
	if (value === false || value === null || value === undefined) return null;
	return typeof value === 'number' ? value : String(value);
}
