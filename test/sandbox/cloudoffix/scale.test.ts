import { startCloudOffixSandbox, type CloudOffixSandbox } from '../../../sandbox/cloudoffix';
import { loggedIn } from './helpers/sandbox';

/** Benchmarks run the sandbox at scale 10-20; the scaled seed must hold (their speed is measured in bench/). */
describe('at scale 20', () => {
	let sandbox: CloudOffixSandbox;

	beforeAll(async () => {
		// Without the wait for computed fields (computed-fields.test.ts covers it): here it would only cost seconds.
		sandbox = await startCloudOffixSandbox({ scale: 20, computedFieldCostMs: 0 });
	});
	afterAll(() => sandbox.close());

	test('thousands of partners with images, a dotted-path domain over them, and every field of every partner', async () => {
		const admin = await loggedIn(sandbox);
		const total = (await admin.callKw('res.partner', 'search_count', [[]])) as number;
		expect(total).toBeGreaterThan(2000);
		const rows = (await admin.callKw('res.partner', 'search_read', [[]])) as Record<string, unknown>[];
		expect(rows).toHaveLength(total);
		expect(String(rows[0].image).length).toBeGreaterThan(1000);
		expect(sandbox.stats.computedFieldReads).toBeGreaterThan(total * 20);
		const filtered = (await admin.callKw('res.partner', 'search_read', [['|', ['email', 'ilike', 'info@'], '&', ['parent_id.country_id.code', '=', 'TR'], ['customer', '=', true]]], {
					fields: ['name', 'email', 'parent_id', 'country_id', 'write_date'],
					order: 'write_date desc, id',
				})) as unknown[];
		expect(filtered.length).toBeGreaterThan(100);
	});

	test('paging through partners by id gives full pages without overlap', async () => {
		const admin = await loggedIn(sandbox);
		const seen = new Set<number>();
		for (let offset = 0; offset < 2000; offset += 200) {
			const page = (await admin.callKw('res.partner', 'search_read', [[]], { fields: ['name', 'email'], offset, limit: 200, order: 'id' })) as Array<{ id: number }>;
			expect(page).toHaveLength(200);
			page.forEach((record) => seen.add(record.id));
		}
		expect(seen.size).toBe(2000);
	});
});
