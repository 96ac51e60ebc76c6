import type { JsonRpcClient } from './helpers/json-client';
import { loggedIn, useSandbox } from './helpers/sandbox';

const sandbox = useSandbox();
let admin: JsonRpcClient;
let orderId: number;

beforeEach(async () => {
	admin = await loggedIn(sandbox());
	orderId = (await admin.callKw('sale.order', 'create', [
		{
			partner_id: 12,
			order_line: [
				[0, 0, { product_id: 1, product_uom_qty: 1 }],
				[0, 0, { name: 'Free text line', price_unit: 10, product_uom_qty: 3 }],
			],
		},
	])) as number;
});

const lines = async () => ((await admin.callKw('sale.order', 'read', [[orderId], ['order_line']])) as { order_line: number[] }[])[0].order_line;
const tags = async (partner: number) => ((await admin.callKw('res.partner', 'read', [[partner], ['category_id']])) as { category_id: number[] }[])[0].category_id;
const writeLines = (commands: unknown[]) => admin.callKw('sale.order', 'write', [[orderId], { order_line: commands }]);
const writeTags = (partner: number, commands: unknown) => admin.callKw('res.partner', 'write', [[partner], { category_id: commands }]);

describe('one2many commands (sale.order.order_line)', () => {
	test('[0, 0, vals] creates lines pointing back at the order; missing description and price come from the product', async () => {
		const ids = await lines();
		expect(ids).toHaveLength(2);
		const rows = (await admin.callKw('sale.order.line', 'read', [ids, ['order_id', 'name', 'price_unit', 'price_subtotal']])) as Record<string, unknown>[];
		expect(rows[0]).toMatchObject({ order_id: [orderId, expect.any(String)], name: '[FURN_0096] Customizable Desk', price_unit: 750, price_subtotal: 750 });
		expect(rows[1]).toMatchObject({ name: 'Free text line', price_subtotal: 30 });
		expect(sandbox().stats.creates).toMatchObject({ 'sale.order': 1, 'sale.order.line': 2 });
	});

	test('[1, id, vals] updates a line', async () => {
		const [first] = await lines();
		await writeLines([[1, first, { product_uom_qty: 4 }]]);
		const [order] = (await admin.callKw('sale.order', 'read', [[orderId], ['amount_untaxed']])) as { amount_untaxed: number }[];
		expect(order.amount_untaxed).toBe(3030);
	});

	test('[2, id] deletes a line, [3, id] cuts it (which deletes it too: order_id cascades)', async () => {
		const [first, second] = await lines();
		await writeLines([[2, first]]);
		expect(await lines()).toEqual([second]);
		await writeLines([[3, second]]);
		expect(await lines()).toEqual([]);
		expect(await admin.callKw('sale.order.line', 'search_count', [[['id', 'in', [first, second]]]])).toBe(0);
	});

	test('[4, id] moves a line from another order; [6, 0, ids] replaces; [5] clears', async () => {
		const otherOrder = (await admin.callKw('sale.order', 'create', [{ partner_id: 12, order_line: [[0, 0, { name: 'Other', price_unit: 1 }]] }])) as number;
		const [foreign] = ((await admin.callKw('sale.order', 'read', [[otherOrder], ['order_line']])) as { order_line: number[] }[])[0].order_line;
		const [first] = await lines();
		await writeLines([[4, foreign]]);
		expect(await lines()).toContain(foreign);
		await writeLines([[6, 0, [first]]]);
		expect(await lines()).toEqual([first]);
		await writeLines([[5]]);
		expect(await lines()).toEqual([]);
	});

	test('a failing command rolls the whole call back', async () => {
		const before = await lines();
		const error = await admin.failure('sale.order', 'write', [[orderId], { note: 'changed', order_line: [[0, 0, { name: 'ok', price_unit: 1 }], [1, 999999, { name: 'x' }]] }]);
		expect(error.data.name).toBe('odoo.exceptions.MissingError');
		expect(await lines()).toEqual(before);
		expect(((await admin.callKw('sale.order', 'read', [[orderId], ['note']])) as { note: unknown }[])[0].note).toBe(false);
		expect(sandbox().stats.creates['sale.order.line']).toBe(2);
	});
});

describe('many2many commands (res.partner.category_id)', () => {
	test('[4, id] links, [3, id] unlinks without deleting the tag', async () => {
		await writeTags(1, [[4, 1], [4, 2]]);
		expect(await tags(1)).toEqual([1, 2].sort());
		await writeTags(1, [[3, 1]]);
		expect(await tags(1)).toEqual([2]);
		expect(await admin.callKw('res.partner.category', 'search_count', [[['id', '=', 1]]])).toBe(1);
	});

	test('[0, 0, vals] creates and links a tag; [1, id, vals] renames it', async () => {
		await writeTags(1, [[0, 0, { name: 'New tag' }]]);
		const [created] = await tags(1);
		await writeTags(1, [[1, created, { name: 'Renamed' }]]);
		expect(await admin.callKw('res.partner.category', 'name_get', [[created]])).toEqual([[created, 'Renamed']]);
	});

	test('[6, 0, ids] replaces, [5] clears, [2, id] deletes the tag everywhere', async () => {
		await writeTags(1, [[6, 0, [1, 3]]]);
		expect(await tags(1)).toEqual([1, 3]);
		await writeTags(3, [[6, 0, [3]]]);
		await writeTags(1, [[2, 3]]);
		expect(await tags(1)).toEqual([1]);
		expect(await tags(3)).toEqual([]);
		await writeTags(1, [[5]]);
		expect(await tags(1)).toEqual([]);
	});

	test('tags are read in their model order; the other side lists the partners', async () => {
		await writeTags(1, [[6, 0, [5, 1]]]);
		const names = (await admin.callKw('res.partner.category', 'read', [await tags(1), ['name']])) as { name: string }[];
		expect(names.map((tag) => tag.name)).toEqual([...names.map((tag) => tag.name)].sort());
		const [tag] = (await admin.callKw('res.partner.category', 'read', [[5], ['partner_ids']])) as { partner_ids: number[] }[];
		expect(tag.partner_ids).toContain(1);
	});

	test('linking a missing record breaks the relation table foreign key; a string value is rejected', async () => {
		expect((await admin.failure('res.partner', 'write', [[1], { category_id: [[4, 999999]] }])).data.arguments[0]).toContain('[object with reference: Partner Tags - res.partner.category]');
		const error = await admin.failure('res.partner', 'write', [[1], { category_id: '4,564,0' }]);
		expect(error.data).toMatchObject({ name: 'builtins.ValueError', message: 'Wrong value for res.partner.category_id: 4,564,0' });
	});
});
