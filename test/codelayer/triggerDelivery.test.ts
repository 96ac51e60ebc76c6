import type { IDataObject } from 'n8n-workflow';

import type { CodelayerFaultRule, CodelayerSandbox } from '../../sandbox/codelayer';
import { ManualClock } from '../sandbox/helpers/clock';
import { useCodelayerSandbox } from './harness';
import { expectedRow, randomSource, routeReportTrigger, rowKey, sale, Shop, sorted, triggerHarness, Watch, type Sale } from './triggerHarness';

/**
 * The trigger over many polls while the route day changes under it: in every scenario, everything it emitted,
 * as a multiset, is exactly the sales saved (no duplicate, no gap), and an idle poll costs one request.
 */

function scenario(sandbox: () => CodelayerSandbox, parameters: IDataObject = {}) {
	const harness = triggerHarness(sandbox());
	return { watch: new Watch(harness.poller(routeReportTrigger(parameters)), sandbox), shop: new Shop(sandbox) };
}

const keysOf = (...entries: Sale[]) => entries.map((entry) => rowKey(expectedRow(entry)));
const emittedBy = (poll: { items: Array<{ json: IDataObject }> }) => sorted(poll.items.map((item) => rowKey(item.json)));

/** What a poll that found nothing new must look like: nothing emitted, one request (the report), no login. */
const IDLE = { items: [], idle: true, total: 1, requests: { 'sales/route_report': 1 }, logins: 0 };
/** A poll that found new rows of the same day: the report, then Route Details. */
const SAME_DAY = { total: 2, requests: { 'sales/route_report': 1, 'sales/route_details': 1 } };
/** A poll that found another day: the report, Route Details, the report again. */
const NEW_DAY = { total: 3, requests: { 'sales/route_report': 2, 'sales/route_details': 1 } };

const A = sale();
const B = sale({ custcode: 447, paymentmode: 'B', cashreceived: 0 });
const C = sale({ custcode: 512, lines: { 185: 1, 1: 2 } });
const D = sale({ custcode: 731, salemode: 'Credit', cashreceived: 0, specialdisc: 0.5 });

describe('Codelayer Route Report Trigger over many polls', () => {
	// Five times the seeded load on the van: room for the bursts and the week.
	const sandbox = useCodelayerSandbox({ loadFactor: 5 });

	it('delivers sales one at a time, and identical sales within one poll and across polls, each once', async () => {
		const { watch, shop } = scenario(sandbox);
		await watch.poll();
		await shop.sell(A);
		expect(await watch.poll()).toMatchObject({ ...SAME_DAY, items: [{ json: expectedRow(A) }] });
		expect(await watch.poll()).toMatchObject(IDLE);
		await shop.sell(A, 3);
		const three = await watch.poll();
		expect(three).toMatchObject(SAME_DAY);
		expect(emittedBy(three)).toEqual(keysOf(A, A, A));
		await shop.sell(A);
		expect(emittedBy(await watch.poll())).toEqual(keysOf(A));
		await shop.sell(B);
		await shop.sell(A);
		await shop.sell(B);
		expect(emittedBy(await watch.poll())).toEqual(sorted(keysOf(A, B, B)));
		expect(await watch.poll()).toMatchObject(IDLE);
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
		expect(watch.emitted).toHaveLength(8);
	});

	it('delivers bursts of sales, each poll exactly the burst before it', async () => {
		const { watch, shop } = scenario(sandbox);
		await watch.poll();
		const palette = [A, B, C, D, A, A, B];
		for (const size of [1, 17, 0, 40, 3, 0, 0, 25]) {
			const burst = Array.from({ length: size }, (_, index) => palette[(index * 3 + size) % palette.length]);
			for (const entry of burst) await shop.sell(entry);
			const poll = await watch.poll();
			expect(emittedBy(poll)).toEqual(sorted(keysOf(...burst)));
			expect(poll).toMatchObject(size === 0 ? IDLE : SAME_DAY);
		}
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
	});

	it('delivers the sales of the new day, when it has filled before the next poll with the old rows again and more', async () => {
		const { watch, shop } = scenario(sandbox);
		await watch.poll();
		await shop.sell(A, 2);
		await shop.sell(B);
		await watch.poll();
		sandbox().startNewDay();
		await shop.sell(A, 2);
		await shop.sell(B);
		await shop.sell(A);
		await shop.sell(C);
		const poll = await watch.poll();
		expect(poll).toMatchObject(NEW_DAY);
		expect(emittedBy(poll)).toEqual(sorted(keysOf(A, A, B, A, C)));
		expect(watch.poller.nodeStaticData.gpFyear).toBe('5_19');
		expect(await watch.poll()).toMatchObject(IDLE);
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
	});

	it.each([
		['fewer rows than the old day, all of them identical to old ones', [A]],
		['other rows', [C, D]],
		['the old rows again, in another order', [B, A, A]],
		['nothing yet', []],
	])('delivers the sales of a new day that starts with %s', async (_, firstSales) => {
		const { watch, shop } = scenario(sandbox);
		await watch.poll();
		await shop.sell(A, 2);
		await shop.sell(B);
		await watch.poll();
		sandbox().startNewDay();
		for (const entry of firstSales) await shop.sell(entry);
		const poll = await watch.poll();
		if (firstSales.length === 3) {
			// The same rows as many times: nothing tells this report from the old one without asking Route Details,
			// which an idle poll does not do. The day's next sale changes the report, and brings the whole day.
			expect(poll).toMatchObject(IDLE);
			await shop.sell(A);
			const next = await watch.poll();
			expect(next).toMatchObject(NEW_DAY);
			expect(emittedBy(next)).toEqual(sorted(keysOf(B, A, A, A)));
		} else {
			expect(poll).toMatchObject(NEW_DAY);
			expect(emittedBy(poll)).toEqual(sorted(keysOf(...firstSales)));
			// The new day's later sales, identical to the old day's ones included, are new rows of this day.
			await shop.sell(A, 2);
			await shop.sell(B);
			expect(emittedBy(await watch.poll())).toEqual(sorted(keysOf(A, A, B)));
		}
		expect(watch.poller.nodeStaticData.gpFyear).toBe('5_19');
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
	});

	it('forgets a sale cancelled on the server, and emits once the new version of a sale changed there', async () => {
		const { watch, shop } = scenario(sandbox);
		await watch.poll();
		const [firstA] = await shop.sell(A, 2);
		const [b] = await shop.sell(B);
		const [c] = await shop.sell(C);
		await watch.poll();
		sandbox().changeSale(b, 'cancel');
		// The report no longer holds what was seen: Route Details says the same day, so nothing is new.
		expect(await watch.poll()).toMatchObject({ ...SAME_DAY, items: [] });
		expect(Object.values(watch.poller.nodeStaticData.seen as Record<string, number>).reduce((total, count) => total + count, 0)).toBe(3);
		// A sale identical to the cancelled one, saved later, is a new sale.
		await shop.sell(B);
		expect(emittedBy(await watch.poll())).toEqual(keysOf(B));
		const changed = { ...C, cashreceived: 99 };
		sandbox().changeSale(c, { cashreceived: 99 });
		expect(emittedBy(await watch.poll())).toEqual(keysOf(changed));
		// One of two identical sales cancelled: nothing new.
		sandbox().changeSale(firstA, 'cancel');
		expect(await watch.poll()).toMatchObject({ ...SAME_DAY, items: [] });
		expect(await watch.poll()).toMatchObject(IDLE);
		expect(sorted(watch.emitted)).toEqual(sorted([...shop.saved, ...keysOf(changed)]));
	});

	it('cannot see a sale cancelled and saved again identically between two polls (the documented limit)', async () => {
		const { watch, shop } = scenario(sandbox);
		await watch.poll();
		const [d] = await shop.sell(D);
		await watch.poll();
		sandbox().changeSale(d, 'cancel');
		await shop.sell(D);
		expect(await watch.poll()).toMatchObject(IDLE);
		expect(watch.emitted).toEqual(keysOf(D));
	});

	it('keeps delivering across failed polls (e, 5xx, resets, no envelope), consecutive ones too: the next good poll brings everything', async () => {
		const { watch, shop } = scenario(sandbox);
		await watch.poll();
		const faults: CodelayerFaultRule[][] = [
			[{ kind: 'e', e: 503, path: 'sales/route_report' }],
			[{ kind: 'status', status: 503 }, { kind: 'resetBeforeProcessing' }],
			[{ kind: 'missingEnvelope', path: 'sales/route_report' }],
			[{ kind: 'e', e: 503, path: 'sales/route_details' }, { kind: 'status', status: 500, path: 'sales/route_details' }, { kind: 'truncatedBody', path: 'sales/route_report' }],
			[{ kind: 'nonJsonBody' }],
		];
		for (const [round, failures] of faults.entries()) {
			const pending = [A, B, A, C].slice(0, round + 1);
			for (const entry of pending) await shop.sell(entry);
			for (const fault of failures) {
				const before = JSON.stringify(watch.poller.nodeStaticData);
				sandbox().faults.set(fault);
				expect((await watch.poll()).items).toEqual([]);
				expect(JSON.stringify(watch.poller.nodeStaticData)).toBe(before);
				// A sale saved while the trigger cannot read comes with the rest.
				await shop.sell(D);
				pending.push(D);
			}
			expect(emittedBy(await watch.poll())).toEqual(sorted(keysOf(...pending)));
		}
		expect(await watch.poll()).toMatchObject(IDLE);
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
	});

	it('keeps delivering when the key expires between polls: one new login each time', async () => {
		const { watch, shop } = scenario(sandbox);
		await watch.poll();
		for (const entry of [A, A, B, C]) {
			await shop.sell(entry);
			sandbox().expireKeys();
			const poll = await watch.poll();
			expect(poll.logins).toBe(1);
			expect(emittedBy(poll)).toEqual(keysOf(entry));
		}
		sandbox().expireKeys();
		expect(await watch.poll()).toMatchObject({ items: [], logins: 1, requests: { 'sales/route_report': 2, 'system/auth': 1 } });
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
	});

	it('keeps delivering across restarts that reload the static data, on the same day and across days', async () => {
		const { watch, shop } = scenario(sandbox);
		await watch.poll();
		await shop.sell(A, 2);
		watch.poller.restart();
		await watch.poll();
		watch.poller.restart();
		expect(await watch.poll()).toMatchObject(IDLE);
		sandbox().startNewDay();
		await shop.sell(A, 3);
		watch.poller.restart();
		expect(await watch.poll()).toMatchObject(NEW_DAY);
		await shop.sell(B);
		watch.poller.restart();
		expect(await watch.poll()).toMatchObject(SAME_DAY);
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
	});

	it('delivers a week of days, each starting with sales before its first poll, with failures, restarts and expired keys between polls', async () => {
		const random = randomSource(20240531);
		const { watch, shop } = scenario(sandbox);
		await watch.poll();
		const palette = [A, B, C, D];
		let previousDay: Sale[] = [];
		for (let day = 0; day < 7; day++) {
			const today: Sale[] = [];
			const sell = async (entry: Sale) => {
				await shop.sell(entry);
				today.push(entry);
			};
			if (day > 0) {
				sandbox().startNewDay();
				// The new day fills before the trigger polls: with the old day's first sales again (all of them on
				// some days), then perhaps more.
				const copied = previousDay.slice(0, Math.ceil(random() * previousDay.length));
				for (const entry of copied) await sell(entry);
				if (random() < 0.5) await sell(palette[Math.floor(random() * palette.length)]);
			}
			for (let batch = 0; batch < 8; batch++) {
				const size = batch === 7 ? 1 : Math.floor(random() * 6);
				for (let i = 0; i < size; i++) await sell(palette[Math.floor(random() * palette.length)]);
				const event = random();
				if (event < 0.2) {
					sandbox().faults.set({ kind: 'e', e: 503, path: random() < 0.5 ? 'sales/route_report' : 'sales/route_details' });
					await watch.poll();
					sandbox().faults.clear();
				} else if (event < 0.3) watch.poller.restart();
				else if (event < 0.4) sandbox().expireKeys();
				await watch.poll();
			}
			// The day's last poll must succeed before the day changes: the old day's report is gone afterwards.
			await watch.poll();
			previousDay = today;
		}
		expect(await watch.poll()).toMatchObject(IDLE);
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
		expect(watch.poller.nodeStaticData.gpFyear).toBe('10_19');
	});
});

describe('Codelayer Route Report Trigger when the day changes in the middle of a poll', () => {
	// Latency faults wait on this clock: a request is held at the server's door until the test moves it on.
	const clock = new ManualClock();
	const sandbox = useCodelayerSandbox({ clock });

	/** Runs a poll whose first request to `path` is held while `meanwhile` runs. */
	async function pollHolding(watch: Watch, path: string, meanwhile: () => Promise<void>) {
		sandbox().faults.set({ kind: 'latency', ms: 1000, path });
		const held = clock.nextSleep();
		const poll = watch.poll();
		await held;
		await meanwhile();
		clock.advance(1000);
		return await poll;
	}

	it('first poll: the report belongs to the day Route Details named before it, so a day that changes in between is caught', async () => {
		const { watch, shop } = scenario(sandbox);
		await shop.sell(A, 2);
		await shop.sell(B);
		// Route Details names 4_19; the day changes and fills while the report is on its way.
		await pollHolding(watch, 'sales/route_report', async () => {
			sandbox().startNewDay();
			await shop.sell(A);
		});
		await shop.sell(C);
		const poll = await watch.poll();
		expect(poll).toMatchObject(NEW_DAY);
		// The new day's sales, the one saved during the first poll included; nothing of the old day.
		expect(emittedBy(poll)).toEqual(sorted(keysOf(A, C)));
	});

	it('later polls: a day that changes between the report and Route Details is read again, whole', async () => {
		const { watch, shop } = scenario(sandbox);
		await watch.poll();
		await shop.sell(A, 2);
		await watch.poll();
		await shop.sell(B);
		const poll = await pollHolding(watch, 'sales/route_details', async () => {
			sandbox().startNewDay();
			await shop.sell(A, 2);
		});
		// (The two sales saved meanwhile count among the requests of the poll's time.)
		expect(poll.requests).toMatchObject(NEW_DAY.requests);
		// The new day's two sales, though identical to the old day's; the old day's B, saved after its last
		// poll, was in a report the trigger could not place (the limit the README names).
		expect(emittedBy(poll)).toEqual(keysOf(A, A));
		expect(await watch.poll()).toMatchObject(IDLE);
	});
});

describe('Codelayer Route Report Trigger over a day of 500 sales', () => {
	// Ten times the seeded load on the van: room for 500 sales of one or two units.
	const sandbox = useCodelayerSandbox({ loadFactor: 10 });

	it('emits each of 500 sales once, saved in random-sized batches with identical ones, through failures, restarts and expired keys', async () => {
		const random = randomSource(500);
		const { watch, shop } = scenario(sandbox);
		await watch.poll();
		const palette: Sale[] = [447, 359, 512].flatMap((custcode) =>
			(['C', 'B'] as const).flatMap((paymentmode) => [{ 185: 1 }, { 1: 1 }].map((lines) => sale({ custcode, paymentmode, lines }))),
		);
		const failures: CodelayerFaultRule[] = [
			{ kind: 'e', e: 503, path: 'sales/route_report' },
			{ kind: 'status', status: 502 },
			{ kind: 'resetBeforeProcessing' },
			{ kind: 'missingEnvelope', path: 'sales/route_report' },
			{ kind: 'truncatedBody', path: 'sales/route_report' },
		];
		let pending: Sale[] = [];
		const counts = { polls: 0, idle: 0, failed: 0, restarts: 0, renewals: 0 };
		while (shop.saved.length < 500) {
			const size = Math.min(500 - shop.saved.length, Math.floor(random() * random() * 40));
			// Now and then a run of identical sales.
			const repeated = random() < 0.2 ? palette[Math.floor(random() * palette.length)] : undefined;
			for (let i = 0; i < size; i++) {
				const entry = repeated ?? palette[Math.floor(random() * palette.length)];
				await shop.sell(entry);
				pending.push(entry);
			}
			const event = random();
			if (event < 0.15) {
				const before = JSON.stringify(watch.poller.nodeStaticData);
				sandbox().faults.set(failures[Math.floor(random() * failures.length)]);
				expect((await watch.poll()).items).toEqual([]);
				expect(JSON.stringify(watch.poller.nodeStaticData)).toBe(before);
				counts.failed++;
				continue;
			}
			if (event < 0.25) {
				watch.poller.restart();
				counts.restarts++;
			} else if (event < 0.32) {
				sandbox().expireKeys();
				counts.renewals++;
			}
			const poll = await watch.poll();
			counts.polls++;
			expect(emittedBy(poll)).toEqual(sorted(keysOf(...pending)));
			expect(poll.logins).toBe(event >= 0.25 && event < 0.32 ? 1 : 0);
			if (pending.length === 0 && poll.logins === 0) {
				expect(poll).toMatchObject(IDLE);
				counts.idle++;
			} else if (poll.logins === 0) expect(poll).toMatchObject(SAME_DAY);
			pending = [];
			// Often the trigger polls again before the next sale: nothing new, one request.
			if (random() < 0.4) {
				expect(await watch.poll()).toMatchObject(IDLE);
				counts.idle++;
			}
		}
		if (pending.length > 0) expect(emittedBy(await watch.poll())).toEqual(sorted(keysOf(...pending)));
		expect(await watch.poll()).toMatchObject(IDLE);
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
		expect(watch.emitted).toHaveLength(500);
		expect(sandbox().day.sales).toBe(500);
		// The state holds one count per distinct row of the report: the palette's 12, summing to 500.
		const seen = Object.values(watch.poller.nodeStaticData.seen as Record<string, number>);
		expect(seen).toHaveLength(palette.length);
		expect(seen.reduce((total, count) => total + count, 0)).toBe(500);
		// The run went through every kind of event.
		expect(counts).toEqual({ polls: expect.any(Number), idle: expect.any(Number), failed: expect.any(Number), restarts: expect.any(Number), renewals: expect.any(Number) });
		for (const count of Object.values(counts)) expect(count).toBeGreaterThan(0);
	});
});
