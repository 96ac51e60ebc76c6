import { missingError } from '../errors';
import { decodedLength, humanSize } from './binary';
import { checkAccess } from './access';
import { isComputedOnRead, type FieldDef, type Model, type Rec } from './database';
import { compileSearchDomain, nameSearchDomain, recordsMatching } from './domain';
import { scanById, type Page } from './id-scan';
import { idOrderDirection, sortRecords } from './order';

/**
 * The query methods: search (a domain, then the order, offset and limit), name_search, read, search_read and
 * name_get, and how read() writes each field's value (Odoo 11's convert_to_read).
 */

interface SearchOptions {
	offset?: unknown;
	limit?: unknown;
	order?: unknown;
}

/**
 * Odoo's _search: matching records in order, then offset and limit. An order by id walks the id index as PostgreSQL
 * walks its primary key (id-scan.ts); any other order filters the whole table and sorts the matches.
 */
export function searchRecords(model: Model, domain: unknown, options: SearchOptions = {}): Rec[] {
	const search = compileSearchDomain(model, domain);
	const page = pageOf(options);
	const direction = idOrderDirection(model, options.order);
	if (direction) return scanById(model.table, search, direction === 'desc', page);
	return sortRecords(model, recordsMatching(model.table, search.matches), options.order).slice(page.start, page.end);
}

/** Offset and limit as positions, as slice() takes them (fractions truncated); 0, None and False mean no limit. */
function pageOf(options: SearchOptions): Page {
	const offset = typeof options.offset === 'number' && options.offset > 0 ? options.offset : 0;
	const limit = typeof options.limit === 'number' && options.limit > 0 ? options.limit : undefined;
	return { start: Math.trunc(offset), end: limit === undefined ? Infinity : Math.trunc(offset + limit) };
}

/** Odoo's name_search: ("" with ilike matches everything), in the model's order, as [id, display name] pairs. */
export function nameSearch(model: Model, name: unknown, args: unknown, operator: unknown, limit: unknown): [number, string][] {
	const domain = [...(Array.isArray(args) ? args : [])];
	const op = typeof operator === 'string' ? operator : 'ilike';
	if (!(name === '' && op === 'ilike')) domain.push(...nameSearchDomain(model, name, op));
	return searchRecords(model, domain, { limit }).map((rec) => [rec.id, model.displayName(rec)]);
}

/** read(): ids that no longer exist are skipped and unknown field names dropped, as Odoo 11 does. */
export function readRecords(model: Model, ids: readonly number[], fields: unknown, load?: unknown): Record<string, unknown>[] {
	const recs: Rec[] = [];
	for (const id of ids) {
		const rec = model.record(id);
		if (rec) recs.push(rec);
	}
	// A model's own check first (ir.attachment's read() calls check('read') before BaseModel.read), then the rights.
	model.table.def.hooks?.checkRecords?.(model.env, recs.map((rec) => rec.id), 'read');
	checkAccess(model, 'read');
	return readRows(model, recs, fields, load);
}

/** search_read(): a search, then a read of the found records in search order ([] when none). */
export function searchRead(model: Model, domain: unknown, fields: unknown, offset: unknown, limit: unknown, order: unknown): Record<string, unknown>[] {
	checkAccess(model, 'read');
	const recs = searchRecords(model, domain ?? [], { offset, limit, order });
	model.table.def.hooks?.checkRecords?.(model.env, recs.map((rec) => rec.id), 'read');
	if (Array.isArray(fields) && fields.length === 1 && fields[0] === 'id') return recs.map((rec) => ({ id: rec.id }));
	return readRows(model, recs, fields);
}

/** The rows of read(): every field when none are named. Non-stored computed fields are computed for each record. */
function readRows(model: Model, recs: readonly Rec[], fields: unknown, load?: unknown): Record<string, unknown>[] {
	const names = Array.isArray(fields) && fields.length > 0 ? fields : [...model.table.fields.keys()];
	const converters: [string, (rec: Rec) => unknown][] = [];
	let computed = 0;
	for (const name of names) {
		const field = typeof name === 'string' && name !== 'id' ? model.field(name) : undefined;
		if (!field) continue;
		converters.push([name as string, readConverter(model, field, load)]);
		if (isComputedOnRead(field)) computed++;
	}
	if (computed > 0 && recs.length > 0) model.env.registry.journal.countComputedFieldReads(recs.length * computed);
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

/** A float or monetary value as read: JSON writes a number, XML-RPC a <double> even when it is integral. */
export class FloatValue {
	constructor(readonly value: number) {}

	toJSON(): number {
		return this.value;
	}
}

/** What read() returns for one field of one record. */
type ReadConverter = (rec: Rec) => unknown;

function readConverter(model: Model, field: FieldDef, load: unknown): ReadConverter {
	const name = field.name;
	const get = field.compute || field.type === 'one2many' ? (rec: Rec) => model.value(rec, name) : (rec: Rec) => rec[name];
	switch (field.type) {
		case 'integer':
			return (rec) => (get(rec) as number) || 0;
		case 'float':
		case 'monetary':
			return (rec) => new FloatValue((get(rec) as number) || 0);
		case 'boolean':
			return (rec) => Boolean(get(rec));
		case 'many2one':
			return manyToOneReader(model, field, get, load);
		case 'one2many':
		case 'many2many':
			return x2manyReader(model, field);
		case 'binary':
			return model.env.context.bin_size ? (rec) => binSize(get(rec)) : (rec) => get(rec) || false;
		default:
			return (rec) => get(rec) ?? false;
	}
}

/** [id, display name], or the bare id with load='_classic_write'; a dangling reference reads as false. */
function manyToOneReader(model: Model, field: FieldDef, get: ReadConverter, load: unknown): ReadConverter {
	const comodel = model.comodel(field);
	const withName = load !== '_classic_write';
	return (rec) => {
		const id = get(rec);
		const target = typeof id === 'number' ? comodel.record(id) : undefined;
		if (!target) return false;
		return withName ? [target.id, comodel.displayName(target)] : target.id;
	};
}

/** x2many ids in the comodel's order, without archived records (Odoo reads them through a search). */
function x2manyReader(model: Model, field: FieldDef): ReadConverter {
	const comodel = model.comodel(field);
	return (rec) => {
		const ids = model.relatedIds(rec, field);
		const visible = ids.map((id) => comodel.record(id)).filter((target): target is Rec => !!target && !comodel.isHidden(target));
		return sortRecords(comodel, visible, null).map((target) => target.id);
	};
}

/** Binary fields read with bin_size in the context give a human size instead of the data (odoo.tools.human_size). */
function binSize(value: unknown): string | false {
	return typeof value === 'string' && value !== '' ? humanSize(decodedLength(value)) : false;
}
