import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planItems, plannedValue } from '../../../shared/executeItems';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { LookupError, ParameterError } from '../../../shared/parameterError';
import { callContextOf, modelOf, type OperationRun } from '../common';
import { contextOptions, modelLocator, optionsCollection } from '../common.descriptions';
import { batchedKeyLookups, batchedWrites, recordKeyOf } from './batchedCalls';
import { batchedCreates } from './batchedCreate';
import { fieldValuesOf, fieldValuesProperties, matchFieldsOf, matchOnProperty } from './fieldValues';
import { externalIdProperty, matchByProperty, matchesByExternalId, upsertByExternalId } from './upsertByExternalId';

const properties: INodeProperties[] = [
	modelLocator,
	matchByProperty,
	externalIdProperty,
	// Matched by external ID, the mapper has no fields to match on (its Create mode).
	...fieldValuesProperties('upsert').map((property) => (property.name === 'columns' ? { ...property, displayOptions: { show: { ...property.displayOptions?.show, matchBy: ['fields'] } } } : property)),
	...fieldValuesProperties('add')
		.filter((property) => property.name === 'columns')
		.map((property) => ({ ...property, displayOptions: { show: { ...property.displayOptions?.show, matchBy: ['externalId'] } } })),
	{ ...matchOnProperty, displayOptions: { show: { ...matchOnProperty.displayOptions?.show, matchBy: ['fields'] } } },
	optionsCollection(contextOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['upsert'] } }, properties);

interface PlannedUpsert {
	model: string;
	keys: string[];
	parameter: string;
	values: IDataObject;
	callContext: IDataObject;
	/** Another item of the run has the same key: these run one after another, each seeing what the one before made. */
	sharesKey: boolean;
}

/**
 * The records matching each item's key fields, found with one `search_read` per batch; then `write` when exactly
 * one record matches (batched by equal values), `create` when none (batched through `load`), and an error when
 * several do. Items whose key another item of the run shares run one after another, in input order, each with its
 * own search: two items with the same key must not both see "no match" and create the record twice.
 */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	if (matchesByExternalId(run)) return await upsertByExternalId(run);
	const { context, client } = run;
	const lookups = batchedKeyLookups(client, run.batching);
	const planned = await planItems(context, run.itemCount, async (i): Promise<Omit<PlannedUpsert, 'sharesKey'> & { key: string }> => {
		const model = modelOf(context, i);
		const { keys, parameter } = matchFieldsOf(run, i);
		const values = await fieldValuesOf(run, model, i);
		const missing = keys.filter((key) => !(key in values));
		if (missing.length > 0) {
			throw new ParameterError(`Match field ${missing.map((key) => `"${key}"`).join(', ')} has no value to match`, parameter);
		}
		const callContext = { ...callContextOf(context, i) };
		return { model, keys, parameter, values, callContext, key: recordKeyOf({ model, keys, callContext }, values) };
	});
	const keyCounts = new Map<string, number>();
	for (const item of planned) if ('value' in item) keyCounts.set(item.value.key, (keyCounts.get(item.value.key) ?? 0) + 1);
	const upserts = planned.map((item, i) => {
		if (!('value' in item)) return item;
		const upsert: PlannedUpsert = { ...item.value, sharesKey: (keyCounts.get(item.value.key) ?? 0) > 1 };
		if (!upsert.sharesKey) lookups.add(i, upsert, { keys: upsert.keys, values: upsert.values });
		return { value: upsert };
	});

	// Every lookup is answered before the writes and creates are planned, so that those can be batched too.
	const writes = batchedWrites(client, run.batching);
	const creates = batchedCreates(client, context.getNode(), run.batching);
	const decided = await planItems(context, run.itemCount, async (i) => {
		const upsert = plannedValue(upserts[i]);
		if (upsert.sharesKey) return { upsert };
		const matches = matchesOrError(upsert, await lookups.result(i));
		if (matches.length === 1) {
			writes.add(i, upsert, matches[0]);
			return { upsert, matched: matches[0] };
		}
		return { upsert, createsInBatch: creates.add(i, upsert.model, upsert.values, await client.fields(upsert.model, i), upsert.callContext) };
	});

	// The items that share a key, chained in input order (the item loop starts items in that order).
	let chain: Promise<unknown> = Promise.resolve();
	return await run.each(async (i) => {
		const { upsert, matched, createsInBatch } = plannedValue(decided[i]);
		if (upsert.sharesKey) {
			const turn = chain.then(async () => await upsertAlone(run, upsert, i));
			chain = turn.catch(() => undefined);
			return await turn;
		}
		if (matched !== undefined) {
			await writes.result(i);
			return { id: matched, action: 'updated' };
		}
		const id = createsInBatch ? await creates.id(i) : await client.create(upsert.model, upsert.values, upsert.callContext, i);
		return { id, action: 'created' };
	});
}

function matchesOrError({ model, keys, values, parameter }: PlannedUpsert, matches: number[]): number[] {
	if (matches.length > 1) {
		throw new LookupError(
			`Several ${model} records match ${keys.map((key) => `${key} = ${JSON.stringify(values[key])}`).join(' and ')} (IDs ${matches.slice(0, 5).join(', ')}, …): nothing was written`,
			parameter,
		);
	}
	return matches;
}

/** One item on its own: its own search, then its write or create. */
async function upsertAlone(run: OperationRun, upsert: PlannedUpsert, i: number) {
	const { model, keys, values, callContext } = upsert;
	const matches = matchesOrError(upsert, await run.client.search(model, keys.map((key) => [key, '=', values[key]]), { limit: 2, context: { ...callContext, active_test: false } }, i));
	if (matches.length === 1) {
		await run.client.write(model, matches, values, callContext, i);
		return { id: matches[0], action: 'updated' };
	}
	return { id: await run.client.create(model, values, callContext, i), action: 'created' };
}
