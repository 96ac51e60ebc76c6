import type { Model } from './model';
import { nameSearchIds } from './name-search';

/** child_of / parent_of over a model's parent field (Odoo's _parent_name, parent_id by default). */

/** Odoo's to_ids: an id, a list of ids, or names (each name_search'ed with ilike). */
export function toHierarchyIds(model: Model, right: unknown): number[] {
	const items = Array.isArray(right) ? right : [right];
	if (items.length > 0 && items.every((item) => typeof item === 'string')) {
		return [...nameSearchIds(model, items as string[], 'ilike')];
	}
	return items.filter((item): item is number => typeof item === 'number' && item !== 0);
}

/** The given records and all their descendants (child_of) or ancestors (parent_of). */
export function hierarchyIds(model: Model, ids: number[], operator: 'child_of' | 'parent_of'): Set<number> {
	const parentName = model.table.def.parentName;
	const found = new Set(ids);
	if (!parentName) return found;
	const pending = [...ids];
	while (pending.length > 0) {
		const id = pending.pop() as number;
		for (const next of relatives(model, parentName, id, operator)) {
			if (!found.has(next)) {
				found.add(next);
				pending.push(next);
			}
		}
	}
	return found;
}

function relatives(model: Model, parentName: string, id: number, operator: 'child_of' | 'parent_of'): Iterable<number> {
	if (operator === 'child_of') return model.table.referrers(parentName, id);
	const parent = model.record(id)?.[parentName];
	return typeof parent === 'number' ? [parent] : [];
}
