import { callKw } from '../../sandbox/cloudoffix/orm/call';
import { Env, Model, Registry, type ModelDef, type Rec } from '../../sandbox/cloudoffix/orm/database';
import { filterRecords } from '../../sandbox/cloudoffix/orm/domain';
import { boolean, char, integer } from '../../sandbox/cloudoffix/orm/fields';
import { sortRecords } from '../../sandbox/cloudoffix/orm/order';
import { searchRecords } from '../../sandbox/cloudoffix/orm/read';
import { seedDatabase } from '../../sandbox/cloudoffix/seed';

/**
 * Searches ordered by id walk the tables' id index (sandbox/cloudoffix/orm/id-scan.ts) instead of filtering and
 * sorting every record: they must return exactly what the full scan returns, and read only what PostgreSQL reads
 * through its primary-key index. The ORM is called in-process, over tables built for the purpose and the seed.
 */

const NOW = '2026-01-01 00:00:00';
const OBSERVER = { onCall: () => undefined, onCommit: () => undefined, onComputedFieldReads: () => undefined };

/** Records the domain's `visited` leaf tested: the records a search read. */
let visits = 0;

const itemModel = (name: string, order: string): ModelDef => ({
	name,
	description: name,
	order,
	access: { group: 'Test' },
	fields: [
		char('name', 'Name'),
		boolean('active', 'Active'),
		integer('size', 'Size'),
		boolean('visited', 'Visited', {
			compute: () => {
				visits++;
				return true;
			},
		}),
	],
});

const item = (id: number, active = true): Rec => ({ id, name: `item ${id}`, active, size: (id * 37) % 11 });

function itemRegistry(): Registry {
	return new Registry([itemModel('test.item', 'id'), itemModel('test.item.desc', 'id desc'), itemModel('test.item.named', 'name')]);
}

const modelOf = (registry: Registry, name: string, context: Record<string, unknown> = {}) => new Model(new Env(registry, 2, NOW, context), registry.get(name));

interface Paging {
	offset: number;
	limit: number;
	order: string | null;
}

/** The search as the sandbox ran it before the id index: filter every record, sort all matches, then slice. */
function fullScan(model: Model, domain: unknown[], { offset, limit, order }: Paging): number[] {
	const sorted = sortRecords(model, filterRecords(model, domain), order);
	return sorted.slice(offset, limit > 0 ? offset + limit : undefined).map((rec) => rec.id);
}

/** The error a call throws. */
function failure(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	throw new Error('expected a failure');
}

const searchIds = (model: Model, domain: unknown[], paging: Paging) => searchRecords(model, domain, paging).map((rec) => rec.id);

const ORDERS = ['id', 'id asc', 'id desc', '  id   DESC ', 'id Asc', '"id" desc', 'id desc, name', 'id,name desc', null, 'name desc', 'name, id desc'];

const PAGES: [offset: number, limit: number][] = [
	[0, 0],
	[0, 1],
	[0, 10],
	[3, 10],
	[7, 0],
	[50, 1000],
	[230, 10],
	[1000, 5],
];

/** Every order and page, with and without active_test: the id index must change nothing. */
function expectSameAsFullScan(registry: Registry, models: readonly string[], domain: unknown[]): void {
	for (const name of models) {
		for (const context of [{}, { active_test: false }]) {
			const model = modelOf(registry, name, context);
			for (const order of ORDERS) {
				for (const [offset, limit] of PAGES) {
					const paging = { offset, limit, order };
					expect({ order, offset, limit, context, ids: searchIds(model, domain, paging) }).toEqual({
						order,
						offset,
						limit,
						context,
						ids: fullScan(model, domain, paging),
					});
				}
			}
		}
	}
}

describe('searches ordered by id return what filtering and sorting the whole table returns', () => {
	const registry = itemRegistry();
	const models = ['test.item', 'test.item.desc', 'test.item.named'];

	beforeAll(() => {
		// Ids inserted out of order (as seeds fixing ids do), every 7th deleted, every 5th archived.
		for (const name of models) {
			const table = registry.get(name);
			for (let index = 0; index < 300; index++) {
				const id = ((index * 113) % 300) + 1;
				table.insert(item(id, id % 5 !== 0));
			}
			for (let id = 7; id <= 300; id += 7) table.remove(id);
		}
	});

	test.each<[string, unknown[]]>([
		['no domain', []],
		['id >', [['id', '>', 100]]],
		['id >= a deleted id', [['id', '>=', 98]]],
		['id < between ids', [['id', '<', 50.5]]],
		['id <= an archived id', [['id', '<=', 40]]],
		['bounds beyond both ends', [['id', '>', -3], ['id', '<', 1000]]],
		['bounds past the last id', [['id', '>=', 301]]],
		['bounds before the first id', [['id', '<', 1]]],
		['bounds that cross', [['id', '>', 120], ['id', '<', 80]]],
		['several bounds on one side', [['id', '>', 20], ['id', '>=', 60], ['id', '<', 250], ['id', '<=', 200]]],
		['bounds with other leaves', [['id', '>', 50], ['size', '>', 4], ['id', '<=', 250], ['name', 'ilike', '1']]],
		['explicit &', ['&', ['id', '>=', 33], '&', ['size', '<', 6], ['id', '<', 133]]],
		['OR of bounds', ['|', ['id', '<', 20], ['id', '>', 280]]],
		['bound ANDed with an OR', [['id', '>', 10], '|', ['id', '<', 30], ['name', '=', 'item 200']]],
		['NOT of a bound', ['!', ['id', '<', 290]]],
		['archived only', [['active', '=', false], ['id', '>', 40]]],
		['bound given as text', [['id', '>', '100']]],
		['id in', [['id', 'in', [5, 6, 7, 250, 299]]]],
		['id != with a bound', [['id', '!=', 12], ['id', '<', 30]]],
	])('items: %s', (_name, domain) => {
		expectSameAsFullScan(registry, models, domain);
	});

	test.each<[unknown[], string]>([
		[[['id', '>', 3]], 'id desc desc'],
		[[['id', '>', 3]], 'id,'],
		[[['id', '>', 3]], 'nope desc'],
		[[['id', '=>', 3]], 'nope'],
	])('the domain %j ordered by %p fails as before', (domain, order) => {
		const model = modelOf(registry, 'test.item');
		const paging = { offset: 0, limit: 5, order };
		expect(failure(() => searchIds(model, domain, paging))).toEqual(failure(() => fullScan(model, domain, paging)));
	});

	test('an empty table', () => {
		expectSameAsFullScan(itemRegistry(), ['test.item'], [['id', '>', 0]]);
	});
});

describe('seeded partners: with fixed ids, gaps and archived records', () => {
	const registry = seedDatabase({ scale: 1, baseUrl: 'http://sandbox.test', now: new Date('2026-01-01T00:00:00Z') });

	beforeAll(() => {
		const partners = registry.get('res.partner');
		const childless = partners.ids.filter((id) => id > 10 && partners.referrers('parent_id', id).size === 0);
		for (const id of childless.filter((_id, index) => index % 9 === 0)) partners.remove(id);
	});

	test.each<[string, unknown[]]>([
		['id >', [['id', '>', 20]]],
		['a company bound', [['id', '<=', 15], ['is_company', '=', true]]],
		['a window and a name', [['id', '>=', 7], ['id', '<', 40], ['name', 'ilike', 'a']]],
		['an OR', ['|', ['id', '<', 5], ['customer', '=', true]]],
		['archived', [['active', '=', false]]],
		['archived too, past a fraction', [['active', 'in', [true, false]], ['parent_id', '!=', false], ['id', '>', 3.5]]],
		['a dotted path', [['country_id.code', '=', 'BE'], ['id', '<', 100]]],
	])('%s', (_name, domain) => {
		expectSameAsFullScan(registry, ['res.partner'], domain);
	});

	test('the id index holds the ids of the seed in ascending order', () => {
		for (const table of registry.tables.values()) {
			expect(table.ids).toEqual([...table.records.keys()].sort((a, b) => a - b));
		}
	});
});

describe('the id index', () => {
	test('follows inserts and deletes, and the rollbacks that undo them', () => {
		const registry = itemRegistry();
		const table = registry.get('test.item');
		for (const id of [5, 1, 9, 3, 7]) table.insert(item(id));
		const inOrder = () => expect(table.ids).toEqual([...table.records.keys()].sort((a, b) => a - b));
		inOrder();
		expect(() =>
			registry.journal.run(() => {
				table.remove(3);
				table.remove(9);
				table.insert(item(4));
				table.insert(item(12));
				const savepoint = registry.journal.savepoint();
				table.remove(5);
				table.insert(item(2));
				savepoint.rollback();
				expect(table.ids).toEqual([1, 4, 5, 7, 12]);
				throw new Error('rolled back');
			}, OBSERVER),
		).toThrow('rolled back');
		expect(table.ids).toEqual([1, 3, 5, 7, 9]);
		inOrder();
		expect(searchIds(modelOf(registry, 'test.item'), [['id', '>', 3]], { offset: 0, limit: 2, order: 'id desc' })).toEqual([9, 7]);
	});

	test('count, search_count, search_read and name_search answer as before', () => {
		const registry = itemRegistry();
		const table = registry.get('test.item');
		for (let id = 1; id <= 60; id++) if (id % 4 !== 0) table.insert(item(id, id % 3 !== 0));
		const env = new Env(registry, 2, NOW);
		const call = (method: string, args: unknown[], kwargs: Record<string, unknown> = {}) => callKw(env, 'test.item', method, args, kwargs, OBSERVER);
		const model = modelOf(registry, 'test.item');
		const domain = [['id', '>', 10], ['size', '<', 8]];
		const all = fullScan(model, domain, { offset: 0, limit: 0, order: null });
		expect(call('search', [domain], { count: true, limit: 3 })).toBe(all.length);
		expect(call('search_count', [domain])).toBe(all.length);
		expect(call('search', [domain, 2, 5])).toEqual(all.slice(2, 7));
		expect((call('search_read', [domain, ['name']], { offset: 4, limit: 3 }) as { id: number }[]).map((row) => row.id)).toEqual(all.slice(4, 7));
		const named = fullScan(model, [['name', 'ilike', 'item 1']], { offset: 0, limit: 4, order: null });
		expect(call('name_search', ['item 1'], { limit: 4 })).toEqual(named.map((id) => [id, `item ${id}`]));
	});
});

describe('searches read what a database with an index on id would read', () => {
	const SIZE = 20_000;
	const registry = itemRegistry();
	const model = modelOf(registry, 'test.item');
	const named = modelOf(registry, 'test.item.named');

	beforeAll(() => {
		for (let id = 1; id <= SIZE; id++) {
			registry.get('test.item').insert(item(id));
			registry.get('test.item.named').insert(item(id));
		}
	});

	beforeEach(() => {
		visits = 0;
	});

	/** The ids a search returns and how many records it read (each one tests the `visited` leaf once). */
	function measured(target: Model, domain: unknown[], paging: Partial<Paging>) {
		visits = 0;
		const ids = searchRecords(target, [['visited', '=', true], ...domain], paging).map((rec) => rec.id);
		return { ids, visits };
	}

	test('keyset pages read one page of records each, not the whole table', () => {
		let last = 0;
		let pages = 0;
		for (;;) {
			const page = measured(model, [['id', '>', last]], { order: 'id', limit: 500 });
			expect(page.visits).toBe(page.ids.length);
			if (page.ids.length === 0) break;
			expect(page.ids[0]).toBe(last + 1);
			last = page.ids[page.ids.length - 1];
			pages++;
		}
		expect(pages).toBe(SIZE / 500);
		expect(last).toBe(SIZE);
	});

	test('a descending page below a bound starts at the bound', () => {
		const page = measured(model, [['id', '<', 10_001]], { order: 'id desc', limit: 100 });
		expect(page.ids[0]).toBe(10_000);
		expect(page.ids).toHaveLength(100);
		expect(page.visits).toBe(100);
	});

	test('an offset page reads offset + limit records', () => {
		const page = measured(model, [], { order: 'id', offset: 5000, limit: 500 });
		expect(page.ids[0]).toBe(5001);
		expect(page.visits).toBe(5500);
	});

	test('an OR domain reads from the first id, and another order reads every record', () => {
		const bounded = measured(model, [['id', '>', SIZE - 5]], { order: 'id', limit: 5 });
		const alternative = measured(model, ['|', ['id', '>', SIZE - 5], ['id', '<', 0]], { order: 'id', limit: 5 });
		expect(alternative.ids).toEqual(bounded.ids);
		expect(bounded.visits).toBe(5);
		expect(alternative.visits).toBe(SIZE);
		expect(measured(named, [['id', '>', SIZE - 5]], { limit: 5 }).visits).toBe(SIZE);
	});
});
