import type { JsonRpcClient } from './helpers/json-client';
import { loggedIn, useSandbox } from './helpers/sandbox';

const sandbox = useSandbox();
let admin: JsonRpcClient;

beforeEach(async () => {
	admin = await loggedIn(sandbox());
});

type Row = Record<string, unknown>;

const read = async (model: string, ids: number[], fields: string[]) => (await admin.callKw(model, 'read', [ids, fields])) as Row[];

describe('create / read / write / unlink', () => {
	test('create returns the new id and sets the log-access fields; read returns what was written', async () => {
		const id = (await admin.callKw('res.partner', 'create', [{ name: 'Probe', email: 'probe@example.com', country_id: 1 }])) as number;
		expect(Number.isInteger(id)).toBe(true);
		const [row] = await read('res.partner', [id], ['name', 'email', 'country_id', 'create_uid', 'create_date', 'write_date', '__last_update', 'display_name', 'active']);
		expect(row).toMatchObject({ id, name: 'Probe', email: 'probe@example.com', country_id: [1, expect.any(String)], create_uid: [2, 'Administrator'], active: true });
		expect(row.create_date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		expect(row.write_date).toBe(row.create_date);
		expect(row.__last_update).toBe(row.write_date);
		expect(row.display_name).toBe('Probe');
		expect(sandbox().stats.creates['res.partner']).toBe(1);
	});

	test('read of every field carries the images, many2one pairs, x2many id lists and false for empty values', async () => {
		const [row] = await read('res.partner', [1], []);
		expect(String(row.image)).toMatch(/^iVBORw0KGgo/);
		expect(String(row.image).length).toBeGreaterThan(String(row.image_small).length);
		expect(row.company_id).toEqual([1, 'YourCompany']);
		expect(Array.isArray(row.child_ids)).toBe(true);
		expect(row.parent_id).toBe(false);
		expect(row.comment).toBe(false);
		expect(row.color).toBe(0);
		expect(row.credit_limit).toBe(0);
	});

	test('bin_size in the context reads binaries as sizes', async () => {
		const [row] = (await admin.callKw('res.partner', 'read', [[1], ['image']], { context: { bin_size: true } })) as Row[];
		expect(row.image).toMatch(/^\d+\.\d\d (bytes|Kb)$/);
	});

	test('read skips ids that do not exist and drops unknown field names', async () => {
		const rows = await read('res.partner', [1, 999999], ['name', 'no_such_field']);
		expect(rows).toEqual([{ id: 1, name: 'YourCompany' }]);
	});

	test('load=_classic_write reads many2one as bare ids', async () => {
		const [row] = (await admin.callKw('res.partner', 'read', [[1]], { fields: ['company_id'], load: '_classic_write' })) as Row[];
		expect(row.company_id).toBe(1);
	});

	test('write returns true, updates write_date, and drops unknown fields', async () => {
		const id = (await admin.callKw('res.partner', 'create', [{ name: 'Before' }])) as number;
		expect(await admin.callKw('res.partner', 'write', [[id], { name: 'After', no_such_field: 1 }])).toBe(true);
		expect((await read('res.partner', [id], ['name']))[0].name).toBe('After');
	});

	test('write accepts a bare id as well as a list', async () => {
		const id = (await admin.callKw('res.partner', 'create', [{ name: 'Bare' }])) as number;
		expect(await admin.callKw('res.partner', 'write', [id, { phone: '123' }])).toBe(true);
		expect((await read('res.partner', [id], ['phone']))[0].phone).toBe('123');
	});

	test('write to a missing id is a MissingError naming all ids, and changes nothing (one transaction)', async () => {
		const error = await admin.failure('res.partner', 'write', [[1, 999999], { name: 'x' }]);
		expect(error.data).toMatchObject({ name: 'odoo.exceptions.MissingError', exception_type: 'missing_error' });
		expect(error.data.arguments).toEqual(['One of the records you are trying to modify has already been deleted (Document type: Contact).\n\n(Records: (1, 999999), User: 2)', null]);
		expect(error.data.message.endsWith('\nNone')).toBe(true);
		expect((await read('res.partner', [1], ['name']))[0].name).toBe('YourCompany');
	});

	test('unlink returns true, also for ids already gone', async () => {
		const id = (await admin.callKw('res.partner', 'create', [{ name: 'Doomed' }])) as number;
		expect(await admin.callKw('res.partner', 'unlink', [[id, 999999]])).toBe(true);
		expect(await read('res.partner', [id], ['name'])).toEqual([]);
		expect(await admin.callKw('res.partner', 'unlink', [[id]])).toBe(true);
	});

	test('unlink follows ondelete: restrict refuses, cascade removes order lines', async () => {
		const [order] = (await admin.callKw('sale.order', 'search_read', [[['state', '=', 'draft']]], { fields: ['partner_id', 'order_line'], limit: 1 })) as Row[];
		const refused = await admin.failure('res.partner', 'unlink', [[(order.partner_id as [number, string])[0]]]);
		expect(refused.data.name).toBe('odoo.exceptions.ValidationError');
		expect(refused.data.arguments[0]).toContain('[object with reference: Quotation - sale.order]');
		expect(await admin.callKw('sale.order', 'unlink', [[order.id]])).toBe(true);
		expect(await admin.callKw('sale.order.line', 'search_count', [[['id', 'in', order.order_line]]])).toBe(0);
	});

	test('confirmed orders cannot be deleted (UserError)', async () => {
		const [id] = (await admin.callKw('sale.order', 'search', [[['state', '=', 'sale']]], { limit: 1 })) as number[];
		const error = await admin.failure('sale.order', 'unlink', [[id]]);
		expect(error.data).toMatchObject({ name: 'odoo.exceptions.UserError', exception_type: 'user_error' });
		expect(error.data.message).toBe('You can not delete a sent quotation or a sales order! Try to cancel it before.\n');
	});
});

describe('values as Odoo 11 checks them', () => {
	test('create takes ONE dict: a list of dicts fails as in Odoo 11', async () => {
		const error = await admin.failure('res.partner', 'create', [[{ name: 'A' }, { name: 'B' }]]);
		expect(error.data).toMatchObject({ name: 'builtins.AttributeError', message: "'list' object has no attribute 'get'" });
		expect(sandbox().stats.creates['res.partner']).toBeUndefined();
	});

	test('a missing required field is the IntegrityError turned ValidationError', async () => {
		const error = await admin.failure('crm.lead', 'create', [{ type: 'lead' }]);
		expect(error.data.name).toBe('odoo.exceptions.ValidationError');
		expect(error.data.exception_type).toBe('validation_error');
		expect(error.data.arguments[0]).toBe(
			'The operation cannot be completed, probably due to the following:\n- deletion: you may be trying to delete a record while other records still reference it\n- creation/update: a mandatory field is not correctly set\n\n[object with reference: Lead/Opportunity - crm.lead]',
		);
	});

	test('writing false into a required field fails the same way', async () => {
		const error = await admin.failure('crm.lead', 'write', [[1], { name: false }]);
		expect(error.data.name).toBe('odoo.exceptions.ValidationError');
	});

	test('a contact without a name breaks res_partner_check_name', async () => {
		const error = await admin.failure('res.partner', 'create', [{ email: 'x@example.com' }]);
		expect(error.data.arguments).toEqual(['Contacts require a name.', null]);
	});

	test('a many2one to a missing record breaks the foreign key', async () => {
		const error = await admin.failure('res.partner', 'create', [{ name: 'X', country_id: 999999 }]);
		expect(error.data.arguments[0]).toContain('[object with reference: Country - res.country]');
	});

	test('wrong selection values, dates and numbers fail like Python conversions', async () => {
		const selection = await admin.failure('sale.order', 'write', [[1], { invoice_status: 'bogus' }]);
		expect(selection.data).toMatchObject({ name: 'builtins.ValueError', message: "Wrong value for sale.order.invoice_status: 'bogus'" });
		const datetime = await admin.failure('sale.order', 'write', [[1], { date_order: '2026-11-05T10:00:00Z' }]);
		expect(datetime.data.message).toBe("time data '2026-11-05T10:00:00' does not match format '%Y-%m-%d %H:%M:%S'");
		const integer = await admin.failure('res.partner', 'write', [[1], { color: 'red' }]);
		expect(integer.data.message).toBe("invalid literal for int() with base 10: 'red'");
		const float = await admin.failure('res.partner', 'write', [[1], { credit_limit: 'lots' }]);
		expect(float.data.message).toBe("could not convert string to float: 'lots'");
	});

	test('a bare date for a datetime field is completed with 00:00:00; booleans take Python truthiness', async () => {
		await admin.callKw('sale.order', 'write', [[1], { date_order: '2026-11-05' }]);
		await admin.callKw('res.partner', 'write', [[1], { customer: 0, supplier: 'yes' }]);
		expect((await read('sale.order', [1], ['date_order']))[0].date_order).toBe('2026-11-05 00:00:00');
		expect(await read('res.partner', [1], ['customer', 'supplier'])).toEqual([{ id: 1, customer: false, supplier: true }]);
	});

	test('context default_<field> presets values', async () => {
		const id = await admin.callKw('crm.lead', 'create', [{ name: 'From context' }], { context: { default_type: 'opportunity', default_priority: '2' } });
		expect(await read('crm.lead', [id as number], ['type', 'priority'])).toEqual([{ id, type: 'opportunity', priority: '2' }]);
	});

	test('computed fields follow their sources: order totals from lines, partner display name from its company', async () => {
		const orderId = (await admin.callKw('sale.order', 'create', [{ partner_id: 13, order_line: [[0, 0, { product_id: 1, product_uom_qty: 2, price_unit: 100 }]] }])) as number;
		const [order] = await read('sale.order', [orderId], ['name', 'amount_untaxed', 'amount_tax', 'amount_total', 'state', 'partner_id']);
		expect(order).toMatchObject({ amount_untaxed: 200, amount_tax: 30, amount_total: 230, state: 'draft' });
		expect(order.name).toMatch(/^SO\d{3}$/);
		expect(order.partner_id).toEqual([13, 'Agrolait, Edward Foster']);
	});
});

describe('search', () => {
	test('offset, limit, order and count', async () => {
		const all = (await admin.callKw('res.partner', 'search', [[]], { order: 'id' })) as number[];
		expect(all).toEqual([...all].sort((a, b) => a - b));
		expect(await admin.callKw('res.partner', 'search', [[]], { order: 'id', offset: 2, limit: 3 })).toEqual(all.slice(2, 5));
		expect(await admin.callKw('res.partner', 'search', [[]], { count: true })).toBe(all.length);
		expect(await admin.callKw('res.partner', 'search_count', [[]])).toBe(all.length);
		expect(await admin.callKw('res.partner', 'search', [[]], { order: 'id desc', limit: 1 })).toEqual([all[all.length - 1]]);
	});

	test('order by several fields, text by collation, many2one by the comodel order', async () => {
		const rows = (await admin.callKw('res.partner', 'search_read', [[['is_company', '=', true]]], { fields: ['name', 'country_id'], order: 'country_id, name desc' })) as Row[];
		const countries = rows.map((row) => (row.country_id as [number, string])[1]);
		expect(countries).toEqual([...countries].sort((a, b) => a.localeCompare(b)));
		const belgium = rows.filter((row) => (row.country_id as [number, string])[1] === 'Belgium').map((row) => row.name as string);
		expect(belgium).toEqual([...belgium].sort((a, b) => b.localeCompare(a)));
	});

	test('default order is the model order (res.partner: display_name)', async () => {
		const rows = (await admin.callKw('res.partner', 'search_read', [[]], { fields: ['display_name'] })) as Row[];
		const names = rows.map((row) => row.display_name as string);
		expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
	});

	test('a bad order string is a UserError; an unknown field a ValueError', async () => {
		expect((await admin.failure('res.partner', 'search', [[]], { order: 'name; drop table' })).data.name).toBe('odoo.exceptions.UserError');
		expect((await admin.failure('res.partner', 'search', [[]], { order: 'nope desc' })).data.message).toBe('Sorting field nope not found on model res.partner');
	});

	test('search_read: [] when nothing matches, all when limit is 0, only ids for ["id"]', async () => {
		expect(await admin.callKw('res.partner', 'search_read', [[['name', '=', 'nobody at all']]])).toEqual([]);
		const count = (await admin.callKw('res.partner', 'search_count', [[]])) as number;
		expect(await admin.callKw('res.partner', 'search_read', [[]], { fields: ['id'], limit: 0 })).toHaveLength(count);
		expect(((await admin.callKw('res.partner', 'search_read', [[]], { fields: ['id'], limit: 1 })) as Row[])[0]).toEqual({ id: expect.any(Number) });
	});

	test('/web/dataset/search_read counts all matches only for a full page', async () => {
		const total = (await admin.callKw('res.partner', 'search_count', [[]])) as number;
		const page = (await admin.call('/web/dataset/search_read', { model: 'res.partner', fields: ['name'], domain: [], limit: 5, sort: 'id asc' })) as { length: number; records: Row[] };
		expect(page.length).toBe(total);
		expect(page.records).toHaveLength(5);
		const tail = (await admin.call('/web/dataset/search_read', { model: 'res.partner', fields: ['name'], domain: [], offset: total - 2, limit: 5 })) as { length: number };
		expect(tail.length).toBe(total);
		expect(await admin.call('/web/dataset/search_read', { model: 'res.partner', domain: [['id', '=', 0]] })).toEqual({ length: 0, records: [] });
	});
});
