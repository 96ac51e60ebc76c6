import type { Model } from './model';
import { searchRecords } from './search';
import { filterRecords } from './domain';

/** name_search and the name matching that domains use when a relational field is compared with text. */

export function nameSearchDomain(model: Model, name: unknown, operator: string): unknown[] {
	const custom = model.table.def.nameSearchDomain;
	if (custom && typeof name === 'string') return custom(name, operator);
	return [[model.table.def.recName ?? 'name', operator, name]];
}

/** Ids whose name matches; a list of names with another operator than in/not in matches any of them. */
export function nameSearchIds(model: Model, name: string | string[], operator: string): Set<number> {
	const names = Array.isArray(name) && operator !== 'in' && operator !== 'not in' ? name : [name];
	const ids = new Set<number>();
	for (const one of names) for (const rec of filterRecords(model, nameSearchDomain(model, one, operator))) ids.add(rec.id);
	return ids;
}

/** Odoo's name_search: ("" with ilike matches everything), in the model's order, as [id, display name] pairs. */
export function nameSearch(model: Model, name: unknown, args: unknown, operator: unknown, limit: unknown): [number, string][] {
	const domain = [...(Array.isArray(args) ? args : [])];
	const op = typeof operator === 'string' ? operator : 'ilike';
	if (!(name === '' && op === 'ilike')) domain.push(...nameSearchDomain(model, name, op));
	return searchRecords(model, domain, { limit }).map((rec) => [rec.id, model.displayName(rec)]);
}
