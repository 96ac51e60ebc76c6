import { builtinError } from '../errors';
import { checkAccess, hasAccess, type Operation } from './access';
import { copyRecord } from './copy';
import type { Model, ModelMethod } from './database';
import { fieldsGet } from './fields-get';
import { loadRecords } from './load';
import { nameGet, nameSearch, readRecords, searchRead, searchRecords } from './read';
import { readGroup } from './read-group';
import { defaultValues } from './values';
import { createRecord, unlinkRecords, writeRecords } from './write';
import { xmlidsOf } from './xmlids';

/** The public methods of Odoo 11's BaseModel, with their Python signatures. */

const model = (params: ModelMethod['params'], run: (model: Model, args: Record<string, unknown>) => unknown): ModelMethod => ({
	api: 'model',
	params,
	run: (target, _ids, args) => run(target, args),
});

const multi = (params: ModelMethod['params'], run: ModelMethod['run']): ModelMethod => ({ api: 'multi', params, run });

const OPERATIONS = new Set(['read', 'write', 'create', 'unlink']);

function search(target: Model, domain: unknown, args: Record<string, unknown> = {}): number[] {
	checkAccess(target, 'read');
	return searchRecords(target, domain, args).map((rec) => rec.id);
}

export const BASE_METHODS: Readonly<Record<string, ModelMethod>> = {
	create: model([{ name: 'vals' }], (target, { vals }) => createRecord(target, vals)),
	read: multi([{ name: 'fields', default: null }, { name: 'load', default: '_classic_read' }], (target, ids, { fields, load }) =>
		readRecords(target, ids, fields, load),
	),
	write: multi([{ name: 'vals' }], (target, ids, { vals }) => writeRecords(target, ids, vals)),
	unlink: multi([], (target, ids) => unlinkRecords(target, ids)),
	search: model(
		[{ name: 'args' }, { name: 'offset', default: 0 }, { name: 'limit', default: null }, { name: 'order', default: null }, { name: 'count', default: false }],
		(target, { args, offset, limit, order, count }) => {
			if (count) return search(target, args).length;
			return search(target, args, { offset, limit, order });
		},
	),
	search_count: model([{ name: 'args' }], (target, { args }) => search(target, args).length),
	search_read: model(
		[
			{ name: 'domain', default: null },
			{ name: 'fields', default: null },
			{ name: 'offset', default: 0 },
			{ name: 'limit', default: null },
			{ name: 'order', default: null },
		],
		(target, { domain, fields, offset, limit, order }) => searchRead(target, domain, fields, offset, limit, order),
	),
	read_group: model(
		[
			{ name: 'domain' },
			{ name: 'fields' },
			{ name: 'groupby' },
			{ name: 'offset', default: 0 },
			{ name: 'limit', default: null },
			{ name: 'orderby', default: false },
			{ name: 'lazy', default: true },
		],
		(target, args) => readGroup(target, args),
	),
	fields_get: model([{ name: 'allfields', default: null }, { name: 'attributes', default: null }], (target, { allfields, attributes }) =>
		fieldsGet(target, allfields, attributes),
	),
	name_search: model(
		[{ name: 'name', default: '' }, { name: 'args', default: null }, { name: 'operator', default: 'ilike' }, { name: 'limit', default: 100 }],
		(target, { name, args, operator, limit }) => {
			checkAccess(target, 'read');
			return nameSearch(target, name, args, operator, limit);
		},
	),
	name_get: multi([], (target, ids) => nameGet(target, ids)),
	load: model([{ name: 'fields' }, { name: 'data' }], (target, { fields, data }) => loadRecords(target, fields, data)),
	name_create: model([{ name: 'name' }], (target, { name }) => {
		const id = createRecord(target, { [target.table.def.recName ?? 'name']: name });
		return nameGet(target, [id])[0];
	}),
	default_get: model([{ name: 'fields_list' }], (target, { fields_list }) => {
		const wanted = new Set(Array.isArray(fields_list) ? fields_list : []);
		const given = [...target.table.fields.keys()].filter((name) => !wanted.has(name));
		return defaultValues(target, given);
	}),
	copy: multi([{ name: 'default', default: null }], (target, ids, { default: overrides }) => copyRecord(target, ids, overrides)),
	exists: multi([], (target, ids) => ids.filter((id) => target.record(id))),
	check_access_rights: model([{ name: 'operation' }, { name: 'raise_exception', default: true }], (target, { operation, raise_exception }) => {
		if (!OPERATIONS.has(operation as string)) throw builtinError('AssertionError', 'Invalid access mode');
		if (raise_exception) checkAccess(target, operation as Operation);
		return hasAccess(target, operation as Operation);
	}),
	check_access_rule: multi([{ name: 'operation' }], (target, _ids, { operation }) => {
		checkAccess(target, operation as Operation);
		return null;
	}),
	/** get_metadata: the log fields, and the record's external id and its noupdate flag (LEFT JOIN ir_model_data). */
	get_metadata: multi([], (target, ids) =>
		readRecords(target, ids, ['create_uid', 'create_date', 'write_uid', 'write_date']).map((row) => {
			const xmlid = xmlidsOf(target.env.registry, target.name, row.id as number)[0];
			return { ...row, xmlid: xmlid ? `${String(xmlid.module)}.${String(xmlid.name)}` : false, noupdate: Boolean(xmlid?.noupdate) };
		}),
	),
	/** fields_get_keys(): list(self._fields). */
	fields_get_keys: model([], (target) => [...target.table.fields.keys()]),
	toggle_active: multi([], (target, ids) => toggleActive(target, ids)),
};

/** toggle_active(): archives active records and restores archived ones. It returns None, like Odoo 11's. */
function toggleActive(model: Model, ids: readonly number[]): null {
	for (const id of ids) {
		const rec = model.record(id);
		if (rec && model.hasActiveField()) writeRecords(model, [id], { active: !rec.active });
	}
	return null;
}
