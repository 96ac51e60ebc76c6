import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { Batches, type BatchLimits } from '../../../shared/batches';
import type { CloudOffixClient, LoadMessage, OdooField } from '../../transport';

/**
 * Batch create through `load(fields, rows)`, Odoo's import method (Odoo 11's `create` takes one dict): one call
 * creates a whole batch, all or nothing. When the server refuses a batch (`ids: false`, per-row messages) nothing
 * was created, so each of its items is created on its own: good rows are created, a bad row fails on its own item
 * with Odoo's error for it. When a batch fails any other way (the connection dropped, an unreadable answer) the
 * server may have created it: its items fail, and are never sent again.
 *
 * `load` takes text: the field types below convert losslessly (a many2one goes by database id in the
 * `field/.id` column). Items with values of other types (x2many, binary, reference) are created one by one.
 */
export const LOADABLE_TYPES = new Set(['char', 'text', 'html', 'integer', 'float', 'monetary', 'boolean', 'selection', 'date', 'datetime', 'many2one']);

interface CreateGroup {
	model: string;
	/** The field names, in column order. */
	names: string[];
	/** The `load` columns (`partner_id/.id` for a many2one). */
	columns: string[];
	types: string[];
	callContext: IDataObject;
}

/** The server refused a batch: nothing was created, each item may go on its own. */
class BatchRefused extends Error {
	constructor(readonly messages: LoadMessage[]) {
		super(`load refused the batch: ${messages.find((message) => message.type === 'error')?.message ?? 'no message'}`);
	}
}

/** Whether `values` can go through `load` unchanged in meaning. */
export function loadable(values: IDataObject, fields: Record<string, OdooField>): boolean {
	return Object.entries(values).every(([name, value]) => {
		const type = fields[name]?.type;
		return type !== undefined && LOADABLE_TYPES.has(type) && (value === false || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean');
	});
}

/** A value as `load` reads it (ir.fields converters): '' is empty, booleans as 1/0, numbers and ids as text. */
export function loadText(type: string, value: unknown): string {
	if (type === 'boolean') return value ? '1' : '0';
	if (value === false || value === null || value === undefined) return '';
	return String(value);
}

export function batchedCreates(client: CloudOffixClient, node: INode, batching: BatchLimits) {
	const create = async ({ model, callContext }: CreateGroup, values: IDataObject, itemIndex: number) => await client.create(model, values, callContext, itemIndex);
	const batches = new Batches<CreateGroup, IDataObject, Map<IDataObject, number>, number>({
		...batching,
		key: ({ model, names, callContext }) => JSON.stringify([model, names, callContext]),
		callBatch: async (group, members, itemIndexes) => {
			// A batch of one is a plain create: its error is Odoo's own, not a load message.
			if (members.length === 1) return new Map([[members[0], await create(group, members[0], itemIndexes[0])]]);
			const rows = members.map((values) => group.names.map((name, column) => loadText(group.types[column], values[name])));
			const answer = await client.load(group.model, group.columns, rows, group.callContext, itemIndexes[0]);
			if (answer.ids === false) throw new BatchRefused(answer.messages);
			return idsByRow(node, answer.ids, members, itemIndexes[0], 'created');
		},
		share: (ids, values) => ids.get(values) as number,
		callOne: async (group, values, itemIndex, batchError) => {
			if (!(batchError instanceof BatchRefused)) throw batchError;
			return await create(group, values, itemIndex);
		},
	});
	return {
		/**
		 * Plans an item's create in a batch when batching is on and `load` can carry its values (`fields`: the
		 * model's fields_get); false when the item is to be created on its own.
		 */
		add: (itemIndex: number, model: string, values: IDataObject, fields: Record<string, OdooField>, callContext: IDataObject): boolean => {
			const names = Object.keys(values).sort();
			if (batching.size === 1 || names.length === 0 || !loadable(values, fields)) return false;
			const types = names.map((name) => fields[name].type);
			const columns = names.map((name, column) => (types[column] === 'many2one' ? `${name}/.id` : name));
			const group: CreateGroup = { model, names, columns, types, callContext };
			batches.add(itemIndex, group, values);
			return true;
		},
		id: async (itemIndex: number) => await batches.result(itemIndex),
	};
}

/**
 * The id `load` gave each row, by member. An answer with another number of ids than rows cannot be paired: the rows
 * may have been written, so the items fail and are not sent again.
 */
export function idsByRow<Member>(node: INode, ids: number[], members: readonly Member[], itemIndex: number, done: 'created' | 'written'): Map<Member, number> {
	if (ids.length !== members.length) {
		throw new NodeOperationError(node, `CloudOffix load answered ${ids.length} ids for ${members.length} rows: the items may have been ${done} and were not sent again`, { itemIndex });
	}
	return new Map(members.map((member, row) => [member, ids[row]]));
}
