import type { IDataObject } from 'n8n-workflow';

import { Batches, type BatchLimits } from '../../../shared/batches';
import type { CloudOffixClient } from '../../transport';

interface ModelCall {
	model: string;
	callContext: IDataObject;
}

interface ReadGroup extends ModelCall {
	fields: string[];
}

// Two items may name one record; Odoo is asked about it once (its answers to repeated ids are not documented).
const unique = (ids: number[]) => [...new Set(ids)];

/**
 * Reads by id: items that read the same model with the same fields and context share one `read` (Odoo reads a
 * list of ids in one call). Each item gets its record, or undefined when Odoo left it out of the answer (missing,
 * or not readable by this user).
 */
export function batchedReads(client: CloudOffixClient, batching: BatchLimits) {
	return new Batches<ReadGroup, number, Map<number, IDataObject>, IDataObject | undefined>({
		...batching,
		key: ({ model, fields, callContext }) => JSON.stringify([model, fields, callContext]),
		callBatch: async ({ model, fields, callContext }, ids, [first]) =>
			new Map((await client.read(model, unique(ids), fields, callContext, first)).map((record) => [record.id, record])),
		share: (records, id) => records.get(id),
		callOne: async ({ model, fields, callContext }, id, itemIndex) => (await client.read(model, [id], fields, callContext, itemIndex))[0],
	});
}

/** Whether a record exists, archived ones included: one `search` per model for a batch of items. */
export function batchedExistence(client: CloudOffixClient, batching: BatchLimits) {
	const exists = async (model: string, ids: number[], itemIndex: number) =>
		new Set(await client.search(model, [['id', 'in', unique(ids)]], { context: { active_test: false } }, itemIndex));
	return new Batches<string, number, Set<number>, boolean>({
		...batching,
		key: (model) => model,
		callBatch: async (model, ids, [first]) => await exists(model, ids, first),
		share: (existing, id) => existing.has(id),
		callOne: async (model, id, itemIndex) => (await exists(model, [id], itemIndex)).has(id),
	});
}

/**
 * Deletes: items that delete from the same model with the same context share one `unlink`. Odoo runs a call in
 * one transaction, so a batch that failed deleted nothing and each of its items then deletes its own record.
 */
export function batchedUnlinks(client: CloudOffixClient, batching: BatchLimits) {
	return new Batches<ModelCall, number, void, void>({
		...batching,
		key: ({ model, callContext }) => JSON.stringify([model, callContext]),
		callBatch: async ({ model, callContext }, ids, [first]) => await client.unlink(model, unique(ids), callContext, first),
		share: () => undefined,
		callOne: async ({ model, callContext }, id, itemIndex) => await client.unlink(model, [id], callContext, itemIndex),
	});
}

interface WriteGroup extends ModelCall {
	values: IDataObject;
}

/**
 * Updates: items that write the same values to the same model with the same context share one `write` (Odoo
 * writes one dict to a list of ids, in one transaction: a batch that failed wrote nothing). Items whose values
 * differ each make their own call.
 */
export function batchedWrites(client: CloudOffixClient, batching: BatchLimits) {
	return new Batches<WriteGroup, number, void, void>({
		...batching,
		key: ({ model, values, callContext }) => JSON.stringify([model, values, callContext]),
		callBatch: async ({ model, values, callContext }, ids, [first]) => await client.write(model, unique(ids), values, callContext, first),
		share: () => undefined,
		callOne: async ({ model, values, callContext }, id, itemIndex) => await client.write(model, [id], values, callContext, itemIndex),
	});
}

interface KeyGroup extends ModelCall {
	keys: string[];
}

/** A key field's value as a read answers it compared with the value written: a many2one reads as [id, name]. */
const keyValue = (value: unknown) => (Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' ? value[0] : value);

/** Odoo's prefix notation for OR of ANDs: one clause per item, each the equalities of its key fields. */
function keysDomain(keys: string[], members: IDataObject[]): unknown[] {
	const clause = (values: IDataObject) => [...Array<string>(keys.length - 1).fill('&'), ...keys.map((key) => [key, '=', values[key]])];
	return [...Array<string>(members.length - 1).fill('|'), ...members.flatMap(clause)];
}

/** An item's key: the key fields and its values (all of them; the key fields' are matched). */
interface KeyedValues {
	keys: string[];
	values: IDataObject;
}

const tupleOf = ({ keys, values }: KeyedValues) => JSON.stringify(keys.map((key) => keyValue(values[key])));

/** What identifies an item's record in its run: items with the same one must run one after another. */
export function recordKeyOf(group: KeyGroup, values: IDataObject): string {
	return JSON.stringify([group.model, group.keys, group.callContext, tupleOf({ keys: group.keys, values })]);
}

/**
 * Create or Update's lookups: the records whose key fields equal each item's values, archived ones included, with
 * one `search_read` for a batch of items instead of one `search` each. Each item gets the ids that match it.
 */
export function batchedKeyLookups(client: CloudOffixClient, batching: BatchLimits) {
	const find = async ({ model, keys, callContext }: KeyGroup, members: KeyedValues[], itemIndex: number) => {
		const domain = keysDomain(keys, members.map((member) => member.values));
		const records = await client.searchRead(model, domain, keys, { context: { ...callContext, active_test: false } }, itemIndex);
		const byTuple = new Map<string, number[]>();
		for (const record of records) {
			const tuple = tupleOf({ keys, values: record });
			byTuple.set(tuple, [...(byTuple.get(tuple) ?? []), record.id]);
		}
		return byTuple;
	};
	return new Batches<KeyGroup, KeyedValues, Map<string, number[]>, number[]>({
		...batching,
		key: ({ model, keys, callContext }) => JSON.stringify([model, keys, callContext]),
		callBatch: async (group, members, [first]) => await find(group, members, first),
		share: (byTuple, member) => byTuple.get(tupleOf(member)) ?? [],
		callOne: async (group, member, itemIndex) => (await find(group, [member], itemIndex)).get(tupleOf(member)) ?? [],
	});
}
