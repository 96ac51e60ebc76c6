import type { IDataObject } from 'n8n-workflow';

import { afterItems, packageNode } from '../harness';
import { cloudOffixHarness, mappedColumns, useCloudOffixSandbox } from './sandbox';

const sandbox = useCloudOffixSandbox();
const WIRE_FORMATS = ['jsonRpcSession', 'jsonRpc', 'xmlRpc'] as const;
const partner = { mode: 'name', value: 'res.partner' };

function node(parameters: IDataObject, wireFormat: string, extra: IDataObject = {}) {
	return packageNode(
		'cloudOffix',
		{ resource: 'record', model: partner, connection: { wireFormat, concurrency: 3 }, ...parameters },
		{ cloudOffixApi: 'co-1' },
		extra,
	);
}

describe.each(WIRE_FORMATS)('CloudOffix records over %s', (wireFormat) => {
	it('creates, reads, updates, finds and deletes partners, one output item per input item', async () => {
		const harness = cloudOffixHarness(sandbox());
		const names = ['Alpha Test Co', 'Beta Test Co', 'Gamma Test Co'];
		const created = await harness.run(
			afterItems(
				names.map((name) => ({ name })),
				node({ operation: 'create', fieldsMode: 'map', columns: await mappedColumns(harness, 'res.partner', 'create', { name: '={{$json.name}}', is_company: true }) }, wireFormat),
			),
		);
		expect(created.error).toBeUndefined();
		const ids = created.json('cloudOffix').map((item) => item.id as number);
		expect(ids).toHaveLength(3);
		expect(new Set(ids).size).toBe(3);
		expect(created.output('cloudOffix').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sandbox().stats.creates['res.partner']).toBe(3);

		const read = await harness.run(
			afterItems(
				ids.map((id) => ({ id })),
				node({ operation: 'get', recordId: { mode: 'id', value: '={{$json.id}}' }, options: { fields: ['name', 'is_company', 'country_id'] } }, wireFormat),
			),
		);
		expect(read.json('cloudOffix').map((r) => r.name)).toEqual(names);
		expect(read.json('cloudOffix')[0]).toMatchObject({ id: ids[0], is_company: true, country_id: null });

		const updated = await harness.run(
			afterItems([{ id: ids[1] }], node({ operation: 'update', recordId: { mode: 'id', value: '={{$json.id}}' }, fieldsMode: 'json', valuesJson: '{"name": "Beta Renamed Co"}' }, wireFormat)),
		);
		expect(updated.json('cloudOffix')).toEqual([{ id: ids[1], updated: true }]);

		const found = await harness.run(
			afterItems([{}], node({ operation: 'getMany', filterType: 'conditions', combinator: 'or', conditions: { condition: [{ field: 'name', operator: 'ilike', value: 'Renamed' }, { field: 'name', operator: 'equal', value: 'Gamma Test Co' }] }, returnAll: true, options: { fields: ['name'], order: 'name' } }, wireFormat)),
		);
		expect(found.json('cloudOffix').map((r) => r.name)).toEqual(['Beta Renamed Co', 'Gamma Test Co']);

		const deleted = await harness.run(afterItems([{ id: ids[0] }], node({ operation: 'deleteRecord', recordId: { mode: 'id', value: '={{$json.id}}' } }, wireFormat)));
		expect(deleted.json('cloudOffix')).toEqual([{ id: ids[0], deleted: true }]);
		const again = await harness.run(afterItems([{ id: ids[0] }], node({ operation: 'deleteRecord', recordId: { mode: 'id', value: '={{$json.id}}' } }, wireFormat)));
		expect(again.error?.message).toBe(`Item 0: res.partner has no record with ID ${ids[0]}: nothing was deleted`);
		expect((again.error as unknown as { description: string }).description).toBe('Check the parameter "Record". The server was asked; nothing was changed for this item.');
		const missing = await harness.run(afterItems([{ id: ids[0] }], node({ operation: 'get', recordId: { mode: 'id', value: '={{$json.id}}' } }, wireFormat)));
		expect(missing.error?.message).toBe(`Item 0: res.partner has no record with ID ${ids[0]} (or this user may not read it)`);
		// A read was sent to find out: the description must not say that nothing was sent.
		expect((missing.error as unknown as { description: string }).description).toBe('Check the parameter "Record". The server was asked; nothing was changed for this item.');
	});

	it('gives the same Get Many items as the other wire formats', async () => {
		const harness = cloudOffixHarness(sandbox());
		const parameters = { operation: 'getMany', filterType: 'domain', domain: '[["is_company","=",true]]', limit: 5, options: { fields: ['name', 'country_id', 'create_date'], order: 'id' } };
		const here = await harness.run(afterItems([{}], node(parameters, wireFormat)));
		const reference = await harness.run(afterItems([{}], node(parameters, 'jsonRpcSession')));
		expect(here.json('cloudOffix')).toHaveLength(5);
		expect(here.json('cloudOffix')).toEqual(reference.json('cloudOffix'));
		expect(here.json('cloudOffix')[0]).toEqual(expect.objectContaining({ country_id: expect.anything(), country_id_name: expect.any(String) }));
	});

	it('reports Odoo errors per item with the clean message and honours Continue On Fail', async () => {
		const harness = cloudOffixHarness(sandbox());
		const result = await harness.run(
			afterItems(
				[{ id: 999999 }, { id: 1 }],
				node({ operation: 'update', recordId: { mode: 'id', value: '={{$json.id}}' }, fieldsMode: 'json', valuesJson: '{"name": "x"}' }, wireFormat, { continueOnFail: true }),
			),
		);
		expect(result.error).toBeUndefined();
		const [failed, ok] = result.output('cloudOffix');
		expect(failed.pairedItem).toEqual({ item: 0 });
		expect(String(failed.json.error)).toMatch(/^Record not found: /);
		expect(String(failed.json.error)).not.toMatch(/None$|Traceback/);
		expect(ok.json).toEqual({ id: 1, updated: true });
	});
});

describe('CloudOffix parameters', () => {
	it('rejects unknown fields, bad domains and bad ids before any write, naming item and field', async () => {
		const harness = cloudOffixHarness(sandbox());
		const unknownField = await harness.run(afterItems([{}], node({ operation: 'create', fieldsMode: 'json', valuesJson: '{"name": "x", "no_such_field": 1}' }, 'jsonRpcSession')));
		expect(unknownField.error?.message).toBe('Item 0: res.partner has no field "no_such_field"');
		expect((unknownField.error as unknown as { description: string }).description).toBe('Check the parameter "Values (JSON)". Nothing was sent for this item.');
		const badDomain = await harness.run(afterItems([{}], node({ operation: 'count', filterType: 'domain', domain: '[["name", "contains", "x"]]' }, 'jsonRpcSession')));
		expect(badDomain.error?.message).toBe('Item 0: "Domain": item 1: operator "contains" is not an Odoo operator (use one of =, !=, <=, <, >, >=, =?, =like, =ilike, like, not like, ilike, not ilike, in, not in, child_of, parent_of)');
		const badCondition = await harness.run(afterItems([{}], node({ operation: 'count', filterType: 'conditions', conditions: { condition: [{ field: 'name', operator: 'ilike', value: 'x' }, { field: ' ', operator: 'equal', value: 'y' }] } }, 'jsonRpcSession')));
		expect(badCondition.error?.message).toBe('Item 0: Condition 2: the field name is empty');
		expect((badCondition.error as unknown as { description: string }).description).toBe('Check the parameter "Conditions". Nothing was sent for this item.');
		const badId = await harness.run(afterItems([{}, { id: '12a' }], node({ operation: 'get', recordId: { mode: 'id', value: '={{$json.id ?? 1}}' } }, 'jsonRpcSession')));
		expect(badId.error?.message).toBe('Item 1: "Record" must be a record ID (a whole number above 0), not "12a"');
		expect(sandbox().stats.creates['res.partner'] ?? 0).toBe(0);
	});

	it('writes many2many ids as a replace command, never as a comma-joined string', async () => {
		const harness = cloudOffixHarness(sandbox());
		const categories = await harness.run(afterItems([{}], packageNode('cloudOffix', { resource: 'record', operation: 'getMany', model: { mode: 'name', value: 'res.partner.category' }, limit: 2, options: { fields: ['name'] } }, { cloudOffixApi: 'co-1' })));
		const categoryIds = categories.json('cloudOffix').map((c) => c.id as number);
		expect(categoryIds.length).toBe(2);
		const columns = await mappedColumns(harness, 'res.partner', 'create', { name: 'Tagged Co', category_id: categoryIds.join(',') });
		const created = await harness.run(afterItems([{}], node({ operation: 'create', fieldsMode: 'map', columns }, 'jsonRpcSession')));
		const id = created.json('cloudOffix')[0].id;
		const read = await harness.run(afterItems([{}], node({ operation: 'get', recordId: { mode: 'id', value: String(id) }, options: { fields: ['category_id'] } }, 'jsonRpcSession')));
		expect(read.json('cloudOffix')[0].category_id).toEqual(categoryIds);
	});

	it('upserts on a key field: creates once, then updates the same record', async () => {
		const harness = cloudOffixHarness(sandbox());
		const upsert = node({ operation: 'upsert', matchOn: ['ref'], fieldsMode: 'json', valuesJson: '={{ JSON.stringify({ ref: $json.ref, name: $json.name }) }}' }, 'jsonRpcSession');
		const first = await harness.run(afterItems([{ ref: 'UPS-1', name: 'First' }, { ref: 'UPS-1', name: 'Second' }], upsert));
		expect(first.json('cloudOffix').map((r) => r.action)).toEqual(['created', 'updated']);
		expect(first.json('cloudOffix')[0].id).toBe(first.json('cloudOffix')[1].id);
		expect(sandbox().stats.creates['res.partner']).toBe(1);
	});

	it('aggregates with read_group, one item per group', async () => {
		const harness = cloudOffixHarness(sandbox());
		const result = await harness.run(afterItems([{}], node({ operation: 'aggregate', groupBy: 'is_company', aggregates: [] }, 'jsonRpcSession')));
		expect(result.error).toBeUndefined();
		const groups = result.json('cloudOffix');
		expect(groups.length).toBe(2);
		const total = await harness.run(afterItems([{}], node({ operation: 'count' }, 'jsonRpcSession')));
		expect(groups.reduce((sum, g) => sum + Number(g.__count ?? g.is_company_count), 0)).toBe(total.json('cloudOffix')[0].count);
	});

	it('calls any model method and lists models and fields', async () => {
		const harness = cloudOffixHarness(sandbox());
		const call = await harness.run(afterItems([{}], packageNode('cloudOffix', { resource: 'method', operation: 'call', model: partner, method: 'search_read', args: '[[["is_company","=",true]], ["name"]]', kwargs: '{"limit": 3}' }, { cloudOffixApi: 'co-1' })));
		expect(call.json('cloudOffix')).toHaveLength(3);
		const scalar = await harness.run(afterItems([{}], packageNode('cloudOffix', { resource: 'method', operation: 'call', model: partner, method: 'search_count', args: '[[]]', kwargs: '{}' }, { cloudOffixApi: 'co-1' })));
		expect(typeof scalar.json('cloudOffix')[0].result).toBe('number');
		const models = await harness.run(afterItems([{}], packageNode('cloudOffix', { resource: 'model', operation: 'listModels', search: 'partner' }, { cloudOffixApi: 'co-1' })));
		expect(models.json('cloudOffix').map((m) => m.model)).toContain('res.partner');
		const fields = await harness.run(afterItems([{}], packageNode('cloudOffix', { resource: 'model', operation: 'getFields', model: partner }, { cloudOffixApi: 'co-1' })));
		expect(fields.json('cloudOffix')).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'name', type: 'char' })]));
	});
});
