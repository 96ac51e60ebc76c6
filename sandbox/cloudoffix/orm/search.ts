import { filterRecords } from './domain';
import type { Model } from './model';
import { sortRecords } from './order';
import type { Rec } from './schema';

export interface SearchOptions {
	offset?: unknown;
	limit?: unknown;
	order?: unknown;
}

/** Odoo's _search: matching records in order, then offset and limit (0, None and False mean no limit). */
export function searchRecords(model: Model, domain: unknown, options: SearchOptions = {}): Rec[] {
	const sorted = sortRecords(model, filterRecords(model, domain), options.order);
	const offset = typeof options.offset === 'number' && options.offset > 0 ? options.offset : 0;
	const limit = typeof options.limit === 'number' && options.limit > 0 ? options.limit : undefined;
	if (offset === 0 && limit === undefined) return sorted;
	return sorted.slice(offset, limit === undefined ? undefined : offset + limit);
}
