import { missingError } from '../errors';
import { checkAccess } from './access';
import type { Model } from './model';
import type { Rec } from './schema';
import { searchRecords } from './search';
import { readConverter } from './values';

/** read, search_read and name_get. */

/** read(): ids that no longer exist are skipped and unknown field names dropped, as Odoo 11 does. */
export function readRecords(model: Model, ids: readonly number[], fields: unknown, load?: unknown): Record<string, unknown>[] {
	checkAccess(model, 'read');
	const recs: Rec[] = [];
	for (const id of ids) {
		const rec = model.record(id);
		if (rec) recs.push(rec);
	}
	return readRows(model, recs, fields, load);
}

/** search_read(): a search, then a read of the found records in search order ([] when none). */
export function searchRead(model: Model, domain: unknown, fields: unknown, offset: unknown, limit: unknown, order: unknown): Record<string, unknown>[] {
	checkAccess(model, 'read');
	const recs = searchRecords(model, domain ?? [], { offset, limit, order });
	if (Array.isArray(fields) && fields.length === 1 && fields[0] === 'id') return recs.map((rec) => ({ id: rec.id }));
	return readRows(model, recs, fields);
}

function readRows(model: Model, recs: readonly Rec[], fields: unknown, load?: unknown): Record<string, unknown>[] {
	const names = Array.isArray(fields) && fields.length > 0 ? fields : [...model.table.fields.keys()];
	const converters: [string, (rec: Rec) => unknown][] = [];
	for (const name of names) {
		const field = typeof name === 'string' && name !== 'id' ? model.field(name) : undefined;
		if (field) converters.push([name as string, readConverter(model, field, load)]);
	}
	return recs.map((rec) => {
		const row: Record<string, unknown> = { id: rec.id };
		for (const [name, convert] of converters) row[name] = convert(rec);
		return row;
	});
}

/** name_get(): [id, display name] pairs; a missing record fails when its name is read. */
export function nameGet(model: Model, ids: readonly number[]): [number, string][] {
	checkAccess(model, 'read');
	return ids.map((id) => {
		const rec = model.record(id);
		if (!rec) throw missingError('Record does not exist or has been deleted.');
		return [id, model.displayName(rec)];
	});
}
