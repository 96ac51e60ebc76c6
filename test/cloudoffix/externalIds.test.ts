import type { IDataObject } from 'n8n-workflow';

import { afterItems, packageNode } from '../harness';
import { cloudOffixHarness, useCloudOffixSandbox, type CloudOffixHarness } from './sandbox';

/**
 * External IDs (ir.model.data): the Record locator's "By External ID" mode (Get, Update, Delete), Get's "Include
 * External ID", and Create or Update matched on an external ID through `load` with its `id` column.
 */
const sandbox = useCloudOffixSandbox();
const partner = { mode: 'name', value: 'res.partner' };
const credentials = { cloudOffixApi: 'co-1' };

function call(model: string, method: string, args: unknown[]) {
	return packageNode('cloudOffix', { resource: 'method', operation: 'call', model: { mode: 'name', value: model }, method, args: JSON.stringify(args) }, credentials);
}

/** A Method → Call's answer: a list of records comes as one item each (simplified), anything else as { result }. */
async function result(harness: CloudOffixHarness, model: string, method: string, args: unknown[]): Promise<unknown> {
	const run = await harness.run(afterItems([{}], call(model, method, args)));
	expect(run.error).toBeUndefined();
	const items = run.json('cloudOffix');
	return items.length === 1 && Object.keys(items[0]).join() === 'result' ? items[0].result : items;
}

const byExternalId = (operation: 'get' | 'update' | 'deleteRecord', extra: IDataObject = {}) =>
	packageNode('cloudOffix', { resource: 'record', operation, model: partner, recordId: { __rl: true, mode: 'externalId', value: '={{ $json.xmlid }}' }, ...extra }, credentials, { continueOnFail: true });

async function partnerNames(harness: CloudOffixHarness, ids: number[]): Promise<unknown[]> {
	const records = (await result(harness, 'res.partner', 'read', [ids, ['name']])) as IDataObject[];
	return ids.map((id) => records.find((record) => record.id === id)?.name);
}

describe('CloudOffix record by external ID', () => {
	it('gets records by external ID with one ir.model.data search_read for the batch, and fails unknown and other-model ones on their own items', async () => {
		const harness = cloudOffixHarness(sandbox());
		const [asus, agrolait] = [(await result(harness, 'ir.model.data', 'xmlid_to_res_id', ['base.res_partner_1'])) as number, (await result(harness, 'ir.model.data', 'xmlid_to_res_id', ['base.res_partner_2'])) as number];
		sandbox().stats.reset();
		const input = [{ xmlid: 'base.res_partner_1' }, { xmlid: 'base.no_such_partner' }, { xmlid: 'base.res_partner_2' }, { xmlid: 'base.be' }, { xmlid: ' base.res_partner_1 ' }];
		const run = await harness.run(afterItems(input, byExternalId('get', { options: { fields: ['name'] } })));
		const output = run.output('cloudOffix');
		expect(output.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		expect([output[0].json, output[2].json, output[4].json]).toEqual([
			{ id: asus, name: 'ASUSTeK' },
			{ id: agrolait, name: 'Agrolait' },
			{ id: asus, name: 'ASUSTeK' },
		]);
		expect(String(output[1].json.error)).toContain('No record has the external ID "base.no_such_partner"');
		expect(String(output[3].json.error)).toContain('The external ID "base.be" names a res.country record');
		expect(sandbox().stats.calls['ir.model.data.search_read']).toBe(1);
		expect(sandbox().stats.calls['res.partner.read']).toBe(1);
	});

	it('refuses a malformed external ID before any request', async () => {
		const harness = cloudOffixHarness(sandbox());
		sandbox().stats.reset();
		const run = await harness.run(afterItems([{ xmlid: 'base.res partner' }, { xmlid: 'a.b.c' }, { xmlid: '' }], byExternalId('get')));
		const output = run.json('cloudOffix');
		for (const item of output) expect(String(item.error)).toContain('must be an external ID like base.main_partner');
		expect(sandbox().stats.calls['ir.model.data.search_read'] ?? 0).toBe(0);
	});

	it('without Continue On Fail stops at an unknown external ID before anything is written', async () => {
		const harness = cloudOffixHarness(sandbox());
		const asus = (await result(harness, 'ir.model.data', 'xmlid_to_res_id', ['base.res_partner_1'])) as number;
		const node = packageNode(
			'cloudOffix',
			{ resource: 'record', operation: 'update', model: partner, recordId: { __rl: true, mode: 'externalId', value: '={{ $json.xmlid }}' }, fieldsMode: 'json', valuesJson: '{"comment": "stopped"}' },
			credentials,
		);
		const run = await harness.run(afterItems([{ xmlid: 'base.res_partner_1' }, { xmlid: 'base.nope' }], node));
		expect(run.error?.message).toContain('No record has the external ID "base.nope"');
		expect(((await result(harness, 'res.partner', 'read', [[asus], ['comment']])) as IDataObject[])[0].comment).not.toBe('stopped');
	});

	it('updates by external ID; unknown and other-model IDs are error items and change nothing', async () => {
		const harness = cloudOffixHarness(sandbox());
		const ids = (await Promise.all(['base.res_partner_3', 'base.res_partner_4'].map(async (xmlid) => await result(harness, 'ir.model.data', 'xmlid_to_res_id', [xmlid])))) as number[];
		sandbox().stats.reset();
		const input = [{ xmlid: 'base.res_partner_3' }, { xmlid: 'base.missing' }, { xmlid: 'base.res_partner_4' }, { xmlid: 'base.us' }];
		const run = await harness.run(afterItems(input, byExternalId('update', { fieldsMode: 'json', valuesJson: '{"comment": "by xmlid"}' })));
		const output = run.output('cloudOffix');
		expect([output[0].json, output[2].json]).toEqual(ids.map((id) => ({ id, updated: true })));
		expect(String(output[1].json.error)).toContain('"base.missing"');
		expect(String(output[3].json.error)).toContain('res.country');
		expect(sandbox().stats.calls['res.partner.write']).toBe(1);
		expect(sandbox().stats.calls['ir.model.data.search_read']).toBe(1);
		const comments = (await result(harness, 'res.partner', 'search_read', [[['comment', '=', 'by xmlid']], ['id']])) as IDataObject[];
		expect(comments.map((record) => record.id).sort((a, b) => Number(a) - Number(b))).toEqual([...ids].sort((a, b) => a - b));
		expect(((await result(harness, 'res.country', 'search_read', [[['code', '=', 'US']], ['name']])) as IDataObject[])[0]).not.toHaveProperty('comment');
	});

	it('deletes by external ID (and its ir.model.data row goes with it); an unknown one is an error item', async () => {
		const harness = cloudOffixHarness(sandbox());
		const id = (await result(harness, 'ir.model.data', 'xmlid_to_res_id', ['base.res_partner_12'])) as number;
		const before = (await result(harness, 'res.partner', 'search_count', [[]])) as number;
		const run = await harness.run(afterItems([{ xmlid: 'base.res_partner_12' }, { xmlid: 'base.gone' }], byExternalId('deleteRecord')));
		const output = run.output('cloudOffix');
		expect(output[0].json).toEqual({ id, deleted: true });
		expect(String(output[1].json.error)).toContain('"base.gone"');
		expect(await result(harness, 'res.partner', 'search_count', [[]])).toBe(before - 1);
		expect(await result(harness, 'ir.model.data', 'xmlid_to_res_id', ['base.res_partner_12'])).toBe(false);
	});

	it('Get with Include External ID adds external_id (module.name, or null) with one batched lookup', async () => {
		const harness = cloudOffixHarness(sandbox());
		const plain = (await result(harness, 'res.partner', 'create', [{ name: 'No External ID' }])) as number;
		const main = (await result(harness, 'ir.model.data', 'xmlid_to_res_id', ['base.main_partner'])) as number;
		const asus = (await result(harness, 'ir.model.data', 'xmlid_to_res_id', ['base.res_partner_1'])) as number;
		sandbox().stats.reset();
		const node = packageNode(
			'cloudOffix',
			{ resource: 'record', operation: 'get', model: partner, recordId: { mode: 'id', value: '={{ $json.id }}' }, options: { fields: ['name'], includeExternalId: true } },
			credentials,
		);
		const run = await harness.run(afterItems([{ id: main }, { id: plain }, { id: asus }], node));
		expect(run.json('cloudOffix').map((item) => item.external_id)).toEqual(['base.main_partner', null, 'base.res_partner_1']);
		expect(sandbox().stats.calls['ir.model.data.search_read']).toBe(1);

		sandbox().stats.reset();
		const without = await harness.run(afterItems([{ id: main }], packageNode('cloudOffix', { resource: 'record', operation: 'get', model: partner, recordId: { mode: 'id', value: String(main) }, options: { fields: ['name'] } }, credentials)));
		expect(without.json('cloudOffix')[0]).not.toHaveProperty('external_id');
		expect(sandbox().stats.calls['ir.model.data.search_read'] ?? 0).toBe(0);
	});
});

const upsertByXmlid = (valuesJson: string, extra: IDataObject = {}) =>
	packageNode(
		'cloudOffix',
		{ resource: 'record', operation: 'upsert', model: partner, matchBy: 'externalId', externalId: "={{ 'shop.' + $json.code }}", fieldsMode: 'json', valuesJson, ...extra },
		credentials,
		{ continueOnFail: true },
	);

describe('CloudOffix Create or Update by external ID (load with the id column)', () => {
	it('creates or updates 1,000 records by external ID in batches, twice, with no duplicate', async () => {
		const harness = cloudOffixHarness(sandbox());
		const count = 1000;
		const batchSize = 100;
		const node = upsertByXmlid('={{ JSON.stringify({ name: $json.name, ref: $json.code, credit_limit: $json.limit, is_company: $json.company }) }}', { connection: { batchSize } });
		const items = (round: number) => Array.from({ length: count }, (_, n) => ({ code: `p${n}`, name: `Shop ${n} r${round}`, limit: n + round, company: round === 2 }));
		const shopRows = async () => await result(harness, 'ir.model.data', 'search_count', [[['module', '=', 'shop'], ['model', '=', 'res.partner']]]);
		const shopPartners = async () => await result(harness, 'res.partner', 'search_count', [[['name', '=like', 'Shop %']]]);

		sandbox().stats.reset();
		const first = await harness.run(afterItems(items(1), node));
		expect(first.error).toBeUndefined();
		const created = first.json('cloudOffix');
		expect(created.filter((item) => item.action === 'created')).toHaveLength(count);
		expect(created[7]).toEqual({ id: expect.any(Number), externalId: 'shop.p7', action: 'created' });
		expect(new Set(created.map((item) => item.id)).size).toBe(count);
		expect(first.output('cloudOffix').map((item) => item.pairedItem)).toEqual(items(1).map((_, item) => ({ item })));
		const batches = count / batchSize;
		expect({ lookups: sandbox().stats.calls['ir.model.data.search_read'], loads: sandbox().stats.calls['res.partner.load'], creates: sandbox().stats.calls['res.partner.create'] ?? 0 }).toEqual({ lookups: batches, loads: batches, creates: 0 });
		expect(sandbox().stats.requests['/web/dataset/call_kw']).toBeLessThanOrEqual(2 * batches + 2);
		expect(await shopPartners()).toBe(count);
		expect(await shopRows()).toBe(count);

		sandbox().stats.reset();
		const second = await harness.run(afterItems(items(2), node));
		expect(second.error).toBeUndefined();
		const updated = second.json('cloudOffix');
		expect(updated.map((item) => item.action)).toEqual(Array<string>(count).fill('updated'));
		expect(updated.map((item) => item.id)).toEqual(created.map((item) => item.id));
		expect({ lookups: sandbox().stats.calls['ir.model.data.search_read'], loads: sandbox().stats.calls['res.partner.load'] }).toEqual({ lookups: batches, loads: batches });
		expect(await shopPartners()).toBe(count);
		expect(await shopRows()).toBe(count);
		const sample = (await result(harness, 'res.partner', 'read', [[created[0].id, created[999].id], ['name', 'ref', 'credit_limit', 'is_company']])) as IDataObject[];
		expect(sample.map(({ name, ref, credit_limit, is_company }) => ({ name, ref, credit_limit, is_company }))).toEqual([
			{ name: 'Shop 0 r2', ref: 'p0', credit_limit: 2, is_company: true },
			{ name: 'Shop 999 r2', ref: 'p999', credit_limit: 1001, is_company: true },
		]);
	});

	it('when load refuses a batch (one bad row), loads the others one by one, fails the bad one on its own item, and duplicates nothing', async () => {
		const harness = cloudOffixHarness(sandbox());
		const node = upsertByXmlid('={{ JSON.stringify({ name: $json.name, country_id: $json.country }) }}');
		await harness.run(afterItems([{ code: 'old', name: 'Old Shop', country: false }], node));
		sandbox().stats.reset();
		const input = [
			{ code: 'good1', name: 'Good 1', country: false },
			{ code: 'bad', name: 'Bad', country: 999999 },
			{ code: 'old', name: 'Old Shop Renamed', country: false },
			{ code: 'good2', name: 'Good 2', country: false },
		];
		const run = await harness.run(afterItems(input, node));
		const output = run.output('cloudOffix');
		expect(output.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		expect([0, 2, 3].map((index) => output[index].json.action)).toEqual(['created', 'updated', 'created']);
		expect(String(output[1].json.error)).toContain('CloudOffix refused the record');
		// One refused batch, then one load of one row per item.
		expect(sandbox().stats.calls['res.partner.load']).toBe(1 + input.length);
		expect(sandbox().stats.calls['res.partner.create'] ?? 0).toBe(0);
		const rows = (await result(harness, 'ir.model.data', 'search_read', [[['module', '=', 'shop']], ['name', 'res_id'], 0, 0, 'name'])) as IDataObject[];
		expect(rows.map((row) => row.name)).toEqual(['good1', 'good2', 'old']);
		expect(await partnerNames(harness, rows.map((row) => row.res_id as number))).toEqual(['Good 1', 'Good 2', 'Old Shop Renamed']);
	});

	it('never sends a batch again when its answer is lost', async () => {
		const harness = cloudOffixHarness(sandbox());
		sandbox().faults.set({ kind: 'resetAfterProcessing', method: 'res.partner.load' });
		sandbox().stats.reset();
		const run = await harness.run(afterItems([{ code: 'a', name: 'Lost A' }, { code: 'b', name: 'Lost B' }], upsertByXmlid('={{ JSON.stringify({ name: $json.name }) }}')));
		for (const item of run.json('cloudOffix')) expect(String(item.error)).toContain('failed');
		expect(sandbox().stats.calls['res.partner.load']).toBe(1);
		expect(await result(harness, 'ir.model.data', 'search_count', [[['module', '=', 'shop']]])).toBe(2);
	});

	it('fails an external ID of another model, and a malformed one, on their own items; runs items sharing an external ID in turn', async () => {
		const harness = cloudOffixHarness(sandbox());
		const node = packageNode(
			'cloudOffix',
			{ resource: 'record', operation: 'upsert', model: partner, matchBy: 'externalId', externalId: '={{ $json.xmlid }}', fieldsMode: 'json', valuesJson: '={{ JSON.stringify({ name: $json.name }) }}' },
			credentials,
			{ continueOnFail: true },
		);
		const input = [
			{ xmlid: 'base.be', name: 'Not A Country' },
			{ xmlid: 'shop.twice', name: 'First' },
			{ xmlid: 'shop two', name: 'Spaces' },
			{ xmlid: 'shop.twice', name: 'Second' },
		];
		const run = await harness.run(afterItems(input, node));
		const output = run.json('cloudOffix');
		expect(String(output[0].error)).toContain('The external ID "base.be" names a res.country record');
		expect(String(output[2].error)).toContain('must be an external ID');
		expect([output[1].action, output[3].action]).toEqual(['created', 'updated']);
		expect(output[3].id).toBe(output[1].id);
		expect(await partnerNames(harness, [output[1].id as number])).toEqual(['Second']);
		expect(((await result(harness, 'res.country', 'search_read', [[['code', '=', 'BE']], ['name']])) as IDataObject[])[0].name).toBe('Belgium');
	});

	it('refuses values load cannot carry before any request', async () => {
		const harness = cloudOffixHarness(sandbox());
		sandbox().stats.reset();
		const run = await harness.run(afterItems([{ code: 'tags' }], upsertByXmlid('{"name": "Tagged", "category_id": [[6, 0, [1]]]}')));
		expect(String(run.json('cloudOffix')[0].error)).toContain('cannot carry field "category_id"');
		expect(sandbox().stats.calls['res.partner.load'] ?? 0).toBe(0);
	});
});
