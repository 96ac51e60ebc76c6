import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { CodelayerRouteReportTrigger } from '../../nodes/Codelayer/CodelayerRouteReportTrigger.node';
import type { CodelayerFaultRule } from '../../sandbox/codelayer';
import { afterItems, captureLogs } from '../harness';
import { codelayer, SAMPLE, useCodelayerSandbox } from './harness';
import { expectedRow, routeReportTrigger, rowKey, sale, Shop, sorted, triggerHarness, Watch } from './triggerHarness';

// A password nothing else in a run contains, so that the secrets check cannot be fooled.
const PASSWORD = 'Pw-31d7-trigger';
const sandbox = useCodelayerSandbox({ users: [{ ...SAMPLE, password: PASSWORD }] });

function setup(parameters: IDataObject = {}) {
	const harness = triggerHarness(sandbox(), { password: PASSWORD });
	const watch = new Watch(harness.poller(routeReportTrigger(parameters)), sandbox);
	return { harness, watch, poller: watch.poller, shop: new Shop(sandbox) };
}

const snapshot = (data: IDataObject) => JSON.parse(JSON.stringify(data)) as IDataObject;

describe('Codelayer Route Report Trigger: the node', () => {
	it('is a polling trigger with the Codelayer credential and icons, listed among the triggers', () => {
		const { description } = new CodelayerRouteReportTrigger();
		expect(description).toMatchObject({
			displayName: 'Codelayer Route Report Trigger',
			name: 'codelayerRouteReportTrigger',
			group: ['trigger'],
			polling: true,
			inputs: [],
			credentials: [{ name: 'codelayerApi', required: true }],
			icon: { light: 'file:../../icons/codelayer.svg', dark: 'file:../../icons/codelayer.dark.svg' },
		});
		// n8n's lint: a trigger is no AI tool. Poll Times is added by n8n to every polling node when it loads it.
		expect(description.usableAsTool).toBeUndefined();
		expect(description.properties.map((property) => property.name)).not.toContain('pollTimes');
		const codex = JSON.parse(readFileSync(join(__dirname, '../../nodes/Codelayer/CodelayerRouteReportTrigger.node.json'), 'utf8')) as IDataObject;
		expect(codex).toMatchObject({ node: 'n8n-nodes-cloudoffix-codelayer.codelayerRouteReportTrigger', categories: ['Sales'] });
	});
});

describe('Codelayer Route Report Trigger: first poll', () => {
	it('records what the report holds, emits nothing, and asks Route Details then the report', async () => {
		const { watch, shop } = setup();
		await shop.sell(sale(), 2);
		await shop.sell(sale({ custcode: 447 }));
		const first = await watch.poll();
		expect(first).toMatchObject({ items: [], idle: true, requests: { 'system/auth': 1, 'sales/route_details': 1, 'sales/route_report': 1 }, total: 3 });
		const state = watch.poller.nodeStaticData;
		expect(state).toEqual({ version: 1, gpFyear: '4_19', seen: expect.any(Object) });
		// Two fingerprints: the identical sales counted twice.
		expect(Object.values(state.seen as IDataObject).sort()).toEqual([1, 2]);
		await shop.sell(sale());
		const second = await watch.poll();
		expect(second.items.map((item) => item.json)).toEqual([expectedRow(sale())]);
		expect(Object.values(watch.poller.nodeStaticData.seen as IDataObject).sort()).toEqual([1, 3]);
	});

	it('with Emit Existing Rows on First Poll, emits what the report holds, then only what is new', async () => {
		const { watch, shop } = setup({ options: { emitExisting: true } });
		await shop.sell(sale(), 2);
		await shop.sell(sale({ custcode: 447 }));
		expect((await watch.poll()).items).toHaveLength(3);
		await shop.sell(sale({ custcode: 447 }));
		expect((await watch.poll()).items).toHaveLength(1);
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
	});

	it('fails visibly when the first poll fails (activation shows the error), and keeps no state', async () => {
		const { watch, shop } = setup();
		sandbox().faults.set({ kind: 'e', e: 503, path: 'sales/route_report' });
		await expect(watch.poll()).rejects.toThrow('Service unavailable.');
		expect(watch.poller.nodeStaticData).toEqual({});
		await shop.sell(sale());
		// The next poll is the first one again: it records, emits nothing.
		expect((await watch.poll()).items).toEqual([]);
		expect(watch.poller.nodeStaticData.gpFyear).toBe('4_19');
	});

	it('starts over as a first poll from a state of a version it does not know, saying so in the log', async () => {
		const { watch, shop } = setup();
		await watch.poll();
		// The node's static data as n8n holds it, written by a future version.
		watch.poller.nodeStaticData.version = 99;
		await shop.sell(sale());
		const { result, logs } = await captureLogs(async () => await watch.poll());
		expect(result.items).toEqual([]);
		expect(logs).toContain('its stored state (version 99) is not one this version of the node reads');
		expect(watch.poller.nodeStaticData).toEqual({ version: 1, gpFyear: '4_19', seen: expect.any(Object) });
		await shop.sell(sale({ custcode: 731 }));
		expect((await watch.poll()).items.map((item) => item.json.custname)).toEqual(['SREE DURGA STORES']);
	});
});

describe('Codelayer Route Report Trigger: Fetch Test Event (manual mode)', () => {
	it('returns the latest sale and moves no state', async () => {
		const { watch, shop } = setup();
		await watch.poll();
		await shop.sell(sale());
		await shop.sell(sale({ custcode: 447, cashreceived: 20 }));
		const before = snapshot(watch.poller.nodeStaticData);
		const manual = await watch.poller.poll('manual');
		expect(manual.items.map((item) => item.json)).toEqual([expectedRow(sale({ custcode: 447, cashreceived: 20 }))]);
		expect(watch.poller.nodeStaticData).toEqual(before);
		// The scheduled poll still delivers both sales.
		expect((await watch.poll()).items).toHaveLength(2);
	});

	it('before any scheduled poll, leaves the node without state', async () => {
		const { watch, shop } = setup();
		await shop.sell(sale());
		expect((await watch.poller.poll('manual')).items).toHaveLength(1);
		expect(watch.poller.nodeStaticData).toEqual({});
	});

	it('says there are no sales yet, or none matching the filters', async () => {
		const { poller, shop } = setup();
		await expect(poller.poll('manual')).rejects.toThrow('No sales in the route report yet');
		await shop.sell(sale());
		const filtered = triggerHarness(sandbox(), { password: PASSWORD }).poller(routeReportTrigger({ filters: { custname: 'ANANDHU' } }));
		await expect(filtered.poll('manual')).rejects.toThrow('No sale in the route report matches the filters yet');
		expect(poller.nodeStaticData).toEqual({});
	});

	it("shows Codelayer's error, also once the trigger has polled before", async () => {
		const { watch, shop } = setup();
		await watch.poll();
		await shop.sell(sale());
		const before = snapshot(watch.poller.nodeStaticData);
		sandbox().faults.set({ kind: 'e', e: 503, path: 'sales/route_report' });
		await expect(watch.poller.poll('manual')).rejects.toThrow('Service unavailable.');
		expect(watch.poller.nodeStaticData).toEqual(before);
	});

	it('adds the route details when asked', async () => {
		const { poller, shop } = setup({ options: { routeDetails: true } });
		await shop.sell(sale());
		const manual = await poller.poll('manual');
		expect(manual.items.map((item) => item.json)).toEqual([{ ...expectedRow(sale()), gp_fyear: '4_19', routename: 'ALAMCHEARY', salesman: 'SANDHYA', vehicle: 'KL24R 119' }]);
	});
});

describe('Codelayer Route Report Trigger: options', () => {
	it('emits only the sales to the customer named, and only those paid the way named (case and spaces aside)', async () => {
		const byCustomer = setup({ filters: { custname: '  abc ' } });
		const byPayment = new Watch(byCustomer.harness.poller(routeReportTrigger({ filters: { paymentmode: 'cheque' } }, 'By Payment')), sandbox);
		const both = new Watch(byCustomer.harness.poller(routeReportTrigger({ filters: { custname: 'ABC', paymentmode: 'Cash' } }, 'Both')), sandbox);
		for (const watch of [byCustomer.watch, byPayment, both]) await watch.poll();
		const sales = [sale(), sale({ custcode: 447 }), sale({ paymentmode: 'B' }), sale({ custcode: 512, paymentmode: 'B' }), sale()];
		for (const entry of sales) await byCustomer.shop.sell(entry);
		for (const watch of [byCustomer.watch, byPayment, both]) await watch.poll();
		const keys = (entries: ReturnType<typeof sale>[]) => sorted(entries.map((entry) => rowKey(expectedRow(entry))));
		expect(sorted(byCustomer.watch.emitted)).toEqual(keys([sales[0], sales[2], sales[4]]));
		expect(sorted(byPayment.emitted)).toEqual(keys([sales[2], sales[3]]));
		expect(sorted(both.emitted)).toEqual(keys([sales[0], sales[4]]));
		// The state counts every row, filtered or not: it stays the report's multiset.
		expect(Object.values(byCustomer.poller.nodeStaticData.seen as IDataObject).reduce((total: number, count) => total + Number(count), 0)).toBe(5);
	});

	it('adds the route details to each item, and turns the documented numbers into numbers', async () => {
		const { watch, shop } = setup({ options: { routeDetails: true, numbers: true } });
		await watch.poll();
		await shop.sell(sale({ cashreceived: 12.5, specialdisc: 1.5, lines: { 185: 2, 1: 1 } }));
		const [item] = (await watch.poll()).items;
		// 2 × 8.00 + 1 × 10.00 × 1.05 − 1.5 = 25.00
		expect(item.json).toEqual({
			custname: 'ABC',
			salemode: 'Cash',
			paymentmode: 'Cash',
			cashreceived: 12.5,
			netamount: 25,
			specialdisc: 1.5,
			gp_fyear: '4_19',
			routename: 'ALAMCHEARY',
			salesman: 'SANDHYA',
			vehicle: 'KL24R 119',
		});
	});

	it('emits each sale the Codelayer node saves, three identical items as three items', async () => {
		const { harness, watch } = setup();
		await watch.poll();
		const node = codelayer('sale', 'create', {
			gp_fyear: '4_19',
			custcode: 359,
			paymentmode: 'C',
			cashreceived: 50,
			roff: 0,
			specialdisc: 0,
			additionalFields: { salemode: 'Cash' },
			salesInput: 'rows',
			sales: { row: [{ itemcode: 185, qty: 1, rate: 8, taxperc: 0 }] },
		});
		const run = await harness.run(afterItems([{}, {}, {}], node));
		expect(run.error).toBeUndefined();
		const { items } = await watch.poll();
		expect(items.map((item) => rowKey(item.json))).toEqual(Array(3).fill(rowKey(expectedRow(sale()))));
	});
});

describe('Codelayer Route Report Trigger: failed polls', () => {
	const failures: Array<[string, CodelayerFaultRule]> = [
		['e 503 on the report', { kind: 'e', e: 503, path: 'sales/route_report' }],
		['e 400 on Route Details', { kind: 'e', e: 400, path: 'sales/route_details' }],
		['an HTTP 502 page', { kind: 'status', status: 502 }],
		['a connection reset', { kind: 'resetBeforeProcessing' }],
		['a report without e and msg', { kind: 'missingEnvelope', path: 'sales/route_report' }],
		['Route Details without e and msg', { kind: 'missingEnvelope', path: 'sales/route_details' }],
		["PHP's error page", { kind: 'nonJsonBody', path: 'sales/route_report' }],
		['a cut-off report', { kind: 'truncatedBody', path: 'sales/route_report' }],
	];

	it.each(failures)('%s: logged, null returned, the state untouched, and the next poll delivers everything', async (_, fault) => {
		const { watch, shop } = setup();
		await watch.poll();
		await shop.sell(sale());
		await watch.poll();
		await shop.sell(sale(), 2);
		await shop.sell(sale({ custcode: 623 }));
		const before = snapshot(watch.poller.nodeStaticData);
		sandbox().faults.set(fault);
		const { result, logs } = await captureLogs(async () => await watch.poll());
		expect(result.items).toEqual([]);
		expect(result.idle).toBe(true);
		expect(watch.poller.nodeStaticData).toEqual(before);
		// That neither the password nor the key is in the log, the suite's secrets check (test/setup/secrets.ts) sees to.
		expect(logs).toContain('"Route Report Trigger" in workflow "poll-workflow" could not poll');
		const next = await watch.poll();
		expect(next.items).toHaveLength(3);
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
	});

	it('a failure on the report taken again after a new day moves nothing either', async () => {
		const { watch, shop } = setup();
		await watch.poll();
		await shop.sell(sale());
		await watch.poll();
		sandbox().startNewDay();
		await shop.sell(sale(), 2);
		const before = snapshot(watch.poller.nodeStaticData);
		// The report of the new day answers, Route Details answers, the report taken after it fails.
		sandbox().faults.set({ kind: 'e', e: 503, path: 'sales/route_report', skip: 1 });
		const failed = await watch.poll();
		expect(failed.requests).toEqual({ 'sales/route_report': 2, 'sales/route_details': 1 });
		expect(failed.items).toEqual([]);
		expect(watch.poller.nodeStaticData).toEqual(before);
		expect((await watch.poll()).items).toHaveLength(2);
		expect(watch.poller.nodeStaticData.gpFyear).toBe('5_19');
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
	});
});

describe('Codelayer Route Report Trigger: the key', () => {
	it('expired between polls: renewed through the credential with one new login, nothing lost', async () => {
		const { watch, shop } = setup();
		await watch.poll();
		await shop.sell(sale());
		sandbox().expireKeys();
		const renewed = await watch.poll();
		expect(renewed.logins).toBe(1);
		expect(renewed.items).toHaveLength(1);
		// Idle after the renewal: one request, no login.
		sandbox().expireKeys();
		await shop.sell(sale());
		expect(await watch.poll()).toMatchObject({ logins: 1, requests: { 'system/auth': 1, 'sales/route_report': 2, 'sales/route_details': 1 } });
		expect(await watch.poll()).toMatchObject({ logins: 0, total: 1 });
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
	});

	it('dying in the middle of a poll (after the report): renewed once, the poll completes', async () => {
		const { watch, shop } = setup();
		await watch.poll();
		await shop.sell(sale(), 2);
		sandbox().faults.set({ kind: 'expireKeyAfter', calls: 1, path: 'sales/route_report' });
		const poll = await watch.poll();
		expect(poll.logins).toBe(1);
		expect(poll.items).toHaveLength(2);
	});
});

describe('Codelayer Route Report Trigger: restarts and state size', () => {
	it('continues from the static data n8n reloads after a restart, without repeating anything', async () => {
		const { watch, shop } = setup();
		await watch.poll();
		await shop.sell(sale(), 2);
		await watch.poll();
		watch.poller.restart();
		expect((await watch.poll()).items).toEqual([]);
		await shop.sell(sale(), 1);
		await shop.sell(sale({ custcode: 512 }));
		watch.poller.restart();
		expect((await watch.poll()).items).toHaveLength(2);
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
	});

	it('keeps one count per distinct row of the current report, and shrinks back when a new day starts', async () => {
		const { watch, shop } = setup();
		await watch.poll();
		for (const custcode of [447, 359, 512, 623, 731]) await shop.sell(sale({ custcode }), 3);
		await watch.poll();
		expect(watch.poller.nodeStaticData.seen).toEqual(expect.any(Object));
		expect(Object.values(watch.poller.nodeStaticData.seen as IDataObject)).toEqual([3, 3, 3, 3, 3]);
		sandbox().startNewDay();
		await shop.sell(sale());
		await watch.poll();
		expect(watch.poller.nodeStaticData).toEqual({ version: 1, gpFyear: '5_19', seen: { [Object.keys(watch.poller.nodeStaticData.seen as IDataObject)[0]]: 1 } });
		sandbox().startNewDay();
		await watch.poll();
		expect(watch.poller.nodeStaticData).toEqual({ version: 1, gpFyear: '6_19', seen: {} });
	});
});
