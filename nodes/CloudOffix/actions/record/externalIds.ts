import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { Batches, type BatchLimits } from '../../../shared/batches';
import { planItems, plannedValue, type Planned } from '../../../shared/executeItems';
import { describeValue, isPlainObject } from '../../../shared/jsonParameters';
import { LookupError, ParameterError } from '../../../shared/parameterError';
import { modelOf, recordIdOf, type OperationRun } from '../common';
import { recordIdLocator } from '../common.descriptions';
import type { CloudOffixClient } from '../../transport';

/**
 * External IDs (ir.model.data): `module.name`, as Odoo's data files and imports name records. A bare `name` is in
 * the module '' (what Odoo 11's `load` stores for an `id` column without a module, unless the context names one).
 */
const IR_MODEL_DATA = 'ir.model.data';

/** An external ID split into its ir.model.data columns. */
export interface ExternalId {
	module: string;
	name: string;
}

/** `module.name` (or the bare name when the module is ''), as Odoo's complete_name shows it. */
export function externalIdText({ module, name }: ExternalId): string {
	return module === '' ? name : `${module}.${name}`;
}

const keyOf = ({ module, name }: ExternalId) => JSON.stringify([module, name]);

/**
 * An external ID as typed: `module.name` or a bare `name`, no spaces, at most one dot (Odoo 11's ir.model.data
 * `_update` asserts as much), neither part empty. Checked before any request.
 */
export function parseExternalId(value: unknown, parameter: string, bareModule = ''): ExternalId {
	const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	const parts = text.split('.');
	if (text === '' || /\s/.test(text) || parts.length > 2 || parts.some((part) => part === '')) {
		throw new ParameterError(`"${parameter}" must be an external ID like base.main_partner (module.name, no spaces), not ${describeValue(value)}`, parameter);
	}
	return parts.length === 2 ? { module: parts[0], name: parts[1] } : { module: bareModule, name: parts[0] };
}

/** What an external ID names: the model and database id of its record, and its ir.model.data row. */
export interface ExternalIdTarget {
	model: string;
	resId: number;
}

/** Odoo's prefix notation: one `module = m AND name = n` clause per external ID, all OR-ed. */
function externalIdsDomain(ids: ExternalId[]): unknown[] {
	return [...Array<string>(Math.max(0, ids.length - 1)).fill('|'), ...ids.flatMap(({ module, name }) => ['&', ['module', '=', module], ['name', '=', name]])];
}

async function findExternalIds(client: CloudOffixClient, ids: ExternalId[], itemIndex: number): Promise<Map<string, ExternalIdTarget>> {
	const unique = [...new Map(ids.map((id) => [keyOf(id), id])).values()];
	const rows = await client.searchRead(IR_MODEL_DATA, externalIdsDomain(unique), ['module', 'name', 'model', 'res_id'], {}, itemIndex);
	return new Map(rows.map((row) => [keyOf({ module: String(row.module ?? ''), name: String(row.name) }), { model: String(row.model), resId: Number(row.res_id) }]));
}

/**
 * Which records external IDs name: one ir.model.data `search_read` for a batch of items (shared batching step).
 * Each item gets its ID's target, or undefined when no such external ID exists.
 */
export function batchedExternalIdLookups(client: CloudOffixClient, batching: BatchLimits) {
	return new Batches<string, ExternalId, Map<string, ExternalIdTarget>, ExternalIdTarget | undefined>({
		...batching,
		key: (group) => group,
		callBatch: async (_, ids, [first]) => await findExternalIds(client, ids, first),
		share: (targets, id) => targets.get(keyOf(id)),
		callOne: async (_, id, itemIndex) => (await findExternalIds(client, [id], itemIndex)).get(keyOf(id)),
	});
}

/** A looked-up external ID's record in `model`, or the LookupError of an unknown one or one of another model. */
export function targetIn(model: string, id: ExternalId, target: ExternalIdTarget | undefined, parameter: string): number {
	const text = externalIdText(id);
	if (!target) throw new LookupError(`No record has the external ID "${text}" (ir.model.data has no ${text})`, parameter);
	if (target.model !== model) throw new LookupError(`The external ID "${text}" names a ${target.model} record (ID ${target.resId}), not a ${model} one`, parameter);
	return target.resId;
}

/** The locator's "By External ID" mode (common.descriptions.ts); its value is checked here, not by a regex. */
export const EXTERNAL_ID_MODE = 'externalId';

/**
 * The record each item's Record locator names. IDs and URLs are read as before (recordIdOf); external IDs are
 * checked first (before any request), then looked up with one ir.model.data search_read per batch of items, and
 * must name a record of the item's model. With Continue On Fail, an item whose locator fails keeps its error
 * (plannedValue throws it for that item); without it, the first failure stops the run before anything is changed.
 */
export async function recordIdsOf(run: OperationRun): Promise<Array<Planned<number>>> {
	const { context } = run;
	const parameter = recordIdLocator.displayName;
	const lookups = batchedExternalIdLookups(run.client, run.batching);
	const read = await planItems(context, run.itemCount, (i): { id: number } | { model: string; externalId: ExternalId } => {
		const locator = context.getNodeParameter('recordId', i, '') as unknown;
		if (!isPlainObject(locator) || locator.mode !== EXTERNAL_ID_MODE) return { id: recordIdOf(context, i) };
		const model = modelOf(context, i);
		const externalId = parseExternalId(locator.value, parameter);
		lookups.add(i, IR_MODEL_DATA, externalId);
		return { model, externalId };
	});
	return await planItems(context, run.itemCount, async (i) => {
		const target = plannedValue(read[i]);
		if ('id' in target) return target.id;
		return targetIn(target.model, target.externalId, await lookups.result(i), parameter);
	});
}

/**
 * The external ID of records (the first by ir.model.data id, as Odoo's get_external_id takes), or null: one
 * ir.model.data search_read per model for a batch of items.
 */
export function batchedExternalIdsOfRecords(client: CloudOffixClient, batching: BatchLimits) {
	const find = async (model: string, ids: number[], itemIndex: number) => {
		const rows = await client.searchRead(IR_MODEL_DATA, [['model', '=', model], ['res_id', 'in', [...new Set(ids)]]], ['module', 'name', 'res_id'], { order: 'id' }, itemIndex);
		const names = new Map<number, string>();
		for (const row of rows) {
			const resId = Number(row.res_id);
			if (!names.has(resId)) names.set(resId, externalIdText({ module: String(row.module ?? ''), name: String(row.name) }));
		}
		return names;
	};
	return new Batches<string, number, Map<number, string>, string | null>({
		...batching,
		key: (model) => model,
		callBatch: async (model, ids, [first]) => await find(model, ids, first),
		share: (names, id) => names.get(id) ?? null,
		callOne: async (model, id, itemIndex) => (await find(model, [id], itemIndex)).get(id) ?? null,
	});
}

/** The read options' "Include External ID". */
export const includeExternalIdOption: INodeProperties = {
	displayName: 'Include External ID',
	name: 'includeExternalId',
	type: 'boolean',
	default: false,
	description: 'Whether to add each record\'s external ID (module.name from ir.model.data, or null when it has none) as external_id',
};

/** Whether an item asked for external IDs. */
export function wantsExternalId(options: IDataObject): boolean {
	return options.includeExternalId === true;
}
