import type { IDataObject } from 'n8n-workflow';

import { afterItems, packageNode } from '../harness';
import { cloudOffixHarness, useCloudOffixSandbox } from './sandbox';

const sandbox = useCloudOffixSandbox();
const partner = { mode: 'name', value: 'res.partner' };

function cloudOffix(parameters: IDataObject, name = 'CloudOffix') {
	return packageNode('cloudOffix', { resource: 'record', model: partner, ...parameters }, { cloudOffixApi: 'co-1' }, { name });
}

describe('CloudOffix reads without a field list', () => {
	it('return the stored fields, not the binary ones nor those Odoo computes on every read', async () => {
		const harness = cloudOffixHarness(sandbox());
		const fields = (await harness.run(afterItems([{}], cloudOffix({ resource: 'model', operation: 'getFields' })))).json('CloudOffix');
		const computed = fields.filter((field) => field.store === false && field.type !== 'binary').map((field) => String(field.name));
		expect(computed).toContain('company_type');
		const [record] = (await harness.run(afterItems([{}], cloudOffix({ operation: 'getMany', limit: 1 })))).json('CloudOffix');
		expect(record).toHaveProperty('name');
		expect(record).toHaveProperty('commercial_partner_id');
		for (const name of [...computed, 'image', 'image_small']) expect(record).not.toHaveProperty(name);
	});

	it('add the computed fields when asked, still without binary ones', async () => {
		const harness = cloudOffixHarness(sandbox());
		const [many] = (await harness.run(afterItems([{}], cloudOffix({ operation: 'getMany', limit: 1, options: { includeComputed: true } })))).json('CloudOffix');
		expect(many.company_type).toEqual(expect.stringMatching(/^(person|company)$/));
		expect(many).not.toHaveProperty('image');
		const [one] = (await harness.run(afterItems([{}], cloudOffix({ operation: 'get', recordId: { mode: 'id', value: '1' }, options: { includeComputed: true } })))).json('CloudOffix');
		expect(one.company_type).toBe('company');
	});
});

describe('CloudOffix record locator', () => {
	it('reads the record ID from a pasted web-client address (By URL)', async () => {
		const harness = cloudOffixHarness(sandbox());
		const recordId = { __rl: true, mode: 'url', value: 'https://mycompany.cloudoffix.com/web#id=3&model=res.partner&view_type=form' };
		const result = await harness.run(afterItems([{}], cloudOffix({ operation: 'get', recordId, options: { fields: ['name'] } })));
		expect(result.json('CloudOffix')).toEqual([{ id: 3, name: expect.any(String) }]);
	});
});

describe('CloudOffix Simplify', () => {
	it('splits many2one values the same way in Get, Get Many, Aggregate and Method Call', async () => {
		const harness = cloudOffixHarness(sandbox());
		const run = async (parameters: IDataObject) => (await harness.run(afterItems([{}], cloudOffix(parameters)))).json('CloudOffix');
		const [got] = await run({ operation: 'get', recordId: { mode: 'id', value: '1' }, options: { fields: ['country_id'] } });
		const [many] = await run({ operation: 'getMany', filterType: 'domain', domain: '[["id", "=", 1]]', options: { fields: ['country_id'] } });
		const [called] = await run({ resource: 'method', operation: 'call', method: 'read', args: '[[1], ["country_id"]]', kwargs: '{}' });
		const groups = await run({ operation: 'aggregate', groupBy: 'country_id', filterType: 'domain', domain: '[["id", "=", 1]]' });
		const country = { country_id: expect.any(Number), country_id_name: expect.any(String) };
		for (const item of [got, many, called, ...groups]) expect(item).toMatchObject(country);
		expect(called).toEqual(got);
		expect(groups).toEqual([{ country_id: got.country_id, country_id_name: got.country_id_name, __count: 1, __domain: expect.any(Array) }]);
		const [raw] = await run({ operation: 'aggregate', groupBy: 'country_id', filterType: 'domain', domain: '[["id", "=", 1]]', options: { simplify: false } });
		expect(raw.country_id).toEqual([got.country_id, got.country_id_name]);
		const [rawCall] = await run({ resource: 'method', operation: 'call', method: 'read', args: '[[1], ["country_id"]]', kwargs: '{}', options: { simplify: false } });
		expect(rawCall.country_id).toEqual([got.country_id, got.country_id_name]);
	});

	it('leaves what a method returns beside records as it is', async () => {
		const harness = cloudOffixHarness(sandbox());
		const result = await harness.run(afterItems([{}], cloudOffix({ resource: 'method', operation: 'call', method: 'name_get', args: '[[1]]', kwargs: '{}' })));
		expect(result.json('CloudOffix')).toEqual([{ result: [[1, expect.any(String)]] }]);
	});
});

describe('CloudOffix fields_get', () => {
	it('is asked once per execution and model, however many nodes use the model', async () => {
		const harness = cloudOffixHarness(sandbox());
		const create = cloudOffix({ operation: 'create', fieldsMode: 'json', valuesJson: '{"name": "Chain Co"}' }, 'Create');
		const update = cloudOffix({ operation: 'update', recordId: { mode: 'id', value: '={{ $json.id }}' }, fieldsMode: 'json', valuesJson: '{"phone": "+32 2 555"}' }, 'Update');
		const get = cloudOffix({ operation: 'get', recordId: { mode: 'id', value: '={{ $json.id }}' } }, 'Get');
		const workflow = afterItems([{}, {}], create, update, get);
		const first = await harness.run(workflow);
		expect(first.json('Get').map((record) => record.phone)).toEqual(['+32 2 555', '+32 2 555']);
		expect(sandbox().stats.calls['res.partner.fields_get']).toBe(1);
		await harness.run(workflow);
		expect(sandbox().stats.calls['res.partner.fields_get']).toBe(2);
	});
});
