import type { JsonRpcClient } from './helpers/json-client';
import { loggedIn, useSandbox } from './helpers/sandbox';

const sandbox = useSandbox();
let admin: JsonRpcClient;
let demo: JsonRpcClient;

beforeEach(async () => {
	admin = await loggedIn(sandbox());
	demo = await loggedIn(sandbox(), 'demo');
});

describe('names', () => {
	test('name_search looks at names, emails and references; display names include the company', async () => {
		expect(await admin.callKw('res.partner', 'name_search', [], { name: 'Agrolait', limit: 2 })).toEqual([
			[12, 'Agrolait'],
			[13, 'Agrolait, Edward Foster'],
		]);
		expect(await admin.callKw('res.partner', 'name_search', ['info@agrolait'])).toEqual([[12, 'Agrolait']]);
		expect(await admin.callKw('res.partner', 'name_search', ['Agrolait', [['is_company', '=', false]], 'ilike', 5])).toEqual([[13, 'Agrolait, Edward Foster']]);
	});

	test('products show their reference and are found by it', async () => {
		expect(await admin.callKw('product.product', 'name_search', ['FURN_7800'])).toEqual([[8, '[FURN_7800] Desk Combination']]);
	});

	test('name_get, name_create, and name_get of a missing record', async () => {
		expect(await admin.callKw('res.partner', 'name_get', [[1, 3]])).toEqual([
			[1, 'YourCompany'],
			[3, 'Administrator'],
		]);
		const [id, name] = (await admin.callKw('res.partner.category', 'name_create', ['Quick tag'])) as [number, string];
		expect(name).toBe('Quick tag');
		expect(await admin.callKw('res.partner.category', 'search_count', [[['id', '=', id]]])).toBe(1);
		expect((await admin.failure('res.partner', 'name_get', [[999999]])).data.name).toBe('odoo.exceptions.MissingError');
	});
});

describe('other BaseModel methods', () => {
	test('default_get gives the defaults asked for, context defaults included', async () => {
		expect(await admin.callKw('crm.lead', 'default_get', [['type', 'priority', 'name', 'user_id']], { context: { default_priority: '3' } })).toEqual({ type: 'lead', priority: '3', user_id: 2 });
	});

	test('copy duplicates one record with its copyable lines, renumbering the order', async () => {
		const copyId = (await admin.callKw('sale.order', 'copy', [[2]])) as number;
		const [original, copy] = (await admin.callKw('sale.order', 'read', [[2, copyId], ['name', 'partner_id', 'order_line', 'state', 'amount_total']])) as Record<string, unknown>[];
		expect(copy).toMatchObject({ partner_id: original.partner_id, state: 'draft', amount_total: original.amount_total });
		expect(copy.name).not.toBe(original.name);
		expect((copy.order_line as number[]).length).toBe((original.order_line as number[]).length);
		expect((await admin.callKw('res.partner', 'read', [[(await admin.callKw('res.partner', 'copy', [[12]])) as number], ['name']])) as unknown[]).toEqual([{ id: expect.any(Number), name: 'Agrolait (copy)' }]);
		expect((await admin.failure('res.partner', 'copy', [[1, 3]])).data.message).toBe('Expected singleton: res.partner(1, 3)');
	});

	test('exists, get_metadata, check_access_rights', async () => {
		expect(await admin.callKw('res.partner', 'exists', [[1, 999999]])).toEqual([1]);
		expect(await admin.callKw('res.partner', 'get_metadata', [[1]])).toEqual([{ id: 1, create_uid: false, create_date: false, write_uid: false, write_date: false, xmlid: 'base.main_partner', noupdate: true }]);
		expect(await demo.callKw('res.partner', 'check_access_rights', ['write'], { raise_exception: false })).toBe(false);
		expect(await admin.callKw('res.partner', 'check_access_rights', ['unlink'])).toBe(true);
		expect((await demo.failure('res.partner', 'check_access_rights', ['write'])).data.name).toBe('odoo.exceptions.AccessError');
	});

	test('a method returning None (toggle_active) answers without a result key', async () => {
		const envelope = await admin.envelope('/web/dataset/call_kw', { model: 'res.partner', method: 'toggle_active', args: [[12]], kwargs: {} });
		expect(envelope).toEqual({ jsonrpc: '2.0', id: expect.any(Number) });
		expect(await admin.callKw('res.partner', 'read', [[12], ['active']])).toEqual([{ id: 12, active: false }]);
	});

	test('model-specific buttons: confirming and cancelling orders, winning and losing leads', async () => {
		expect(await admin.callKw('sale.order', 'action_confirm', [[1]])).toBe(true);
		expect(await admin.callKw('sale.order', 'read', [[1], ['state']])).toEqual([{ id: 1, state: 'sale' }]);
		expect(await admin.callKw('sale.order', 'action_cancel', [[1]])).toBe(true);
		expect(await admin.callKw('crm.lead', 'action_set_won', [[10]])).toBe(true);
		expect(await admin.callKw('crm.lead', 'read', [[10], ['probability', 'stage_id']])).toEqual([{ id: 10, probability: 100, stage_id: [4, 'Won'] }]);
		expect(await admin.callKw('crm.lead', 'action_set_lost', [[10]])).toBe(true);
		expect(await admin.callKw('crm.lead', 'search_count', [[['id', '=', 10]]])).toBe(0);
	});

	test('fields_get: all attributes by default, filtered on request', async () => {
		const fields = (await admin.callKw('sale.order', 'fields_get', [])) as Record<string, Record<string, unknown>>;
		expect(fields.state).toMatchObject({ type: 'selection', string: 'Status', selection: [['draft', 'Quotation'], ['sent', 'Quotation Sent'], ['sale', 'Sales Order'], ['done', 'Locked'], ['cancel', 'Cancelled']] });
		// Odoo 11 keeps a one2many's store attribute at its default, true, though no column holds it.
		expect(fields.order_line).toMatchObject({ type: 'one2many', relation: 'sale.order.line', relation_field: 'order_id', store: true });
		expect(fields.amount_total).toMatchObject({ type: 'monetary', currency_field: 'currency_id', readonly: true, store: true });
		expect(Object.keys(fields.partner_id)[0]).toBe('type');
		expect(await admin.callKw('sale.order', 'fields_get', [['name']], { attributes: ['required'] })).toEqual({ name: { required: true } });
	});

	test('fields_get for a read-only user marks every field readonly', async () => {
		const fields = (await demo.callKw('res.partner', 'fields_get', [['name', 'email']], { attributes: ['readonly'] })) as Record<string, { readonly: boolean }>;
		expect(fields).toEqual({ name: { readonly: true }, email: { readonly: true } });
	});
});

describe('ir.model and ir.model.fields reflect the registry', () => {
	test('every model is listed, with its fields', async () => {
		const models = (await admin.callKw('ir.model', 'search_read', [[]], { fields: ['model', 'name'] })) as { id: number; model: string; name: string }[];
		expect(models.map((model) => model.model)).toEqual(expect.arrayContaining(['res.partner', 'res.users', 'res.company', 'res.country', 'crm.lead', 'product.product', 'sale.order', 'sale.order.line', 'ir.model', 'ir.model.fields']));
		const partner = models.find((model) => model.model === 'res.partner');
		expect(partner?.name).toBe('Contact');
		const fields = (await admin.callKw('ir.model.fields', 'search_read', [[['model', '=', 'res.partner']]], { fields: ['name', 'ttype', 'relation'] })) as { name: string }[];
		const described = (await admin.callKw('res.partner', 'fields_get', [], { attributes: ['type'] })) as Record<string, unknown>;
		expect(fields.map((field) => field.name).sort()).toEqual(Object.keys(described).sort());
		expect(fields).toContainEqual({ id: expect.any(Number), name: 'country_id', ttype: 'many2one', relation: 'res.country' });
	});

	test('the models of modules cannot be removed, and custom models need the x_ prefix', async () => {
		const [partner] = (await admin.callKw('ir.model', 'search', [[['model', '=', 'res.partner']]])) as number[];
		const removal = await admin.failure('ir.model', 'unlink', [[partner]]);
		expect([removal.data.name, removal.data.arguments[0]]).toEqual(['odoo.exceptions.UserError', "Model 'Contact' contains module data and cannot be removed!"]);
		expect((await admin.failure('ir.model', 'create', [{ name: 'X', model: 'test.model' }])).data.arguments[0]).toBe("The model name must start with 'x_'.");
	});
});

describe('calling methods', () => {
	test('private methods, init, unknown methods and unknown models', async () => {
		expect((await admin.failure('res.partner', '_search', [[]])).data.arguments).toEqual(['Private methods (such as _search) cannot be called remotely.', null]);
		expect((await admin.failure('res.partner', 'init', [])).data.name).toBe('odoo.exceptions.AccessError');
		expect((await admin.failure('res.partner', 'no_such_method', [[]])).data.message).toBe("type object 'res.partner' has no attribute 'no_such_method'");
		expect((await admin.failure('no.such.model', 'search', [[]])).data).toMatchObject({ name: 'builtins.KeyError', message: 'no.such.model' });
	});

	test('arguments are bound like Python', async () => {
		expect((await admin.failure('res.partner', 'search', [[]], { limits: 1 })).data.message).toBe("BaseModel.search() got an unexpected keyword argument 'limits'");
		expect((await admin.failure('res.partner', 'search', [[], 0, 1], { offset: 1 })).data.message).toBe("BaseModel.search() got multiple values for argument 'offset'");
		expect((await admin.failure('res.partner', 'create', [])).data.message).toBe("BaseModel.create() missing 1 required positional argument: 'vals'");
		expect((await admin.failure('res.partner', 'search_count', [[], 1])).data.message).toBe('BaseModel.search_count() takes 2 positional arguments but 3 were given');
		expect((await admin.failure('res.partner', 'read', [])).data).toMatchObject({ name: 'builtins.IndexError', message: 'list index out of range' });
	});

	test('call_kw/<anything> is the same route; positional and keyword arguments mix', async () => {
		expect(await admin.call('/web/dataset/call_kw/res.partner/search', { model: 'res.partner', method: 'search', args: [[['id', '=', 1]], 0, 1], kwargs: { order: 'id' } })).toEqual([1]);
		expect(sandbox().stats.requests['/web/dataset/call_kw']).toBeGreaterThanOrEqual(1);
	});
});

describe('read-only user (demo)', () => {
	test('reads, but cannot create, write or delete', async () => {
		expect(await demo.callKw('res.partner', 'search_count', [[]])).toBeGreaterThan(0);
		for (const [method, args, operation, head] of [
			['create', [{ name: 'x' }], 'create', 'Sorry, you are not allowed to create this kind of document.'],
			['write', [[1], { name: 'x' }], 'write', 'Sorry, you are not allowed to modify this document.'],
			['unlink', [[1]], 'unlink', 'Sorry, you are not allowed to delete this document.'],
		] as const) {
			const error = await demo.failure('res.partner', method, [...args]);
			expect(error.data.exception_type).toBe('access_error');
			expect(error.data.arguments).toEqual([`${head} Only users with the following access level are currently allowed to do that:\n- Extra Rights/Contact Creation\n\n(Document model: res.partner) - (Operation: ${operation}, User: 6)`, null]);
		}
	});

	test('cannot even read system parameters; the administrator can', async () => {
		expect((await demo.failure('ir.config_parameter', 'search_read', [[]])).data.arguments[0]).toContain('(Document model: ir.config_parameter) - (Operation: read, User: 6)');
		const parameters = (await admin.callKw('ir.config_parameter', 'search_read', [[['key', '=', 'web.base.url']]], { fields: ['value'] })) as { value: string }[];
		expect(parameters[0].value).toBe(sandbox().url);
	});

	test('buttons that write are refused too', async () => {
		expect((await demo.failure('sale.order', 'action_confirm', [[1]])).data.name).toBe('odoo.exceptions.AccessError');
	});
});
