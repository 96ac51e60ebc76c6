import type { IDataObject } from 'n8n-workflow';

import { CloudOffix } from '../../nodes/CloudOffix/CloudOffix.node';
import { afterItems, packageNode } from '../harness';
import { recordingMethods } from '../harness/secrets';
import { cloudOffixHarness, mappedColumns, useCloudOffixSandbox, type CloudOffixHarness } from './sandbox';

/**
 * A custom model and field created through the node itself (Method → Call on ir.model and ir.model.fields) are
 * usable by every record operation and by the editor's lists in the next executions: fields_get is kept per
 * execution only (transport/fieldsCache.ts).
 */
const sandbox = useCloudOffixSandbox();
const credentials = { cloudOffixApi: 'co-1' };
const shop = { mode: 'name', value: 'x_shop' };
const { listSearch, loadOptions } = recordingMethods(new CloudOffix().methods);

async function call(harness: CloudOffixHarness, model: string, method: string, args: unknown[]): Promise<IDataObject[]> {
	const run = await harness.run(afterItems([{}], packageNode('cloudOffix', { resource: 'method', operation: 'call', model: { mode: 'name', value: model }, method, args: JSON.stringify(args) }, credentials)));
	expect(run.error).toBeUndefined();
	return run.json('cloudOffix');
}

function record(operation: string, parameters: IDataObject = {}) {
	return packageNode('cloudOffix', { resource: 'record', operation, model: shop, ...parameters }, credentials, { continueOnFail: true });
}

async function runRecord(harness: CloudOffixHarness, items: IDataObject[], operation: string, parameters: IDataObject = {}): Promise<IDataObject[]> {
	const run = await harness.run(afterItems(items, record(operation, parameters)));
	expect(run.error).toBeUndefined();
	const output = run.json('cloudOffix');
	for (const item of output) expect(item).not.toHaveProperty('error');
	return output;
}

async function createShopModel(harness: CloudOffixHarness): Promise<number> {
	const [{ result: modelId }] = await call(harness, 'ir.model', 'create', [{ name: 'Shop', model: 'x_shop' }]);
	await call(harness, 'ir.model.fields', 'create', [{ name: 'x_code', field_description: 'Code', ttype: 'char', model_id: modelId }]);
	return modelId as number;
}

describe('CloudOffix custom models created through the node', () => {
	it('a new x_ model and field work with every record operation, and the editor lists see them', async () => {
		const harness = cloudOffixHarness(sandbox());
		// The editor before the model exists, so that any cache across executions would be seen below.
		const editing = (operation = 'create') => harness.loadOptionsContext(packageNode('cloudOffix', { resource: 'record', operation, model: { mode: 'list', value: 'x_shop' } }, credentials));
		expect((await listSearch.searchModels.call(editing(), 'x_shop')).results.map((result) => result.value)).not.toContain('x_shop');
		await createShopModel(harness);

		expect((await listSearch.searchModels.call(editing(), 'x_shop')).results.map((result) => result.value)).toContain('x_shop');
		expect((await loadOptions.getFieldNames.call(editing())).map((option) => option.value)).toEqual(expect.arrayContaining(['x_name', 'x_code']));
		const columns = await mappedColumns(harness, 'x_shop', 'create', { x_name: '={{ $json.name }}', x_code: '={{ $json.code }}' });
		expect(columns.schema.map((field) => field.id)).toEqual(expect.arrayContaining(['x_name', 'x_code']));

		// Create: mapped fields, batched through load.
		const created = await runRecord(harness, [{ name: 'Main Street', code: 'MS' }, { name: 'Harbour', code: 'HB' }], 'create', { columns });
		const [main, harbour] = created.map((item) => item.id as number);
		expect([typeof main, typeof harbour]).toEqual(['number', 'number']);

		// Get, by ID, with the external ID that records created this way do not have.
		const got = await runRecord(harness, [{ id: main }], 'get', { recordId: { mode: 'id', value: '={{ $json.id }}' }, options: { fields: ['x_name', 'x_code'], includeExternalId: true } });
		expect(got).toEqual([{ id: main, x_name: 'Main Street', x_code: 'MS', external_id: null }]);

		// Get Many with a condition on the custom field; Count; Search by Name (x_name is the model's name field).
		const many = await runRecord(harness, [{}], 'getMany', { filterType: 'domain', domain: '[["x_code","=","HB"]]', returnAll: true, options: { fields: ['x_code'] } });
		expect(many).toEqual([{ id: harbour, x_code: 'HB' }]);
		expect(await runRecord(harness, [{}], 'count', { filterType: 'domain', domain: '[["x_code","!=",false]]' })).toEqual([{ model: 'x_shop', count: 2 }]);
		expect(await runRecord(harness, [{}], 'searchByName', { name: 'Harb', limit: 5 })).toEqual([{ id: harbour, name: 'Harbour' }]);

		// Update.
		expect(await runRecord(harness, [{ id: harbour }], 'update', { recordId: { mode: 'id', value: '={{ $json.id }}' }, fieldsMode: 'json', valuesJson: '{"x_code": "HB2"}' })).toEqual([{ id: harbour, updated: true }]);

		// Create or Update on the custom field, then by external ID.
		const byCode = await runRecord(harness, [{ code: 'MS', name: 'Main Street 2' }, { code: 'NEW', name: 'Station' }], 'upsert', {
			fieldsMode: 'json',
			valuesJson: '={{ JSON.stringify({ x_code: $json.code, x_name: $json.name }) }}',
			matchOn: ['x_code'],
		});
		expect(byCode.map((item) => [item.id === main, item.action])).toEqual([
			[true, 'updated'],
			[false, 'created'],
		]);
		const byXmlid = await runRecord(harness, [{ code: 'AP' }, { code: 'AP2' }], 'upsert', {
			matchBy: 'externalId',
			externalId: "={{ 'shop.' + $json.code }}",
			fieldsMode: 'json',
			valuesJson: '={{ JSON.stringify({ x_code: $json.code, x_name: "Airport " + $json.code }) }}',
		});
		expect(byXmlid.map((item) => item.action)).toEqual(['created', 'created']);
		const byLocator = await runRecord(harness, [{}], 'get', { recordId: { mode: 'externalId', value: 'shop.AP2' }, options: { fields: ['x_name'], includeExternalId: true } });
		expect(byLocator).toEqual([{ id: byXmlid[1].id, x_name: 'Airport AP2', external_id: 'shop.AP2' }]);

		// Delete, one by ID and one by external ID.
		const deleted = await runRecord(harness, [{ id: harbour }], 'deleteRecord', { recordId: { mode: 'id', value: '={{ $json.id }}' } });
		expect(deleted).toEqual([{ id: harbour, deleted: true }]);
		expect(await runRecord(harness, [{}], 'deleteRecord', { recordId: { mode: 'externalId', value: 'shop.AP' } })).toEqual([{ id: byXmlid[0].id, deleted: true }]);
		const left = await runRecord(harness, [{}], 'getMany', { returnAll: true, options: { fields: ['x_code'], order: 'id' } });
		expect(left.map((item) => item.x_code)).toEqual(['MS', 'NEW', 'AP2']);
		// Aggregate, grouped by the custom field.
		const groups = await runRecord(harness, [{}], 'aggregate', { groupBy: 'x_code', aggregates: [] });
		expect(groups.map((group) => group.x_code).sort()).toEqual(['AP2', 'MS', 'NEW']);
	});

	it('a field added after an execution read the model is seen by the next execution', async () => {
		const harness = cloudOffixHarness(sandbox());
		const modelId = await createShopModel(harness);
		await runRecord(harness, [{}], 'getMany', { returnAll: true });
		await call(harness, 'ir.model.fields', 'create', [{ name: 'x_city', field_description: 'City', ttype: 'char', model_id: modelId }]);
		const [{ id }] = await runRecord(harness, [{}], 'create', { fieldsMode: 'json', valuesJson: '{"x_name": "Depot", "x_city": "Izmir"}' });
		expect(await runRecord(harness, [{ id }], 'get', { recordId: { mode: 'id', value: '={{ $json.id }}' }, options: { fields: ['x_city'] } })).toEqual([{ id, x_city: 'Izmir' }]);
	});
});
