import { ManualClock } from '../sandbox/helpers/clock';
import { afterItems, packageNode } from '../harness';
import { cloudOffixHarness, useCloudOffixSandbox, type CloudOffixHarness } from './sandbox';

/**
 * Return All sorted by id pages by key (`id > last id`): records deleted between two pages shift no later record
 * out of reach, as an offset would. The second page is held back by the sandbox's clock, which only this test
 * moves, while the first page's records are deleted: no timing is involved.
 */
const clock = new ManualClock();
const sandbox = useCloudOffixSandbox({ clock });
const partner = { mode: 'name', value: 'res.partner' };
const NAMES = Array.from({ length: 12 }, (_, i) => `Keyset ${String(i).padStart(2, '0')}`);

function node(parameters: Record<string, unknown>) {
	return packageNode('cloudOffix', { resource: 'record', model: partner, ...parameters }, { cloudOffixApi: 'co-1' });
}

async function createPartners(harness: CloudOffixHarness): Promise<number[]> {
	const created = await harness.run(afterItems(NAMES.map((name) => ({ name })), node({ operation: 'create', fieldsMode: 'json', valuesJson: '={{ JSON.stringify({ name: $json.name }) }}' })));
	return created.json('cloudOffix').map((item) => item.id as number);
}

/** Reads every Keyset partner 5 per page; while the second page waits, `between` runs. */
async function readAllWith(harness: CloudOffixHarness, order: string, between: () => Promise<unknown>): Promise<number[]> {
	sandbox().faults.set({ kind: 'latency', ms: 1000, times: 2, method: 'res.partner.search_read' });
	const reading = harness.run(afterItems([{}], node({ operation: 'getMany', filterType: 'domain', domain: '[["name", "=like", "Keyset %"]]', returnAll: true, options: { fields: ['name'], pageSize: 5, order } })));
	await clock.nextSleep();
	clock.advance(1000); // the first page is answered
	await clock.nextSleep(); // the second page waits
	await between();
	clock.advance(1000);
	const result = await reading;
	if (result.error) throw result.error;
	return result.json('cloudOffix').map((item) => item.id as number);
}

describe('CloudOffix Get Many paging by key', () => {
	it('sorted by id, reads every record once when records of an earlier page are deleted between two pages', async () => {
		const harness = cloudOffixHarness(sandbox());
		const ids = await createPartners(harness);
		const deleteTwo = async () => await harness.run(afterItems([{ id: ids[0] }, { id: ids[1] }], node({ operation: 'deleteRecord', recordId: { mode: 'id', value: '={{ $json.id }}' } })));
		expect(await readAllWith(harness, '', deleteTwo)).toEqual(ids);
	});

	it('with another sort pages by offset, and the same delete makes it skip records (why id order pages by key)', async () => {
		const harness = cloudOffixHarness(sandbox());
		const ids = await createPartners(harness);
		const deleteTwo = async () => await harness.run(afterItems([{ id: ids[0] }, { id: ids[1] }], node({ operation: 'deleteRecord', recordId: { mode: 'id', value: '={{ $json.id }}' } })));
		const read = await readAllWith(harness, 'name', deleteTwo);
		expect(read).toEqual([...ids.slice(0, 5), ...ids.slice(7)]);
	});
});
