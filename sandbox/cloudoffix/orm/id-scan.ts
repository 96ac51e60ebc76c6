import type { Rec, Table } from './database';
import type { SearchDomain } from './domain';
import { firstAbove, firstAtLeast } from './id-index';

/**
 * Searches ordered by id walk the table's primary-key index, as PostgreSQL does: `WHERE id > X ORDER BY id LIMIT N`
 * is an index range scan that stops after N matches, and `ORDER BY id OFFSET k LIMIT N` reads k + N index entries
 * without sorting. Keyset paging must cost here what it costs on a real server, so that benchmarks neither reward
 * nor punish what a real server would not. Every record walked is still tested against the whole domain: the
 * results are those of filtering and sorting the whole table.
 */

/** The matches a search returns, as positions in the ordered matches: from start to before end. */
export interface Page {
	readonly start: number;
	readonly end: number;
}

/** The page of matches in id order, reading only the records between the domain's bounds on id. */
export function scanById(table: Table, search: SearchDomain, descending: boolean, page: Page): Rec[] {
	const found: Rec[] = [];
	if (page.end <= page.start) return found;
	const ids = table.ids;
	const [first, last] = idRange(ids, search.terms);
	let matched = 0;
	for (let step = 0; step < last - first; step++) {
		const rec = table.records.get(ids[descending ? last - 1 - step : first + step]) as Rec;
		if (!search.matches(rec)) continue;
		matched++;
		if (matched <= page.start) continue;
		found.push(rec);
		if (matched === page.end) break;
	}
	return found;
}

/**
 * The positions [first, last) of the ascending ids left by the domain's bounds on id. Only a domain without '|' or
 * '!' is an AND of all its leaves; then each ('id', '>', n), '>=', '<' or '<=' with a number n narrows the range.
 */
function idRange(ids: readonly number[], terms: readonly unknown[]): [number, number] {
	let first = 0;
	let last = ids.length;
	if (terms.some((term) => term === '|' || term === '!')) return [first, last];
	for (const term of terms) {
		if (!Array.isArray(term) || term[0] !== 'id' || typeof term[2] !== 'number' || !Number.isFinite(term[2])) continue;
		const bound = term[2];
		if (term[1] === '>') first = Math.max(first, firstAbove(ids, bound));
		else if (term[1] === '>=') first = Math.max(first, firstAtLeast(ids, bound));
		else if (term[1] === '<') last = Math.min(last, firstAtLeast(ids, bound));
		else if (term[1] === '<=') last = Math.min(last, firstAbove(ids, bound));
	}
	return [first, last];
}
