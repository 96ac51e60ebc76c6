import type { IDataObject } from 'n8n-workflow';

import type { FaultRule } from '../../sandbox/cloudoffix';
import { afterItems, packageNode } from '../harness';
import { cloudOffixHarness, useCloudOffixSandbox, type CloudOffixHarness } from '../cloudoffix/sandbox';
import { FAULT_RATE, NETWORK_FAULTS, outcomeOf, outputByInput, itemSummary, recordAndCheck, secretsFoundSoFar, seedFor, type ScenarioSummary } from './scenario';

/**
 * CloudOffix under seeded random faults (scenario.ts): 1,000 items per operation family, Continue On Fail on, and
 * the outcome counted from the sandbox's records once the faults are off: nothing lost, nothing created twice,
 * every failure an error item paired to its input.
 */

const sandbox = useCloudOffixSandbox({ computedFieldCostMs: 0 });
const ITEMS = 1000;
const CONNECTION = { retryWaitMs: 1, concurrency: 1 };
const partner = { mode: 'name', value: 'res.partner' };

/** Every fault the sandbox knows that can hit any request: proxies, networks, cut-off and foreign answers, a session that expires. */
const FAULTS: FaultRule[] = [...NETWORK_FAULTS, { kind: 'expireSessionAfter', calls: 1 }];

const node = (operation: string, parameters: IDataObject, connection: IDataObject = {}) =>
	packageNode('cloudOffix', { resource: 'record', operation, model: partner, ...parameters, connection: { ...CONNECTION, ...connection } }, { cloudOffixApi: 'co-1' }, { continueOnFail: true });

/** The partners whose name starts with `prefix`, read with the faults off: name → ids (and comment by id). */
async function partnersNamed(harness: CloudOffixHarness, prefix: string) {
	sandbox().faults.clear();
	const read = node('getMany', { returnAll: true, filterType: 'domain', domain: JSON.stringify([['name', '=like', `${prefix}%`]]), options: { fields: ['name', 'comment'], simplify: false } });
	const result = await harness.run(afterItems([{}], read));
	if (result.error) throw result.error;
	const byName = new Map<string, number[]>();
	const comments = new Map<number, unknown>();
	for (const record of result.json('cloudOffix')) {
		byName.set(String(record.name), [...(byName.get(String(record.name)) ?? []), Number(record.id)]);
		comments.set(Number(record.id), record.comment);
	}
	return { byName, comments };
}

async function loggedInHarness() {
	const harness = cloudOffixHarness(sandbox());
	await harness.run(afterItems([{}], node('count', {})));
	return harness;
}

/** Batched operations make a request per 20 items, so their faults are drawn for a quarter of the requests. */
const BATCH = 20;
const BATCHED_FAULT_RATE = 0.25;

function withFaults(seed: number, rate = BATCHED_FAULT_RATE) {
	sandbox().faults.clear();
	sandbox().faults.randomly({ seed, rate, rules: FAULTS });
}

/** Creates: a success names a record that holds the item's name alone; a failure may have created it at most once. */
async function createScenario(scenario: string, seed: number, batchSize: number) {
	const harness = await loggedInHarness();
	const prefix = `FI ${scenario} `;
	// Every 40th item has no name: Odoo's own ValidationError, which must land on that item alone.
	const items = Array.from({ length: ITEMS }, (_, i) => ({ name: i % 40 === 39 ? '' : `${prefix}${i}` }));
	withFaults(seed, batchSize === 1 ? FAULT_RATE : BATCHED_FAULT_RATE);
	const output = (await harness.run(afterItems(items, node('create', { fieldsMode: 'json', valuesJson: '={{ JSON.stringify($json) }}' }, { batchSize })))).output('cloudOffix');
	const injected = sandbox().faults.injected();
	const { byName } = await partnersNamed(harness, prefix);
	let lost = 0;
	let duplicated = 0;
	let uncertain = 0;
	outputByInput(output, ITEMS).forEach((item, i) => {
		const ids = byName.get(items[i].name) ?? [];
		if (ids.length > 1) duplicated++;
		if (!item) lost++;
		else if (item.json.error === undefined) {
			if (items[i].name === '' || ids.length !== 1 || ids[0] !== item.json.id) lost++;
		} else if (ids.length === 1) uncertain++;
	});
	// A nameless item never succeeds (its error is Odoo's, or its batch's when a fault hit the batch).
	expect(output.filter((_, i) => items[i].name === '').every((item) => item.json.error !== undefined)).toBe(true);
	return itemSummary(scenario, seed, output, { items: ITEMS, lost, duplicated, uncertain }, injected);
}

/** Partners to update or delete, created with the faults off. */
async function seedPartners(harness: CloudOffixHarness, prefix: string): Promise<number[]> {
	sandbox().faults.clear();
	const items = Array.from({ length: ITEMS }, (_, i) => ({ name: `${prefix}${i}` }));
	const output = (await harness.run(afterItems(items, node('create', { fieldsMode: 'json', valuesJson: '={{ JSON.stringify($json) }}' })))).json('cloudOffix');
	return output.map((item) => Number(item.id));
}

describe('CloudOffix under random faults, 1,000 items each', () => {
	it('Create, one per item: nothing lost, nothing created twice', async () => {
		recordAndCheck(await createScenario('CloudOffix create per item', seedFor(101), 1));
	});

	it('Create in batches of 20 (load): nothing lost, nothing created twice', async () => {
		recordAndCheck(await createScenario('CloudOffix batched create', seedFor(102), BATCH));
	});

	it('Update (batched writes of equal values): every item reported done is written', async () => {
		const harness = await loggedInHarness();
		const prefix = 'FI update ';
		const ids = await seedPartners(harness, prefix);
		const seed = seedFor(103);
		withFaults(seed);
		// Ten values: items with the same comment share one write.
		const items = ids.map((id, i) => ({ id, comment: `group ${i % 10}` }));
		const update = node('update', { recordId: { mode: 'id', value: '={{ $json.id }}' }, fieldsMode: 'json', valuesJson: '={{ JSON.stringify({ comment: $json.comment }) }}' }, { batchSize: BATCH });
		const output = (await harness.run(afterItems(items, update))).output('cloudOffix');
		const injected = sandbox().faults.injected();
		const { comments } = await partnersNamed(harness, prefix);
		const outcome = outcomeOf(output, ITEMS, (i) => comments.get(items[i].id) === items[i].comment);
		recordAndCheck(itemSummary('CloudOffix update', seed, output, { items: ITEMS, ...outcome, duplicated: 0 }, injected));
	});

	it('Delete (batched unlinks): every item reported done is gone', async () => {
		const harness = await loggedInHarness();
		const prefix = 'FI delete ';
		const ids = await seedPartners(harness, prefix);
		const seed = seedFor(104);
		withFaults(seed);
		const output = (await harness.run(afterItems(ids.map((id) => ({ id })), node('deleteRecord', { recordId: { mode: 'id', value: '={{ $json.id }}' } }, { batchSize: BATCH })))).output('cloudOffix');
		const injected = sandbox().faults.injected();
		const { comments } = await partnersNamed(harness, prefix);
		const outcome = outcomeOf(output, ITEMS, (i) => !comments.has(ids[i]));
		recordAndCheck(itemSummary('CloudOffix delete', seed, output, { items: ITEMS, ...outcome, duplicated: 0 }, injected));
	});

	it('Get Many, Return All in pages of 20: every record once, none missing', async () => {
		const harness = await loggedInHarness();
		const prefix = 'FI read ';
		const ids = await seedPartners(harness, prefix);
		const seed = seedFor(105);
		withFaults(seed);
		const read = node('getMany', { returnAll: true, filterType: 'domain', domain: JSON.stringify([['name', '=like', `${prefix}%`]]), options: { fields: ['name'], pageSize: 20, order: 'id' } });
		const result = await harness.run(afterItems([{}], read));
		const injected = sandbox().faults.injected();
		const output = result.output('cloudOffix');
		const read_ = output.map((item) => Number(item.json.id));
		const summary: ScenarioSummary = {
			scenario: 'CloudOffix get many',
			seed,
			items: ITEMS,
			faults: injected,
			lost: ids.filter((id) => !read_.includes(id)).length,
			duplicated: read_.length - new Set(read_).size,
			errorsReported: output.filter((item) => item.json.error !== undefined).length,
			uncertain: 0,
			secretsFound: secretsFoundSoFar(),
		};
		recordAndCheck(summary);
		expect(summary.errorsReported).toBe(0);
	});

	it('without Continue On Fail, a failed item stops the node with a NodeApiError naming it', async () => {
		const harness = await loggedInHarness();
		const items = [{ name: 'Stop A' }, { name: 'Stop B' }, { name: '' }, { name: 'Stop D' }];
		const create = packageNode('cloudOffix', { resource: 'record', operation: 'create', model: partner, fieldsMode: 'json', valuesJson: '={{ JSON.stringify($json) }}', connection: { batchSize: 1, concurrency: 1 } }, { cloudOffixApi: 'co-1' });
		const result = await harness.run(afterItems(items, create));
		// n8n keeps the error as it serialises it: the class shows in its name.
		expect(result.error?.name).toBe('NodeApiError');
		expect((result.error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(2);
		expect(result.error?.message).toContain('require a name');
	});
});
