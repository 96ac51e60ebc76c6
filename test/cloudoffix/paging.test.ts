import { afterItems, packageNode } from '../harness';
import { cloudOffixHarness, useCloudOffixSandbox } from './sandbox';

// Scaled seed: thousands of partners, each with a base64 image like real Odoo.
const sandbox = useCloudOffixSandbox({ scale: 30 });

const getMany = (parameters: Record<string, unknown>) =>
	packageNode(
		'cloudOffix',
		{ resource: 'record', operation: 'getMany', model: { mode: 'name', value: 'res.partner' }, ...parameters },
		{ cloudOffixApi: 'co-1' },
	);

describe('CloudOffix Get Many paging', () => {
	it('returns all records page by page, never in one giant search_read', async () => {
		const harness = cloudOffixHarness(sandbox());
		const counted = await harness.run(afterItems([{}], packageNode('cloudOffix', { resource: 'record', operation: 'count', model: { mode: 'name', value: 'res.partner' } }, { cloudOffixApi: 'co-1' })));
		const total = Number(counted.json('cloudOffix')[0].count);
		expect(total).toBeGreaterThanOrEqual(2500);
		sandbox().stats.reset();

		const result = await harness.run(afterItems([{}], getMany({ returnAll: true, options: { pageSize: 1000 } })));
		const records = result.json('cloudOffix');
		expect(records).toHaveLength(total);
		expect(new Set(records.map((r) => r.id)).size).toBe(total);
		// A last page shorter than the page size ends the loop; an exact multiple needs one empty page.
		expect(sandbox().stats.calls['res.partner.search_read']).toBe(Math.floor(total / 1000) + 1);
		expect(sandbox().stats.calls['res.partner.fields_get']).toBe(1);
		expect(records.every((r) => !('image' in r))).toBe(true);
	});

	it('stops at the limit with the fewest pages: 2,500 records in three requests', async () => {
		const harness = cloudOffixHarness(sandbox());
		const result = await harness.run(afterItems([{}], getMany({ returnAll: false, limit: 2500, options: { pageSize: 1000, fields: ['name'] } })));
		expect(result.json('cloudOffix')).toHaveLength(2500);
		expect(sandbox().stats.calls['res.partner.search_read']).toBe(3);
		expect(sandbox().stats.calls['res.partner.fields_get'] ?? 0).toBeLessThanOrEqual(1);
	});

	it('reads binary fields only when asked for by name', async () => {
		const harness = cloudOffixHarness(sandbox());
		const result = await harness.run(afterItems([{}], getMany({ limit: 2, options: { fields: ['name', 'image'] } })));
		expect(typeof result.json('cloudOffix')[0].image).toBe('string');
	});
});
