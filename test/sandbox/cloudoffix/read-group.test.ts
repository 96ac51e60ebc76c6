import type { JsonRpcClient } from './helpers/json-client';
import { loggedIn, useSandbox } from './helpers/sandbox';

const sandbox = useSandbox();
let admin: JsonRpcClient;

beforeEach(async () => {
	admin = await loggedIn(sandbox());
});

type Group = Record<string, unknown> & { __domain: unknown[] };

const readGroup = async (args: unknown[], kwargs: Record<string, unknown> = {}) => (await admin.callKw('sale.order', 'read_group', args, { lazy: true, ...kwargs })) as Group[];
const count = (domain: unknown[]) => admin.callKw('sale.order', 'search_count', [domain]) as Promise<number>;

describe('read_group', () => {
	test('groups by a selection: <field>_count, sums, and a __domain that finds the group again', async () => {
		const groups = await readGroup([[], ['amount_total', 'state'], ['state']]);
		expect(groups.map((group) => group.state)).toEqual([...groups.map((group) => group.state as string)].sort());
		for (const group of groups) {
			expect(Object.keys(group)).toEqual(['state_count', 'amount_total', 'state', '__domain']);
			expect(group.__domain).toEqual([['state', '=', group.state]]);
			expect(await count(group.__domain)).toBe(group.state_count);
			const orders = (await admin.callKw('sale.order', 'search_read', [group.__domain], { fields: ['amount_total'] })) as { amount_total: number }[];
			expect(group.amount_total).toBeCloseTo(orders.reduce((sum, order) => sum + order.amount_total, 0), 2);
		}
	});

	test('the groupby field must be among the fields (capture 57)', async () => {
		const error = await admin.failure('sale.order', 'read_group', [[], ['amount_total'], ['state']]);
		expect(error.data).toMatchObject({ name: 'builtins.AssertionError', message: "Fields in 'groupby' must appear in the list of fields to read (perhaps it's missing in the list view?)" });
	});

	test('an unknown groupby field is a KeyError; a many2many one an AssertionError', async () => {
		expect((await admin.failure('sale.order', 'read_group', [[], ['nope'], ['nope']])).data).toMatchObject({ name: 'builtins.KeyError', message: 'nope' });
		expect((await admin.failure('res.partner', 'read_group', [[], ['category_id'], ['category_id']])).data.name).toBe('builtins.AssertionError');
	});

	test('groups by a many2one as [id, name], in the comodel order, ANDed with the domain', async () => {
		const domain = [['state', '!=', 'cancel']];
		const groups = await readGroup([domain, ['partner_id', 'amount_total'], ['partner_id']]);
		for (const group of groups) {
			const [partnerId, partnerName] = group.partner_id as [number, string];
			expect(group.__domain).toEqual(['&', ['partner_id', '=', partnerId], ['state', '!=', 'cancel']]);
			expect(await count(group.__domain)).toBe(group.partner_id_count);
			expect(typeof partnerName).toBe('string');
		}
		const names = groups.map((group) => (group.partner_id as [number, string])[1]);
		expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
	});

	test.each([
		['day', /^\d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/],
		['week', /^W\d{1,2} \d{4}$/],
		['month', /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/],
		['quarter', /^Q[1-4] \d{4}$/],
		['year', /^\d{4}$/],
	])('groups datetimes by %s with Odoo 11 labels and ranges in time order', async (granularity, label) => {
		const groupby = `date_order:${granularity}`;
		const groups = await readGroup([[], ['date_order', 'amount_total'], [groupby]]);
		let total = 0;
		let previousStart = '';
		for (const group of groups) {
			expect(group[groupby]).toMatch(label);
			const [, [, , start], [, , end]] = group.__domain as [string, [string, string, string], [string, string, string]];
			expect(start > previousStart && end > start).toBe(true);
			previousStart = start;
			expect(await count(group.__domain)).toBe(group.date_order_count);
			total += group.date_order_count as number;
		}
		expect(total).toBe(await count([]));
	});

	test('labels and ranges for a known date', async () => {
		await admin.callKw('sale.order', 'write', [[1], { date_order: '2026-11-18 10:00:00' }]);
		const domain = [['id', '=', 1]];
		const month = await readGroup([domain, ['date_order'], ['date_order:month']]);
		expect(month[0]['date_order:month']).toBe('November 2026');
		expect(month[0].__domain).toEqual(['&', '&', ['date_order', '>=', '2026-11-01 00:00:00'], ['date_order', '<', '2026-12-01 00:00:00'], ['id', '=', 1]]);
		expect((await readGroup([domain, ['date_order'], ['date_order:week']]))[0]['date_order:week']).toBe('W47 2026');
		expect((await readGroup([domain, ['date_order'], ['date_order:day']]))[0]['date_order:day']).toBe('18 Nov 2026');
		expect((await readGroup([domain, ['date_order'], ['date_order:quarter']]))[0]['date_order:quarter']).toBe('Q4 2026');
	});

	test("datetimes are bucketed in the context's time zone, ranges given back in UTC", async () => {
		await admin.callKw('sale.order', 'write', [[1], { date_order: '2026-11-30 22:30:00' }]);
		const [group] = await readGroup([[['id', '=', 1]], ['date_order'], ['date_order:month']], { context: { tz: 'Europe/Istanbul' } });
		expect(group['date_order:month']).toBe('December 2026');
		expect(group.__domain).toEqual(['&', '&', ['date_order', '>=', '2026-11-30 21:00:00'], ['date_order', '<', '2026-12-31 21:00:00'], ['id', '=', 1]]);
	});

	test('not lazy: several groupbys at once and __count; lazy: only the first, the rest in __context', async () => {
		const eager = await readGroup([[], ['state', 'partner_id', 'amount_total'], ['state', 'partner_id']], { lazy: false });
		expect(eager.every((group) => typeof group.__count === 'number' && 'partner_id' in group && !('__context' in group))).toBe(true);
		const lazy = await readGroup([[], ['state', 'partner_id'], ['state', 'partner_id']]);
		expect(lazy[0].__context).toEqual({ group_by: ['partner_id'] });
		expect(lazy[0]).not.toHaveProperty('partner_id');
	});

	test('orderby an aggregate, offset and limit', async () => {
		const all = await readGroup([[], ['state', 'amount_total'], ['state']], { orderby: 'amount_total desc' });
		const totals = all.map((group) => group.amount_total as number);
		expect(totals).toEqual([...totals].sort((a, b) => b - a));
		expect(await readGroup([[], ['state', 'amount_total'], ['state']], { orderby: 'amount_total desc', offset: 1, limit: 2 })).toEqual(all.slice(1, 3));
	});

	test('no groupby: one row with __count and the sums', async () => {
		const [row] = await readGroup([[], ['amount_total'], []]);
		expect(row.__count).toBe(await count([]));
		expect(typeof row.amount_total).toBe('number');
	});
});
