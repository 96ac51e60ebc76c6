import type { IDataObject } from 'n8n-workflow';

import { ManualClock } from '../sandbox/helpers/clock';
import { JsonRpcClient } from '../sandbox/cloudoffix/helpers/json-client';
import { packageNode } from '../harness';
import { ADMIN_PASSWORD, cloudOffixHarness, useCloudOffixSandbox } from './sandbox';

// The sandbox stamps records with this clock. It runs years away from n8n's own clock on purpose: the
// trigger must only ever compare the server's stamps with each other.
const clock = new ManualClock({ start: Date.UTC(2031, 2, 14, 8, 0, 0), instantSleeps: true });
const sandbox = useCloudOffixSandbox({ clock, computedFieldCostMs: 0 });

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Retries are off: one injected fault fails the poll these tests are about (test/reliability/retries.test.ts retries). */
function trigger(parameters: IDataObject = {}) {
	return packageNode(
		'cloudOffixTrigger',
		{ model: { mode: 'name', value: 'crm.lead' }, event: 'created', options: { fields: ['name'] }, connection: { retries: 0 }, ...parameters },
		{ cloudOffixApi: 'co-1' },
	);
}

function pollerOf(parameters: IDataObject = {}) {
	const harness = cloudOffixHarness(sandbox());
	return harness.poller(trigger(parameters));
}

/** Another user of CloudOffix, changing records between polls. */
async function server(): Promise<JsonRpcClient> {
	const client = new JsonRpcClient(sandbox().url, sandbox().db);
	await client.login('admin', ADMIN_PASSWORD);
	return client;
}

const create = async (client: JsonRpcClient, name: string) => (await client.callKw('crm.lead', 'create', [{ name }])) as number;
const names = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.name);
const searchReads = () => sandbox().stats.calls['crm.lead.search_read'] ?? 0;

describe('CloudOffix Trigger', () => {
	it('starts from the newest record, then delivers each new record once', async () => {
		const poller = pollerOf();
		const client = await server();
		await create(client, 'Before the trigger');
		expect(await poller.poll()).toEqual({ items: [], idle: true });
		clock.advance(MINUTE);
		await create(client, 'Lead A');
		await create(client, 'Lead B');
		const first = await poller.poll();
		expect(names(first.items)).toEqual(['Lead A', 'Lead B']);
		expect(first.items[0].json).toEqual({ id: expect.any(Number), name: 'Lead A', create_date: '2031-03-14 08:01:00' });
		sandbox().stats.reset();
		expect(await poller.poll()).toEqual({ items: [], idle: true });
		// An idle poll is one request.
		expect(sandbox().stats.total).toBe(1);
	});

	it('shapes records as the action node does (Simplify): a many2one as its id and a _name; with Simplify off, as Odoo reads it', async () => {
		const client = await server();
		const fields = { fields: ['name', 'user_id', 'partner_id'] };
		const simplified = pollerOf({ options: fields });
		const raw = pollerOf({ options: { ...fields, simplify: false } });
		await simplified.poll();
		await raw.poll();
		clock.advance(MINUTE);
		await client.callKw('crm.lead', 'create', [{ name: 'Shaped', user_id: 2, partner_id: false }]);
		const [item] = (await simplified.poll()).items;
		expect(item.json).toEqual({ id: expect.any(Number), name: 'Shaped', user_id: 2, user_id_name: expect.any(String), partner_id: null, partner_id_name: null, create_date: expect.any(String) });
		expect(Object.keys(item.json).slice(1, 6)).toEqual(['name', 'user_id', 'user_id_name', 'partner_id', 'partner_id_name']);
		const [unshaped] = (await raw.poll()).items;
		expect(unshaped.json).toMatchObject({ name: 'Shaped', user_id: [2, item.json.user_id_name], partner_id: false });
	});

	it('neither loses nor repeats records written in the same second as the last poll', async () => {
		const poller = pollerOf();
		const client = await server();
		await poller.poll();
		clock.advance(SECOND);
		await create(client, 'Same second 1');
		expect(names((await poller.poll()).items)).toEqual(['Same second 1']);
		// The clock has not moved: this one carries the very stamp of the watermark.
		await create(client, 'Same second 2');
		expect(names((await poller.poll()).items)).toEqual(['Same second 2']);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('delivers, once, a change stamped before the last poll (a transaction that committed late), within the look-back window', async () => {
		const poller = pollerOf({ options: { fields: ['name'], lookBackMinutes: 5 } });
		const client = await server();
		await poller.poll();
		clock.advance(10 * MINUTE);
		await create(client, 'On time');
		expect(names((await poller.poll()).items)).toEqual(['On time']);
		// Odoo stamps with the transaction's start: this one began 3 minutes before the watermark.
		clock.advance(-3 * MINUTE);
		await create(client, 'Committed late');
		clock.advance(3 * MINUTE);
		expect(names((await poller.poll()).items)).toEqual(['Committed late']);
		expect((await poller.poll()).items).toEqual([]);
		// Beyond the window the trigger cannot see it: the limit the README states.
		clock.advance(-6 * MINUTE);
		await create(client, 'Too late');
		clock.advance(6 * MINUTE);
		expect((await poller.poll()).items).toEqual([]);
	});

	it('delivers new and updated records with write_date, an update again when it is written again', async () => {
		const poller = pollerOf({ event: 'createdOrUpdated' });
		const client = await server();
		const id = await create(client, 'Editable');
		await poller.poll();
		clock.advance(SECOND);
		await client.callKw('crm.lead', 'write', [[id], { name: 'Edited once' }]);
		expect(names((await poller.poll()).items)).toEqual(['Edited once']);
		clock.advance(SECOND);
		await client.callKw('crm.lead', 'write', [[id], { name: 'Edited twice' }]);
		const created = await create(client, 'Brand new');
		const items = (await poller.poll()).items;
		expect(items.map((item) => [item.json.id, item.json.name])).toEqual([
			[id, 'Edited twice'],
			[created, 'Brand new'],
		]);
	});

	it('applies the filter, and a changed filter starts a new cursor', async () => {
		const filtered = { filterType: 'conditions', conditions: { condition: [{ field: 'name', operator: 'ilike', value: 'vip' }] } };
		const poller = pollerOf(filtered);
		const client = await server();
		await poller.poll();
		clock.advance(SECOND);
		await create(client, 'VIP customer');
		await create(client, 'Ordinary customer');
		expect(names((await poller.poll()).items)).toEqual(['VIP customer']);
	});

	it('moves nothing on a failed poll: the next one delivers what it could not', async () => {
		const poller = pollerOf();
		const client = await server();
		await poller.poll();
		clock.advance(SECOND);
		await create(client, 'Survives the outage');
		const before = JSON.stringify(poller.nodeStaticData);
		sandbox().faults.set({ kind: 'status', status: 502, method: 'crm.lead.search_read' });
		// A scheduled poll after the first logs the error and delivers nothing (n8n's convention).
		expect(await poller.poll()).toEqual({ items: [], idle: true });
		expect(JSON.stringify(poller.nodeStaticData)).toBe(before);
		expect(names((await poller.poll()).items)).toEqual(['Survives the outage']);
	});

	it('shows the error of a first poll, and of the editor\'s fetch', async () => {
		sandbox().faults.set({ kind: 'status', status: 503, times: 2 });
		await expect(pollerOf().poll()).rejects.toThrow(/HTTP 503/);
		await expect(pollerOf().poll('manual')).rejects.toThrow(/HTTP 503/);
	});

	it('continues after a restart that reloads the static data, without repeating anything', async () => {
		const poller = pollerOf();
		const client = await server();
		await poller.poll();
		clock.advance(SECOND);
		await create(client, 'Before restart');
		expect(names((await poller.poll()).items)).toEqual(['Before restart']);
		poller.restart();
		await create(client, 'After restart');
		expect(names((await poller.poll()).items)).toEqual(['After restart']);
	});

	it('fetches the newest record for the editor without moving the cursor', async () => {
		const poller = pollerOf();
		const client = await server();
		await poller.poll();
		clock.advance(SECOND);
		await create(client, 'Newest');
		const cursor = JSON.stringify(poller.nodeStaticData);
		expect(names((await poller.poll('manual')).items)).toEqual(['Newest']);
		expect(JSON.stringify(poller.nodeStaticData)).toBe(cursor);
		expect(names((await poller.poll()).items)).toEqual(['Newest']);
	});

	it('delivers every change exactly once over many polls of random changes', async () => {
		const poller = pollerOf({ event: 'createdOrUpdated' });
		const client = await server();
		await poller.poll();
		// A small deterministic generator: the same run every time.
		let seed = 7;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		const changes = new Set<string>();
		const delivered: string[] = [];
		const ids: number[] = [];
		for (let round = 0; round < 40; round++) {
			for (let change = Math.floor(random() * 6); change > 0; change--) {
				// Some changes land in the watermark's second, some a little behind it (late commits).
				const step = [0, 0, SECOND, 2 * SECOND, -30 * SECOND][Math.floor(random() * 5)];
				clock.advance(step);
				if (ids.length === 0 || random() < 0.5) {
					const id = await create(client, `Lead ${round}.${change}`);
					ids.push(id);
				} else {
					const id = ids[Math.floor(random() * ids.length)];
					await client.callKw('crm.lead', 'write', [[id], { name: `Edit ${round}.${change}` }]);
				}
				clock.advance(-Math.min(step, 0));
			}
			// The ground truth: the last stamp of each record, as the server holds it.
			const rows = (await client.callKw('crm.lead', 'search_read', [[['id', 'in', ids]], ['write_date']])) as Array<{ id: number; write_date: string }>;
			for (const row of rows) changes.add(`${row.id}@${row.write_date}`);
			if (random() < 0.2) poller.restart();
			delivered.push(...(await poller.poll()).items.map((item) => `${String(item.json.id)}@${String(item.json.write_date)}`));
			clock.advance(SECOND);
		}
		delivered.push(...(await poller.poll()).items.map((item) => `${String(item.json.id)}@${String(item.json.write_date)}`));
		expect(new Set(delivered).size).toBe(delivered.length);
		// Every stamp a record had when a poll looked was delivered, and nothing else. (Two writes of one
		// record in one second share a stamp: the second is the one delivered, as its values are read.)
		expect([...delivered].sort()).toEqual([...changes].sort());
		expect(searchReads()).toBeGreaterThan(40);
	});
});

describe('CloudOffix Trigger on a burst', () => {
	const burstClock = new ManualClock({ start: Date.UTC(2030, 0, 1, 0, 0, 0), instantSleeps: true });
	const big = useCloudOffixSandbox({ clock: burstClock, computedFieldCostMs: 0, scale: 100 });

	it('delivers a burst of 10,000 changes in full, each once, in pages', async () => {
		const harness = cloudOffixHarness(big());
			const poller = harness.poller(
			packageNode('cloudOffixTrigger', { model: { mode: 'name', value: 'res.partner' }, event: 'createdOrUpdated', options: { fields: ['name'] } }, { cloudOffixApi: 'co-1' }),
		);
		await poller.poll();
		const client = new JsonRpcClient(big().url, big().db);
		await client.login('admin', ADMIN_PASSWORD);
		const ids = ((await client.callKw('res.partner', 'search', [[]], { limit: 10_000, order: 'id' })) as number[]);
		expect(ids).toHaveLength(10_000);
		burstClock.advance(SECOND);
		await client.callKw('res.partner', 'write', [ids, { comment: 'burst' }]);
		big().stats.reset();
		const { items } = await poller.poll();
		expect(items.map((item) => item.json.id)).toEqual(ids);
		// Ten light pages of ids and stamps, then the records in reads of 500.
		expect(big().stats.calls['res.partner.search_read']).toBe(11);
		expect(big().stats.calls['res.partner.read']).toBe(20);
		expect((await poller.poll()).items).toEqual([]);
	});
});
