import { startCloudOffixSandbox, type CloudOffixSandbox } from '../../../sandbox/cloudoffix';
import { loggedIn } from './helpers/sandbox';

/** Benchmarks run the sandbox at scale 10-20: thousands of partners must stay quick to search and read. */
describe('at scale 20', () => {
	let sandbox: CloudOffixSandbox;

	beforeAll(async () => {
		sandbox = await startCloudOffixSandbox({ scale: 20 });
	});
	afterAll(() => sandbox.close());

	async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
		const started = performance.now();
		const result = await work();
		return [result, performance.now() - started];
	}

	test('thousands of partners; a domain search_read stays in milliseconds; reading every field of every partner (28 MB of JSON) in seconds', async () => {
		const admin = await loggedIn(sandbox);
		const total = (await admin.callKw('res.partner', 'search_count', [[]])) as number;
		expect(total).toBeGreaterThan(2000);
		const [rows, allFields] = await timed(() => admin.callKw('res.partner', 'search_read', [[]]) as Promise<Record<string, unknown>[]>);
		expect(rows).toHaveLength(total);
		expect(String(rows[0].image).length).toBeGreaterThan(1000);
		expect(allFields).toBeLessThan(4000);
		const [filtered, withDomain] = await timed(
			() =>
				admin.callKw('res.partner', 'search_read', [['|', ['email', 'ilike', 'info@'], '&', ['parent_id.country_id.code', '=', 'TR'], ['customer', '=', true]]], {
					fields: ['name', 'email', 'parent_id', 'country_id', 'write_date'],
					order: 'write_date desc, id',
				}) as Promise<unknown[]>,
		);
		expect(filtered.length).toBeGreaterThan(100);
		expect(withDomain).toBeLessThan(300);
	});

	test('paging through partners by id is quick page after page', async () => {
		const admin = await loggedIn(sandbox);
		const [, elapsed] = await timed(async () => {
			for (let offset = 0; offset < 2000; offset += 200) {
				const page = (await admin.callKw('res.partner', 'search_read', [[]], { fields: ['name', 'email'], offset, limit: 200, order: 'id' })) as unknown[];
				expect(page).toHaveLength(200);
			}
		});
		expect(elapsed).toBeLessThan(1000);
	});
});
