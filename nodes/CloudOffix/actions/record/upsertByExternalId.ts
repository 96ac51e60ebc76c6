import { NodeOperationError, type IDataObject, type INode, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { Batches, type BatchLimits } from '../../../shared/batches';
import { planItems, plannedValue } from '../../../shared/executeItems';
import { LookupError, ParameterError } from '../../../shared/parameterError';
import { callContextOf, modelOf, type OperationRun } from '../common';
import type { CloudOffixClient, LoadMessage, OdooField } from '../../transport';
import { idsByRow, LOADABLE_TYPES, loadable, loadText } from './batchedCreate';
import { batchedExternalIdLookups, externalIdText, parseExternalId, type ExternalId, type ExternalIdTarget } from './externalIds';
import { fieldValuesOf } from './fieldValues';

const EXTERNAL_ID = 'External ID';

/** Create or Update's "Match On": the key fields (as before), or the record's external ID. */
export const matchByProperty: INodeProperties = {
	displayName: 'Match On',
	name: 'matchBy',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Fields', value: 'fields', description: 'Fields whose values identify the record, e.g. ref or email' },
		{
			name: 'External ID',
			value: 'externalId',
			description: 'The record\'s external ID (ir.model.data, module.name): created with it when it does not exist yet, updated when it does',
		},
	],
	default: 'fields',
};

export const externalIdProperty: INodeProperties = {
	displayName: EXTERNAL_ID,
	name: 'externalId',
	type: 'string',
	default: '',
	required: true,
	placeholder: "={{ 'shop.' + $json.code }}",
	description: 'The external ID of the item\'s record: module.name (a bare name has the module \'\'), no spaces',
	displayOptions: { show: { matchBy: ['externalId'] } },
};

export function matchesByExternalId(run: OperationRun): boolean {
	return run.context.getNodeParameter('matchBy', 0, 'fields') === 'externalId';
}

interface LoadGroup {
	model: string;
	/** The field names, in column order; the load's columns are `id` then these (`partner_id/.id` for a many2one). */
	names: string[];
	columns: string[];
	types: string[];
	callContext: IDataObject;
}

interface PlannedLoad {
	group: LoadGroup;
	/** The external ID as sent in the `id` column (as typed, trimmed), and split. */
	sent: string;
	externalId: ExternalId;
	values: IDataObject;
	key: string;
}

/** The server refused a batch (`ids: false`): nothing was created or written, each item may go on its own. */
class BatchRefused extends Error {
	constructor(readonly messages: LoadMessage[]) {
		super(`load refused the batch: ${firstError(messages)}`);
	}
}

const firstError = (messages: LoadMessage[]) => messages.find((message) => message.type === 'error')?.message ?? 'no message';

function refusedRow(node: INode, messages: LoadMessage[], itemIndex: number): NodeOperationError {
	const errors = messages.filter((message) => message.type === 'error').map((message) => message.message);
	return new NodeOperationError(node, `CloudOffix refused the record: ${errors.join('; ') || 'no message'}`, { itemIndex, description: 'Nothing was created or written for this item.' });
}

/**
 * Create or Update by external ID, through `load` with the `id` column: one call creates the records of new external
 * IDs and updates those of known ones for a whole batch, all or nothing. Which IDs existed is looked up first, one
 * ir.model.data search_read per batch, to report `created` or `updated` (and to fail an external ID of another
 * model before anything is sent). A refused batch changed nothing: each item is then loaded alone (a load of one
 * row, so the external ID semantics stay), a bad row failing on its own item; a batch that failed any other way is
 * never sent again. Items sharing an external ID run one after another, each with its own lookup and load.
 */
export async function upsertByExternalId(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	const node = context.getNode();
	const planned = await planItems(context, run.itemCount, async (i): Promise<PlannedLoad> => {
		const model = modelOf(context, i);
		const callContext = callContextOf(context, i);
		const bareModule = typeof callContext.module === 'string' ? callContext.module : '';
		const raw = context.getNodeParameter('externalId', i, '') as unknown;
		const externalId = parseExternalId(raw, EXTERNAL_ID, bareModule);
		const values = await fieldValuesOf(run, model, i);
		const fields = await client.fields(model, i);
		checkLoadable(values, fields);
		const names = Object.keys(values).sort();
		const types = names.map((name) => fields[name].type);
		const columns = names.map((name, column) => (types[column] === 'many2one' ? `${name}/.id` : name));
		const group: LoadGroup = { model, names, columns, types, callContext };
		return { group, sent: String(raw).trim(), externalId, values, key: JSON.stringify([model, externalId.module, externalId.name]) };
	});
	const keyCounts = new Map<string, number>();
	for (const item of planned) if ('value' in item) keyCounts.set(item.value.key, (keyCounts.get(item.value.key) ?? 0) + 1);
	const sharesKey = (load: PlannedLoad) => (keyCounts.get(load.key) ?? 0) > 1;

	const lookups = batchedExternalIdLookups(client, run.batching);
	planned.forEach((item, i) => {
		if ('value' in item && !sharesKey(item.value)) lookups.add(i, 'ir.model.data', item.value.externalId);
	});
	const loads = batchedLoads(client, node, run.batching);
	// Every lookup is answered before the loads are planned, so that these can be batched too.
	const decided = await planItems(context, run.itemCount, async (i) => {
		const load = plannedValue(planned[i]);
		if (sharesKey(load)) return { load };
		const existing = checkedTarget(load, await lookups.result(i));
		loads.add(i, load.group, load);
		return { load, existing };
	});

	let chain: Promise<unknown> = Promise.resolve();
	return await run.each(async (i) => {
		const { load, existing } = plannedValue(decided[i]);
		if (sharesKey(load)) {
			const turn = chain.then(async () => await loadAlone(client, node, load, i));
			chain = turn.catch(() => undefined);
			return await turn;
		}
		return outcome(load, existing, await loads.result(i));
	});
}

function outcome(load: PlannedLoad, existing: ExternalIdTarget | undefined, id: number) {
	// An external ID whose record was deleted is recreated by load (a new record): created, not updated.
	return { id, externalId: externalIdText(load.externalId), action: existing?.resId === id ? 'updated' : 'created' };
}

function checkedTarget(load: PlannedLoad, target: ExternalIdTarget | undefined): ExternalIdTarget | undefined {
	if (target && target.model !== load.group.model) {
		throw new LookupError(
			`The external ID "${externalIdText(load.externalId)}" names a ${target.model} record (ID ${target.resId}), not a ${load.group.model} one: nothing was written`,
			EXTERNAL_ID,
		);
	}
	return target;
}

/** load takes text; values it cannot carry losslessly (x2many, binary, reference) are refused before any request. */
function checkLoadable(values: IDataObject, fields: Record<string, OdooField>): void {
	if ('id' in values) throw new ParameterError('With Match On External ID the record is the external ID\'s: leave "id" out of the values', 'Values');
	if (loadable(values, fields)) return;
	const name = Object.keys(values).find((key) => !loadable({ [key]: values[key] }, fields)) as string;
	const type = fields[name]?.type;
	const why = type !== undefined && !LOADABLE_TYPES.has(type) ? `a ${type} field` : 'a value that is not text, a number or true/false';
	throw new ParameterError(
		`Match On External ID writes through Odoo's load, which cannot carry field "${name}" (${why}); match on fields instead, or set it with a later Update`,
		'Values',
	);
}

async function loadRows(client: CloudOffixClient, group: LoadGroup, members: PlannedLoad[], itemIndex: number) {
	const rows = members.map((load) => [load.sent, ...group.names.map((name, column) => loadText(group.types[column], load.values[name]))]);
	return await client.load(group.model, ['id', ...group.columns], rows, group.callContext, itemIndex);
}

function batchedLoads(client: CloudOffixClient, node: INode, batching: BatchLimits) {
	return new Batches<LoadGroup, PlannedLoad, Map<PlannedLoad, number>, number>({
		...batching,
		key: ({ model, names, callContext }) => JSON.stringify([model, names, callContext]),
		callBatch: async (group, members, itemIndexes) => {
			const answer = await loadRows(client, group, members, itemIndexes[0]);
			if (answer.ids === false) {
				// A batch of one is the item's own load: its refusal is the item's error.
				if (members.length === 1) throw refusedRow(node, answer.messages, itemIndexes[0]);
				throw new BatchRefused(answer.messages);
			}
			return idsByRow(node, answer.ids, members, itemIndexes[0], 'written');
		},
		share: (ids, load) => ids.get(load) as number,
		callOne: async (group, load, itemIndex, batchError) => {
			if (!(batchError instanceof BatchRefused)) throw batchError;
			return await loadOne(client, node, group, load, itemIndex);
		},
	});
}

async function loadOne(client: CloudOffixClient, node: INode, group: LoadGroup, load: PlannedLoad, itemIndex: number): Promise<number> {
	const answer = await loadRows(client, group, [load], itemIndex);
	if (answer.ids === false || answer.ids.length !== 1) throw refusedRow(node, answer.messages, itemIndex);
	return answer.ids[0];
}

/** An item whose external ID another item of the run shares: its own lookup, then its own load of one row. */
async function loadAlone(client: CloudOffixClient, node: INode, load: PlannedLoad, itemIndex: number) {
	const lookup = batchedExternalIdLookups(client, { size: 1, parallel: 1 });
	lookup.add(itemIndex, 'ir.model.data', load.externalId);
	const existing = checkedTarget(load, await lookup.result(itemIndex));
	return outcome(load, existing, await loadOne(client, node, load.group, load, itemIndex));
}
