import type { IDataObject } from 'n8n-workflow';

import { afterItems, packageNode } from '../harness';
import { cloudOffixHarness, useCloudOffixSandbox } from './sandbox';

const sandbox = useCloudOffixSandbox();
const partner = { mode: 'name', value: 'res.partner' };

function cloudOffix(parameters: IDataObject, wireFormat = 'jsonRpcSession') {
	return packageNode('cloudOffix', { model: partner, connection: { wireFormat }, ...parameters }, { cloudOffixApi: 'co-1' });
}

// Read-only operations: each must give the same, non-empty items over all three wire formats.
const READS: Array<[string, IDataObject]> = [
	['Record: Count', { resource: 'record', operation: 'count', filterType: 'domain', domain: '[["is_company","=",true]]' }],
	['Record: Search by Name', { resource: 'record', operation: 'searchByName', name: 'a', limit: 5 }],
	['Record: Get', { resource: 'record', operation: 'get', recordId: { mode: 'id', value: '1' }, options: { fields: ['name', 'parent_id', 'create_date'] } }],
	['Record: Get Many', { resource: 'record', operation: 'getMany', limit: 7, options: { fields: ['name', 'country_id', 'category_id', 'active'], order: 'name desc' } }],
	['Record: Aggregate', { resource: 'record', operation: 'aggregate', groupBy: 'country_id', aggregates: [], filterType: 'domain', domain: '[["country_id","!=",false]]' }],
	['Method: Call', { resource: 'method', operation: 'call', method: 'name_get', args: '[[1, 3]]', kwargs: '{}' }],
	['Model: List Models', { resource: 'model', operation: 'listModels', search: 'res.' }],
	['Model: Get Fields', { resource: 'model', operation: 'getFields' }],
];

describe('CloudOffix: every read gives the same items over every wire format', () => {
	it.each(READS)('%s', async (_, parameters) => {
		const harness = cloudOffixHarness(sandbox());
		const outputs = [];
		for (const wireFormat of ['jsonRpcSession', 'jsonRpc', 'xmlRpc']) {
			const result = await harness.run(afterItems([{}], cloudOffix(parameters, wireFormat)));
			expect(result.error).toBeUndefined();
			outputs.push(result.json('cloudOffix'));
		}
		expect(outputs[0].length).toBeGreaterThan(0);
		expect(outputs[1]).toEqual(outputs[0]);
		expect(outputs[2]).toEqual(outputs[0]);
	});

	it.each(['jsonRpc', 'xmlRpc'])('creates and upserts over %s too', async (wireFormat) => {
		const harness = cloudOffixHarness(sandbox());
		const upsert = cloudOffix({ resource: 'record', operation: 'upsert', matchOn: ['ref'], fieldsMode: 'json', valuesJson: '={{ JSON.stringify($json) }}' }, wireFormat);
		const result = await harness.run(afterItems([{ ref: `W-${wireFormat}`, name: 'One' }, { ref: `W-${wireFormat}`, name: 'Two' }], upsert));
		expect(result.json('cloudOffix').map((r) => r.action)).toEqual(['created', 'updated']);
		expect(sandbox().stats.creates['res.partner']).toBe(1);
	});
});

describe('CloudOffix relational writes and context', () => {
	it('sets many2one by id and applies explicit x2many commands', async () => {
		const harness = cloudOffixHarness(sandbox());
		const categories = (await harness.run(afterItems([{}], cloudOffix({ resource: 'record', operation: 'getMany', model: { mode: 'name', value: 'res.partner.category' }, limit: 3, options: { fields: ['name'] } })))).json('cloudOffix');
		const [a, b, c] = categories.map((category) => category.id as number);
		const created = await harness.run(
			afterItems([{}], cloudOffix({ resource: 'record', operation: 'create', fieldsMode: 'json', valuesJson: JSON.stringify({ name: 'Relational Co', country_id: '21', category_id: [a, b] }) })),
		);
		const id = created.json('cloudOffix')[0].id as number;
		await harness.run(afterItems([{}], cloudOffix({ resource: 'record', operation: 'update', recordId: { mode: 'id', value: String(id) }, fieldsMode: 'json', valuesJson: JSON.stringify({ category_id: [[3, a], [4, c]] }) })));
		const read = await harness.run(afterItems([{}], cloudOffix({ resource: 'record', operation: 'get', recordId: { mode: 'id', value: String(id) }, options: { fields: ['country_id', 'category_id'], simplify: false } })));
		const record = read.json('cloudOffix')[0];
		expect((record.country_id as unknown[])[0]).toBe(21);
		expect(typeof (record.country_id as unknown[])[1]).toBe('string');
		expect([...(record.category_id as number[])].sort()).toEqual([b, c].sort());
	});

	it('hides archived records unless asked, and passes the language in the context', async () => {
		const harness = cloudOffixHarness(sandbox());
		const created = await harness.run(afterItems([{}], cloudOffix({ resource: 'record', operation: 'create', fieldsMode: 'json', valuesJson: '{"name": "Archived Co", "active": false}' })));
		expect(created.error).toBeUndefined();
		const find = (options: IDataObject) =>
			cloudOffix({ resource: 'record', operation: 'count', filterType: 'domain', domain: '[["name","=","Archived Co"]]', options });
		expect((await harness.run(afterItems([{}], find({})))).json('cloudOffix')[0].count).toBe(0);
		expect((await harness.run(afterItems([{}], find({ includeArchived: true })))).json('cloudOffix')[0].count).toBe(1);
		const withLanguage = await harness.run(afterItems([{}], find({ lang: 'tr_TR', context: '{"tz": "Europe/Istanbul"}' })));
		expect(withLanguage.error).toBeUndefined();
		const bad = await harness.run(afterItems([{}], find({ context: '{not json' })));
		expect(bad.error?.message).toContain('Extra Context (JSON)');
	});

	it('keeps output order equal to input order with parallel requests', async () => {
		const harness = cloudOffixHarness(sandbox());
		// With Batch Size 1, Update sends one write per item. The first two writes answer late, so the later items
		// finish first: output in completion order would start with item 2.
		sandbox().faults.set({ kind: 'latency', ms: 300, times: 2, method: 'res.partner.write' });
		const ids = [9, 1, 8, 3, 7, 5];
		const update = packageNode(
			'cloudOffix',
			{ resource: 'record', operation: 'update', model: partner, recordId: { mode: 'id', value: '={{$json.id}}' }, fieldsMode: 'json', valuesJson: '{"comment": "ordered"}', connection: { concurrency: 4, batchSize: 1 } },
			{ cloudOffixApi: 'co-1' },
		);
		const result = await harness.run(afterItems(ids.map((id) => ({ id })), update));
		expect(result.json('cloudOffix')).toEqual(ids.map((id) => ({ id, updated: true })));
		expect(result.output('cloudOffix').map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect(sandbox().stats.calls['res.partner.write']).toBe(ids.length);
	});

	it('reads many items with one request, reports a missing id on its own item, and retries a failed batch per item', async () => {
		const harness = cloudOffixHarness(sandbox());
		const get = packageNode(
			'cloudOffix',
			{ resource: 'record', operation: 'get', model: partner, recordId: { mode: 'id', value: '={{$json.id}}' }, options: { fields: ['name'] } },
			{ cloudOffixApi: 'co-1' },
			{ continueOnFail: true },
		);
		const ids = [3, 1, 999999, 8, 5];
		const batched = await harness.run(afterItems(ids.map((id) => ({ id })), get));
		expect(sandbox().stats.calls['res.partner.read']).toBe(1);
		const items = batched.output('cloudOffix');
		expect(items.map((item) => item.json.id ?? null)).toEqual([3, 1, null, 8, 5]);
		expect(String(items[2].json.error)).toContain('has no record with ID 999999');
		expect(items[2].pairedItem).toEqual({ item: 2 });

		sandbox().stats.reset();
		sandbox().faults.set({ kind: 'status', status: 502, method: 'res.partner.read' });
		// Retries off: the failed batch read is sent again item by item.
		const retried = await harness.run(afterItems([{ id: 3 }, { id: 1 }], { ...get, parameters: { ...get.parameters, connection: { retries: 0 } } }));
		expect(retried.json('cloudOffix').map((record) => record.id)).toEqual([3, 1]);
		expect(sandbox().stats.calls['res.partner.read']).toBe(2);
	});
});
