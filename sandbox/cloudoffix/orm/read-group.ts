import { builtinError, keyError } from '../errors';
import type { Frame } from '../traceback';
import { checkAccess } from './access';
import { compareValues } from './comparison';
import { isStored, type FieldDef, type Model, type Rec } from './database';
import { dateBucket, GRANULARITIES, type Granularity } from './date-groups';
import { filterRecords, normalizeDomain } from './domain';
import { sortRecords } from './order';
import { FloatValue } from './read';

/**
 * read_group(domain, fields, groupby, offset, limit, orderby, lazy) as Odoo 11's _read_group_raw answers it:
 * `<field>_count` when lazy (else `__count`), sums of the numeric fields asked for, many2one groups as
 * [id, name], date groups as labels, and `__domain` (the group's leaves ANDed with the domain).
 */

interface GroupSpec {
	/** As given: 'date_order:month'. */
	groupby: string;
	field: FieldDef;
	granularity?: Granularity;
}

interface Group {
	recs: Rec[];
	/** Per spec: the value shown, its sort key, and its __domain leaves. */
	cells: { value: unknown; sortKey: string | number | null; leaves: unknown[] }[];
}

const RAW_FRAMES: readonly Frame[] = [
	['odoo/models.py', 1909, 'read_group', 'result = self._read_group_raw(domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)'],
];

const NUMERIC = new Set(['integer', 'float', 'monetary']);

export function readGroup(model: Model, args: Record<string, unknown>): Record<string, unknown>[] {
	checkAccess(model, 'read');
	const fields = Array.isArray(args.fields) && args.fields.length > 0 ? (args.fields as string[]) : storedFieldNames(model);
	const groupby = groupbyList(args.groupby);
	const specs = (args.lazy ? groupby.slice(0, 1) : groupby).map((gb) => groupSpec(model, gb));
	for (const spec of specs) checkGroupable(spec, fields);
	const groupFields = new Set(specs.map((spec) => spec.field.name));
	const aggregated = fields.filter((name) => {
		const field = model.field(name);
		return name !== 'sequence' && !groupFields.has(name) && field !== undefined && NUMERIC.has(field.type) && isStored(field);
	});
	const recs = filterRecords(model, args.domain ?? []);
	if (specs.length === 0) return [{ id: recs.length > 0 ? Math.min(...recs.map((rec) => rec.id)) : null, __count: recs.length, ...sums(model, recs, aggregated) }];
	const countKey = args.lazy ? `${specs[0].field.name}_count` : '__count';
	const groups = sortGroups(groupRecords(model, recs, specs), specs, model, args.orderby, aggregated);
	const offset = typeof args.offset === 'number' ? args.offset : 0;
	const limit = typeof args.limit === 'number' && args.limit > 0 ? args.limit : undefined;
	const domain = Array.isArray(args.domain) ? args.domain : [];
	return groups.slice(offset, limit === undefined ? undefined : offset + limit).map((group) => {
		const row: Record<string, unknown> = { [countKey]: group.recs.length, ...sums(model, group.recs, aggregated) };
		specs.forEach((spec, index) => (row[spec.groupby] = group.cells[index].value));
		row.__domain = andDomains([...group.cells.map((cell) => cell.leaves), domain]);
		if (groupby.length > specs.length) row.__context = { group_by: groupby.slice(specs.length) };
		return row;
	});
}

function storedFieldNames(model: Model): string[] {
	return [...model.table.fields.values()].filter(isStored).map((field) => field.name);
}

function groupbyList(groupby: unknown): string[] {
	if (typeof groupby === 'string') return [groupby];
	return Array.isArray(groupby) ? [...new Set(groupby.filter((gb): gb is string => typeof gb === 'string'))] : [];
}

function groupSpec(model: Model, groupby: string): GroupSpec {
	const [name, granularity] = groupby.split(':');
	const field = model.field(name);
	// Odoo reads the field's type before any check, so an unknown name is a bare KeyError.
	if (!field) throw keyError(name, RAW_FRAMES);
	const temporal = field.type === 'date' || field.type === 'datetime';
	if (!temporal) return { groupby, field };
	return { groupby, field, granularity: GRANULARITIES.includes(granularity as Granularity) ? (granularity as Granularity) : 'month' };
}

function checkGroupable(spec: GroupSpec, fields: readonly string[]): void {
	const assertion = (message: string) =>
		builtinError('AssertionError', message, [...RAW_FRAMES, ['odoo/models.py', 1944, '_read_group_raw', 'assert gb in fields, "Fields in \'groupby\' must appear in the list of fields to read (perhaps it\'s missing in the list view?)"']]);
	if (!fields.includes(spec.field.name)) {
		throw assertion("Fields in 'groupby' must appear in the list of fields to read (perhaps it's missing in the list view?)");
	}
	if (!isStored(spec.field) || spec.field.type === 'one2many' || spec.field.type === 'many2many' || spec.field.type === 'binary') {
		throw assertion(
			"Fields in 'groupby' must be regular database-persisted fields (no function or related fields), or function fields with store=True",
		);
	}
}

function groupRecords(model: Model, recs: readonly Rec[], specs: readonly GroupSpec[]): Group[] {
	const groups = new Map<string, Group>();
	for (const rec of recs) {
		const cells = specs.map((spec) => cellOf(model, rec, spec));
		const key = JSON.stringify(cells.map((cell) => cell.sortKey));
		const group = groups.get(key);
		if (group) group.recs.push(rec);
		else groups.set(key, { recs: [rec], cells });
	}
	return [...groups.values()];
}

function cellOf(model: Model, rec: Rec, spec: GroupSpec): Group['cells'][number] {
	const name = spec.field.name;
	const raw = model.value(rec, name);
	if (spec.field.type === 'boolean') return { value: Boolean(raw), sortKey: raw ? 1 : 0, leaves: [[name, '=', Boolean(raw)]] };
	if (raw === false || raw === null || raw === undefined) return { value: false, sortKey: null, leaves: [[name, '=', false]] };
	if (spec.granularity) {
		const bucket = dateBucket(raw as string, spec.granularity, spec.field.type === 'datetime', model.env.context.tz);
		return { value: bucket.label, sortKey: bucket.key, leaves: ['&', [name, '>=', bucket.start], [name, '<', bucket.end]] };
	}
	if (spec.field.type === 'many2one') {
		const comodel = model.comodel(spec.field);
		const target = comodel.record(raw as number);
		return { value: target ? [raw, comodel.displayName(target)] : false, sortKey: raw as number, leaves: [[name, '=', raw]] };
	}
	return { value: raw, sortKey: raw as string | number, leaves: [[name, '=', raw]] };
}

/** Group order: orderby terms on grouped or aggregated fields, else the groupby fields; many2one by comodel order. */
function sortGroups(groups: Group[], specs: readonly GroupSpec[], model: Model, orderby: unknown, aggregated: readonly string[]): Group[] {
	const ranks = specs.map((spec) => (spec.field.type === 'many2one' ? comodelRanks(model, spec.field, groups, specs.indexOf(spec)) : undefined));
	const terms = typeof orderby === 'string' && orderby.trim() !== '' ? orderby.split(',') : specs.map((spec) => spec.groupby);
	const keys: { value(group: Group): string | number | null; desc: boolean }[] = [];
	for (const term of terms) {
		const [name, direction] = term.trim().split(/\s+/);
		const desc = direction?.toLowerCase() === 'desc';
		const index = specs.findIndex((spec) => spec.groupby === name || spec.field.name === name);
		if (index >= 0) {
			const rank = ranks[index];
			keys.push({ value: (group) => (rank ? (rank.get(group.cells[index].sortKey as number) ?? null) : group.cells[index].sortKey), desc });
		} else if (aggregated.includes(name)) {
			keys.push({ value: (group) => sumOf(model, group.recs, name).total, desc });
		}
	}
	return groups.sort((a, b) => {
		for (const key of keys) {
			const diff = compareValues(key.value(a), key.value(b));
			if (diff !== 0) return key.desc ? -diff : diff;
		}
		return 0;
	});
}

/** Rank of each many2one target in its comodel's order. */
function comodelRanks(model: Model, field: FieldDef, groups: readonly Group[], index: number): Map<number, number> {
	const comodel = model.comodel(field);
	const targets = groups.map((group) => comodel.record(group.cells[index].sortKey as number)).filter((rec): rec is Rec => !!rec);
	return new Map(sortRecords(comodel, targets, null).map((rec, rank) => [rec.id, rank]));
}

function sums(model: Model, recs: readonly Rec[], names: readonly string[]): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const name of names) {
		const { total, counted } = sumOf(model, recs, name);
		// SQL's sum() of nothing but NULLs is NULL.
		result[name] = counted === 0 ? null : model.field(name)?.type === 'integer' ? total : new FloatValue(total);
	}
	return result;
}

function sumOf(model: Model, recs: readonly Rec[], name: string): { total: number; counted: number } {
	let total = 0;
	let counted = 0;
	for (const rec of recs) {
		const value = model.value(rec, name);
		if (typeof value === 'number') {
			total += value;
			counted++;
		}
	}
	// PostgreSQL sums the stored decimals exactly; summing binary floats adds noise (85575.98999999999).
	return { total: Number(total.toFixed(6)), counted };
}

/** odoo.osv.expression.AND: empty domains drop out, the rest are joined with '&'. */
function andDomains(domains: readonly unknown[][]): unknown[] {
	const kept = domains.filter((domain) => domain.length > 0).map(normalizeDomain);
	return [...Array(Math.max(kept.length - 1, 0)).fill('&'), ...kept.flat(1)];
}
