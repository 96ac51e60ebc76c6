import type { IDataObject } from 'n8n-workflow';

import { afterItems, packageNode } from '../harness';
import { cloudOffixHarness, useCloudOffixSandbox } from '../cloudoffix/sandbox';
import { codelayer, codelayerHarness, saleParameters, useCodelayerSandbox } from '../codelayer/harness';

/**
 * Retries (nodes/shared/retries.ts): a read, or a call that leaves the server as it found it when sent twice, is
 * sent again after a failure that may pass; a create is sent again only when it never reached the server. Waits
 * are 1 ms here (the First Retry Wait option); what is counted is requests, from the sandboxes' own counters.
 */

const FAST = { retryWaitMs: 1 };
const partner = { mode: 'name', value: 'res.partner' };

describe('CloudOffix retries', () => {
	const sandbox = useCloudOffixSandbox({ computedFieldCostMs: 0 });
	const record = (operation: string, parameters: IDataObject, connection: IDataObject = FAST) =>
		packageNode('cloudOffix', { resource: 'record', operation, model: partner, connection: { ...connection }, ...parameters }, { cloudOffixApi: 'co-1' }, { continueOnFail: true });
	const getNode = (connection?: IDataObject) => record('get', { recordId: { mode: 'id', value: '={{ $json.id }}' }, options: { fields: ['name'] } }, connection);
	const createNode = (connection: IDataObject = FAST) => record('create', { fieldsMode: 'json', valuesJson: '={{ JSON.stringify($json) }}', connection: { batchSize: 1, ...connection } });

	/** A harness whose session is already stored, so the counted requests are the operation's own. */
	async function loggedIn() {
		const harness = cloudOffixHarness(sandbox());
		await harness.run(afterItems([{}], record('count', {})));
		sandbox().stats.reset();
		return harness;
	}

	it.each([
		['HTTP 502', { kind: 'status', status: 502 }],
		['HTTP 503', { kind: 'status', status: 503 }],
		['HTTP 429', { kind: 'status', status: 429 }],
		['a reset before the server acted', { kind: 'resetBeforeProcessing' }],
		['a reset after it acted', { kind: 'resetAfterProcessing' }],
		['a cut-off answer', { kind: 'truncatedBody' }],
		['an HTML page', { kind: 'nonJsonBody' }],
	] as const)('a read that met %s is sent again and succeeds', async (_, fault) => {
		const harness = await loggedIn();
		sandbox().faults.set({ ...fault, method: 'res.partner.read' });
		const result = await harness.run(afterItems([{ id: 3 }], getNode()));
		expect(result.json('cloudOffix')).toEqual([{ id: 3, name: expect.any(String) }]);
		expect(sandbox().stats.requests['/web/dataset/call_kw']).toBe(1 + 2);
	});

	it('a read that times out on a hung server is sent again (Timeout option)', async () => {
		const harness = await loggedIn();
		sandbox().faults.set({ kind: 'hangBeforeProcessing', method: 'res.partner.read' });
		const result = await harness.run(afterItems([{ id: 3 }], getNode({ ...FAST, timeoutMs: 2000 })));
		expect(result.json('cloudOffix')).toEqual([{ id: 3, name: expect.any(String) }]);
		expect(sandbox().stats.requests['/web/dataset/call_kw']).toBe(1 + 2);
	});

	it('gives up after Retries more attempts, and reports the item', async () => {
		const harness = await loggedIn();
		sandbox().faults.set({ kind: 'status', status: 503, method: 'res.partner.read', times: Infinity });
		const [item] = (await harness.run(afterItems([{ id: 3 }], getNode({ ...FAST, retries: 2 })))).output('cloudOffix');
		expect(String(item.json.error)).toContain('HTTP 503');
		expect(item.pairedItem).toEqual({ item: 0 });
		// fields_get, then the read three times (the first and two retries).
		expect(sandbox().stats.requests['/web/dataset/call_kw']).toBe(1 + 3);
	});

	it('Retries 0 turns retrying off', async () => {
		const harness = await loggedIn();
		sandbox().faults.set({ kind: 'status', status: 502, method: 'res.partner.read' });
		const [item] = (await harness.run(afterItems([{ id: 3 }], getNode({ retries: 0 })))).output('cloudOffix');
		expect(String(item.json.error)).toContain('HTTP 502');
		expect(sandbox().stats.requests['/web/dataset/call_kw']).toBe(1 + 1);
	});

	it.each([
		['HTTP 502', { kind: 'status', status: 502 }, 0],
		['a reset before the server acted', { kind: 'resetBeforeProcessing' }, 0],
		['a reset after it acted', { kind: 'resetAfterProcessing' }, 1],
		['a cut-off answer', { kind: 'truncatedBody' }, 1],
		['a timeout after it acted', { kind: 'hangAfterProcessing' }, 1],
	] as const)('a create that met %s (%j) is never sent again: the item fails, created %i time(s), and the others go on', async (_, fault, created) => {
		const harness = await loggedIn();
		sandbox().faults.set({ ...fault, method: 'res.partner.create' });
		const items = [{ name: 'Retry Co 0' }, { name: 'Retry Co 1' }, { name: 'Retry Co 2' }];
		const output = (await harness.run(afterItems(items, createNode({ ...FAST, concurrency: 1, timeoutMs: 2000 })))).output('cloudOffix');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.error).toEqual(expect.stringContaining('res.partner.create failed'));
		expect(output.slice(1).map((item) => typeof item.json.id)).toEqual(['number', 'number']);
		expect(sandbox().stats.requests['/web/dataset/call_kw']).toBe(1 + 3);
		expect(sandbox().stats.creates['res.partner']).toBe(created + 2);
	});

	it('a create whose login could not reach the server is sent again: it never left', async () => {
		const harness = await loggedIn();
		sandbox().expireSessions();
		// The create meets the expired session (code 100), the renewal login meets a 502, the retry logs in and creates.
		sandbox().faults.set({ kind: 'status', status: 502, route: '/web/session/authenticate' });
		const result = await harness.run(afterItems([{ name: 'After Login Co' }], createNode()));
		expect(result.json('cloudOffix')).toEqual([{ id: expect.any(Number) }]);
		expect(sandbox().stats.creates['res.partner']).toBe(1);
		expect(sandbox().stats.requests['/web/session/authenticate']).toBe(2);
	});

	it('a write is sent again, but not one whose x2many command creates records', async () => {
		const harness = await loggedIn();
		const call = (args: unknown[]) =>
			packageNode('cloudOffix', { resource: 'method', operation: 'call', model: partner, method: 'write', args: JSON.stringify(args), kwargs: '{}', connection: FAST }, { cloudOffixApi: 'co-1' }, { continueOnFail: true });
		sandbox().faults.set({ kind: 'resetAfterProcessing', method: 'res.partner.write' });
		expect((await harness.run(afterItems([{}], call([[3], { comment: 'twice is once' }])))).json('cloudOffix')).toEqual([{ result: true }]);
		expect(sandbox().stats.calls['res.partner.write']).toBe(2);

		sandbox().stats.reset();
		sandbox().faults.set({ kind: 'resetAfterProcessing', method: 'res.partner.write' });
		const [item] = (await harness.run(afterItems([{}], call([[3], { child_ids: [[0, 0, { name: 'Only Once' }]] }])))).output('cloudOffix');
		expect(String(item.json.error)).toContain('res.partner.write failed');
		expect(sandbox().stats.calls['res.partner.write']).toBe(1);
	});

	it('the trigger retries its poll read', async () => {
		const harness = await loggedIn();
		const trigger = packageNode(
			'cloudOffixTrigger',
			{ model: { mode: 'name', value: 'crm.lead' }, event: 'created', options: { fields: ['name'] }, connection: FAST },
			{ cloudOffixApi: 'co-1' },
		);
		const poller = harness.poller(trigger);
		await poller.poll();
		sandbox().stats.reset();
		sandbox().faults.set({ kind: 'status', status: 503, method: 'crm.lead.search_read' });
		// With Retries 0 this poll fails (test/cloudoffix/trigger.test.ts); here the refused read is sent again.
		await expect(poller.poll()).resolves.toEqual({ items: [], idle: true });
		expect([sandbox().stats.requests['/web/dataset/call_kw'], sandbox().stats.calls['crm.lead.search_read']]).toEqual([2, 1]);
	});
});

describe('Codelayer retries', () => {
	const sandbox = useCodelayerSandbox();
	const harnessWith = () => codelayerHarness(sandbox());

	it.each([
		['e 503', { kind: 'e', e: 503 }],
		['HTTP 502', { kind: 'status', status: 502 }],
		['an answer without e and msg', { kind: 'missingEnvelope' }],
		['a reset after the server acted', { kind: 'resetAfterProcessing' }],
	] as const)('a read that met %s is sent again and succeeds', async (_, fault) => {
		const harness = harnessWith();
		await harness.run(afterItems([{}], codelayer('route', 'get')));
		sandbox().faults.set({ ...fault, path: 'sales/route_details' });
		const result = await harness.run(afterItems([{}], codelayer('route', 'get', { connection: FAST })));
		expect(result.error).toBeUndefined();
		expect(sandbox().stats.requests['sales/route_details']).toBe(1 + 2);
	});

	it.each([
		['e 503', { kind: 'e', e: 503 }, 0],
		['a reset after the server acted', { kind: 'resetAfterProcessing' }, 1],
		['a cut-off answer', { kind: 'truncatedBody' }, 1],
	] as const)('a sale that met %s (%j) is never sent again: reported, saved %i time(s)', async (_, fault, saved) => {
		const harness = harnessWith();
		await harness.run(afterItems([{}], codelayer('route', 'get')));
		sandbox().faults.set({ ...fault, path: 'sales/route_save' });
		const [item] = (await harness.run(afterItems([{}], codelayer('sale', 'create', saleParameters({ connection: FAST }), { continueOnFail: true })))).output('codelayer');
		expect(item.json.error).toEqual(expect.any(String));
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(sandbox().stats.requests['sales/route_save']).toBe(1);
		expect(sandbox().day.sales).toBe(saved);
	});

	it('the Route Report trigger retries its poll read', async () => {
		const harness = harnessWith();
		const trigger = packageNode('codelayerRouteReportTrigger', { connection: FAST }, { codelayerApi: 'cl-1' });
		const poller = harness.poller(trigger);
		await poller.poll();
		const before = sandbox().stats.requests['sales/route_report'];
		sandbox().faults.set({ kind: 'status', status: 502, path: 'sales/route_report' });
		await expect(poller.poll()).resolves.toEqual({ items: [], idle: true });
		expect(sandbox().stats.requests['sales/route_report'] - before).toBe(2);
	});
});
