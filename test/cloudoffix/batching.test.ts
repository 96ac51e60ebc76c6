import type { IDataObject } from 'n8n-workflow';

import { afterItems, packageNode } from '../harness';
import { cloudOffixHarness, useCloudOffixSandbox, type CloudOffixHarness } from './sandbox';

/**
 * Create, Get, Update and Delete go through the shared batching step: one call per batch of items, and when a batch fails, one
 * call per item of it, so that each output item stays paired to its input in order and an error belongs to the
 * item that caused it.
 */
const sandbox = useCloudOffixSandbox();
const partner = { mode: 'name', value: 'res.partner' };
/** The administrator's partner: res.users.partner_id (required, restrict) keeps it from being deleted. */
const ADMIN_PARTNER = 3;

function byIdNode(operation: 'get' | 'update' | 'deleteRecord', extra: IDataObject = {}, continueOnFail = true) {
	return packageNode(
		'cloudOffix',
		{ resource: 'record', operation, model: partner, recordId: { mode: 'id', value: '={{ $json.id }}' }, options: { fields: ['name'] }, ...extra },
		{ cloudOffixApi: 'co-1' },
		{ continueOnFail },
	);
}

async function createPartners(harness: CloudOffixHarness, names: string[]): Promise<number[]> {
	const created = await harness.run(
		afterItems(
			names.map((name) => ({ name })),
			packageNode('cloudOffix', { resource: 'record', operation: 'create', model: partner, fieldsMode: 'json', valuesJson: '={{ JSON.stringify({ name: $json.name }) }}' }, { cloudOffixApi: 'co-1' }),
		),
	);
	return created.json('cloudOffix').map((item) => item.id as number);
}

async function existing(harness: CloudOffixHarness, ids: number[]): Promise<number[]> {
	const found = await harness.run(afterItems([{}], packageNode('cloudOffix', { resource: 'method', operation: 'call', model: partner, method: 'search', args: JSON.stringify([[['id', 'in', ids]]]) }, { cloudOffixApi: 'co-1' })));
	return (found.json('cloudOffix')[0].result as number[]).sort((a, b) => a - b);
}

describe('CloudOffix batching (Create, Get, Update, Delete)', () => {
	it('deletes many records with one existence check and one unlink', async () => {
		const harness = cloudOffixHarness(sandbox());
		const ids = await createPartners(harness, ['Batch A', 'Batch B', 'Batch C', 'Batch D']);
		sandbox().stats.reset();
		const result = await harness.run(afterItems(ids.map((id) => ({ id })), byIdNode('deleteRecord')));
		expect(result.output('cloudOffix').map((item) => [item.json, item.pairedItem])).toEqual(ids.map((id, item) => [{ id, deleted: true }, { item }]));
		expect({ search: sandbox().stats.calls['res.partner.search'], unlink: sandbox().stats.calls['res.partner.unlink'] }).toEqual({ search: 1, unlink: 1 });
		expect(await existing(harness, ids)).toEqual([]);
	});

	it('when the batch unlink is refused, deletes the others one by one and reports the refused one on its own item', async () => {
		const harness = cloudOffixHarness(sandbox());
		const [first, second, third] = await createPartners(harness, ['Keep Going A', 'Keep Going B', 'Keep Going C']);
		const ids = [first, ADMIN_PARTNER, second, third];
		sandbox().stats.reset();
		const result = await harness.run(afterItems(ids.map((id) => ({ id })), byIdNode('deleteRecord')));
		const output = result.output('cloudOffix');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect([0, 2, 3].map((index) => output[index].json)).toEqual([first, second, third].map((id) => ({ id, deleted: true })));
		expect(String(output[1].json.error)).toMatch(/operation cannot be completed/);
		// One refused batch (all-or-nothing: nothing deleted by it), then one unlink per item.
		expect(sandbox().stats.calls['res.partner.unlink']).toBe(1 + ids.length);
		expect(await existing(harness, [...ids])).toEqual([ADMIN_PARTNER]);
	});

	it('without Continue On Fail stops with the error of the refused item', async () => {
		const harness = cloudOffixHarness(sandbox());
		const [first] = await createPartners(harness, ['Stop Here A']);
		const result = await harness.run(afterItems([{ id: first }, { id: ADMIN_PARTNER }], byIdNode('deleteRecord', {}, false)));
		expect(result.error?.message).toMatch(/operation cannot be completed/);
		expect((result.error as unknown as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
	});

	it('reads many records with one read, and one read per item when the batch read fails', async () => {
		const harness = cloudOffixHarness(sandbox());
		const ids = await createPartners(harness, ['Read A', 'Read B', 'Read C']);
		const items = [...ids, ids[0]].map((id) => ({ id }));
		sandbox().stats.reset();
		const batched = await harness.run(afterItems(items, byIdNode('get')));
		expect(batched.output('cloudOffix').map((item) => [item.json.name, item.pairedItem])).toEqual([
			['Read A', { item: 0 }],
			['Read B', { item: 1 }],
			['Read C', { item: 2 }],
			['Read A', { item: 3 }],
		]);
		expect(sandbox().stats.calls['res.partner.read']).toBe(1);

		sandbox().stats.reset();
		sandbox().faults.set({ kind: 'status', status: 502, method: 'res.partner.read' });
		// Retries off: the batch read fails at once, and the items are read one by one.
		const fallback = await harness.run(afterItems(items, byIdNode('get', { connection: { retries: 0 } })));
		expect(fallback.json('cloudOffix').map((item) => item.name)).toEqual(['Read A', 'Read B', 'Read C', 'Read A']);
		// The refused batch read (502 before the server ran it), then one read per item; fields_get once per run.
		expect(sandbox().stats.calls).toEqual({ 'res.partner.fields_get': 1, 'res.partner.read': items.length });
		expect(sandbox().stats.requests['/web/dataset/call_kw']).toBe(1 + 1 + items.length);
	});

	it('updates items that set the same values with one write, and items with other values with their own', async () => {
		const harness = cloudOffixHarness(sandbox());
		const ids = await createPartners(harness, ['Same A', 'Same B', 'Other C', 'Same D']);
		const comments = ['same', 'same', 'other', 'same'];
		sandbox().stats.reset();
		const update = byIdNode('update', { fieldsMode: 'json', valuesJson: '={{ JSON.stringify({ comment: $json.comment }) }}' });
		const result = await harness.run(afterItems(ids.map((id, index) => ({ id, comment: comments[index] })), update));
		expect(result.output('cloudOffix').map((item) => [item.json, item.pairedItem])).toEqual(ids.map((id, item) => [{ id, updated: true }, { item }]));
		expect(sandbox().stats.calls['res.partner.write']).toBe(2);
		expect(await comment(harness, ids)).toEqual(comments);
	});

	it('when a batch write is refused (a missing id), writes the others one by one and fails the missing one on its own item', async () => {
		const harness = cloudOffixHarness(sandbox());
		const [first, second] = await createPartners(harness, ['Write A', 'Write B']);
		sandbox().stats.reset();
		const update = byIdNode('update', { fieldsMode: 'json', valuesJson: '{"comment": "batched"}' });
		const result = await harness.run(afterItems([{ id: first }, { id: 999999 }, { id: second }], update));
		const output = result.output('cloudOffix');
		expect([output[0].json, output[2].json]).toEqual([
			{ id: first, updated: true },
			{ id: second, updated: true },
		]);
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(String(output[1].json.error)).toMatch(/999999|does not exist|deleted/);
		expect(sandbox().stats.calls['res.partner.write']).toBe(1 + 3);
		expect(await comment(harness, [first, second])).toEqual(['batched', 'batched']);
	});
});

function createNode(valuesJson: string, connection: IDataObject = {}) {
	return packageNode('cloudOffix', { resource: 'record', operation: 'create', model: partner, fieldsMode: 'json', valuesJson, connection }, { cloudOffixApi: 'co-1' }, { continueOnFail: true });
}

const PARTNER_VALUES = '={{ JSON.stringify({ name: $json.name, is_company: $json.company, credit_limit: $json.limit, country_id: $json.country, comment: $json.comment }) }}';

async function partnersNamed(harness: CloudOffixHarness, prefix: string): Promise<Array<Record<string, unknown>>> {
	const found = await harness.run(
		afterItems([{}], packageNode('cloudOffix', { resource: 'record', operation: 'getMany', model: partner, filterType: 'domain', domain: JSON.stringify([['name', '=like', `${prefix}%`]]), returnAll: true, options: { fields: ['name', 'is_company', 'credit_limit', 'country_id', 'comment'], order: 'id' } }, { cloudOffixApi: 'co-1' })),
	);
	return found.json('cloudOffix');
}

describe('CloudOffix batch create (load)', () => {
	const rows = [
		{ name: 'Loaded 1', company: true, limit: 10.5, country: 1, comment: 'first' },
		{ name: 'Loaded 2', company: false, limit: 0, country: false, comment: '' },
		{ name: 'Loaded 3', company: true, limit: 3, country: 2, comment: 'third' },
	];

	it('creates a batch with one load, the ids in input order and each item paired, values as create would store them', async () => {
		const harness = cloudOffixHarness(sandbox());
		sandbox().stats.reset();
		const result = await harness.run(afterItems(rows, createNode(PARTNER_VALUES)));
		const ids = result.json('cloudOffix').map((item) => item.id as number);
		expect(result.output('cloudOffix').map((item) => item.pairedItem)).toEqual(rows.map((_, item) => ({ item })));
		expect(sandbox().stats.calls['res.partner.load']).toBe(1);
		expect(sandbox().stats.calls['res.partner.create'] ?? 0).toBe(0);
		expect(sandbox().stats.creates['res.partner']).toBe(rows.length);

		// The same rows created one by one (Batch Size 1) are the reference.
		const single = await harness.run(afterItems(rows.map((row) => ({ ...row, name: row.name.replace('Loaded', 'Single') })), createNode(PARTNER_VALUES, { batchSize: 1 })));
		expect(single.error).toBeUndefined();
		const strip = (records: Array<Record<string, unknown>>) => records.map((record) => ({ ...record, id: undefined, name: String(record.name).replace(/^\w+/, '') }));
		const loaded = await partnersNamed(harness, 'Loaded');
		expect(loaded.map((record) => record.id)).toEqual(ids);
		expect(strip(loaded)).toEqual(strip(await partnersNamed(harness, 'Single')));
	});

	it('when load refuses the batch (nothing created), creates the good rows one by one and fails the bad one on its own item', async () => {
		const harness = cloudOffixHarness(sandbox());
		const withBadCountry = [rows[0], { ...rows[1], country: 999999 }, rows[2]];
		sandbox().stats.reset();
		const result = await harness.run(afterItems(withBadCountry, createNode(PARTNER_VALUES)));
		const output = result.output('cloudOffix');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(typeof output[0].json.id).toBe('number');
		expect(typeof output[2].json.id).toBe('number');
		expect(output[1].json.error).toEqual(expect.any(String));
		expect(sandbox().stats.calls['res.partner.load']).toBe(1);
		expect(sandbox().stats.creates['res.partner']).toBe(2);
		expect((await partnersNamed(harness, 'Loaded')).map((record) => record.name)).toEqual(['Loaded 1', 'Loaded 3']);
	});

	it('never sends a batch again when its answer is lost: its items fail, the records the server made are not duplicated', async () => {
		const harness = cloudOffixHarness(sandbox());
		sandbox().faults.set({ kind: 'resetAfterProcessing', method: 'res.partner.load' });
		sandbox().stats.reset();
		const result = await harness.run(afterItems(rows, createNode(PARTNER_VALUES)));
		const output = result.output('cloudOffix');
		expect(output.map((item) => item.pairedItem)).toEqual(rows.map((_, item) => ({ item })));
		for (const item of output) expect(String(item.json.error)).toContain('failed');
		expect(sandbox().stats.calls['res.partner.create'] ?? 0).toBe(0);
		expect(sandbox().stats.calls['res.partner.load']).toBe(1);
		expect(sandbox().stats.creates['res.partner']).toBe(rows.length);
		expect(await partnersNamed(harness, 'Loaded')).toHaveLength(rows.length);
	});

	it('creates items with values load cannot carry (x2many) one by one, beside a batch of the others', async () => {
		const harness = cloudOffixHarness(sandbox());
		sandbox().stats.reset();
		const values = '={{ JSON.stringify($json.tags ? { name: $json.name, category_id: $json.tags } : { name: $json.name }) }}';
		const result = await harness.run(afterItems([{ name: 'Loaded A' }, { name: 'Loaded Tagged', tags: [1] }, { name: 'Loaded B' }], createNode(values)));
		expect(result.json('cloudOffix').every((item) => typeof item.id === 'number')).toBe(true);
		expect({ load: sandbox().stats.calls['res.partner.load'], create: sandbox().stats.calls['res.partner.create'] }).toEqual({ load: 1, create: 1 });
		expect(sandbox().stats.creates['res.partner']).toBe(3);
	});
});

async function comment(harness: CloudOffixHarness, ids: number[]): Promise<unknown[]> {
	const read = await harness.run(afterItems(ids.map((id) => ({ id })), byIdNode('get', { options: { fields: ['comment'] } })));
	return read.json('cloudOffix').map((record) => record.comment);
}

describe('CloudOffix Create or Update, batched', () => {
	const upsertNode = () =>
		packageNode(
			'cloudOffix',
			{ resource: 'record', operation: 'upsert', model: partner, fieldsMode: 'json', valuesJson: '={{ JSON.stringify({ ref: $json.ref, name: $json.name }) }}', matchOn: ['ref'] },
			{ cloudOffixApi: 'co-1' },
			{ continueOnFail: true },
		);
	const byRef = async (harness: CloudOffixHarness, ref: string) =>
		(await harness.run(afterItems([{}], packageNode('cloudOffix', { resource: 'method', operation: 'call', model: partner, method: 'search_read', args: JSON.stringify([[['ref', '=', ref]], ['name']]) }, { cloudOffixApi: 'co-1' })))).json('cloudOffix');

	it('finds every key with one search_read, updates the matches and creates the others in one load', async () => {
		const harness = cloudOffixHarness(sandbox());
		const existing = await harness.run(afterItems([{ ref: 'UP-1', name: 'Old 1' }, { ref: 'UP-2', name: 'Old 2' }], upsertNode()));
		const [one, two] = existing.json('cloudOffix').map((item) => item.id as number);
		sandbox().stats.reset();
		const input = [
			{ ref: 'UP-1', name: 'New 1' },
			{ ref: 'UP-3', name: 'New 3' },
			{ ref: 'UP-2', name: 'New 2' },
			{ ref: 'UP-4', name: 'New 4' },
		];
		const result = await harness.run(afterItems(input, upsertNode()));
		const output = result.json('cloudOffix');
		expect(output.map((item) => item.action)).toEqual(['updated', 'created', 'updated', 'created']);
		expect([output[0].id, output[2].id]).toEqual([one, two]);
		expect(result.output('cloudOffix').map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		const { calls } = sandbox().stats;
		expect({ searchRead: calls['res.partner.search_read'], load: calls['res.partner.load'], writes: calls['res.partner.write'], creates: calls['res.partner.create'] ?? 0 }).toEqual({ searchRead: 1, load: 1, writes: 2, creates: 0 });
		for (const { ref, name } of input) expect((await byRef(harness, ref)).map((record) => record.name)).toEqual([name]);
	});

	it('runs items that share a key one after another: the first creates, the next updates that record', async () => {
		const harness = cloudOffixHarness(sandbox());
		const input = [
			{ ref: 'DUP-1', name: 'First' },
			{ ref: 'DUP-2', name: 'Alone' },
			{ ref: 'DUP-1', name: 'Second' },
		];
		const result = await harness.run(afterItems(input, upsertNode()));
		const output = result.json('cloudOffix');
		expect(output.map((item) => item.action)).toEqual(['created', 'created', 'updated']);
		expect(output[2].id).toBe(output[0].id);
		expect((await byRef(harness, 'DUP-1')).map((record) => record.name)).toEqual(['Second']);
		expect(await byRef(harness, 'DUP-2')).toHaveLength(1);
	});

	it('fails only the item whose key matches several records', async () => {
		const harness = cloudOffixHarness(sandbox());
		await createPartners(harness, ['Twin A', 'Twin B']);
		const twins = await harness.run(
			afterItems([{}], packageNode('cloudOffix', { resource: 'method', operation: 'call', model: partner, method: 'search', args: JSON.stringify([[['name', '=like', 'Twin %']]]) }, { cloudOffixApi: 'co-1' })),
		);
		const twinIds = twins.json('cloudOffix')[0].result as number[];
		await harness.run(afterItems(twinIds.map((id) => ({ id })), byIdNode('update', { fieldsMode: 'json', valuesJson: '{"ref": "TWIN"}' })));
		const result = await harness.run(afterItems([{ ref: 'SOLO', name: 'Solo' }, { ref: 'TWIN', name: 'Which?' }], upsertNode()));
		const output = result.output('cloudOffix');
		expect(output[0].json.action).toBe('created');
		expect(String(output[1].json.error)).toContain('Several res.partner records match ref = "TWIN"');
		expect(output[1].pairedItem).toEqual({ item: 1 });
	});
});
