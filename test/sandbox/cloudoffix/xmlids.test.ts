import { loggedInEachTest, useSandbox } from './helpers/sandbox';
import { xmlCall } from './helpers/xml-client';

/** ir.model.data, the external ids: the seed's under Odoo's names, and the lookups Odoo 11 exposes. */
const sandbox = useSandbox({ computedFieldCostMs: 0 });
const users = loggedInEachTest(sandbox);

type Row = Record<string, unknown>;

const resId = (xmlid: string, client = users.admin) => client.callKw('ir.model.data', 'xmlid_to_res_id', [xmlid]);

describe('the seed’s external ids', () => {
	test('base, product, crm and sale records carry the ids of Odoo’s data', async () => {
		const rows = (await users.admin.callKw('ir.model.data', 'search_read', [[['module', '=', 'base'], ['name', 'in', ['main_company', 'main_partner', 'user_admin', 'user_demo', 'be', 'uk', 'EUR', 'res_partner_2']]]], {
			fields: ['complete_name', 'model', 'res_id', 'display_name', 'module', 'name'],
		})) as Row[];
		const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
		expect(byName.main_company).toMatchObject({ complete_name: 'base.main_company', model: 'res.company', res_id: 1, display_name: 'YourCompany' });
		expect(byName.main_partner).toMatchObject({ model: 'res.partner', res_id: 1 });
		expect(byName.user_admin).toMatchObject({ model: 'res.users', res_id: 2, display_name: 'Administrator' });
		expect(byName.user_demo).toMatchObject({ model: 'res.users', res_id: 6, display_name: 'Marc Demo' });
		expect(byName.be).toMatchObject({ model: 'res.country', display_name: 'Belgium' });
		expect(byName.uk).toMatchObject({ model: 'res.country', display_name: 'United Kingdom' });
		expect(byName.EUR).toMatchObject({ model: 'res.currency', res_id: 1, display_name: 'EUR' });
		expect(byName.res_partner_2).toMatchObject({ model: 'res.partner', res_id: 12, display_name: 'Agrolait' });
		expect(await resId('base.partner_root')).toBe(2);
		expect(await resId('base.partner_admin')).toBe(3);
		expect(await resId('crm.stage_lead4')).toBe(4);
		expect(await resId('crm.categ_oppor1')).toBe(1);
		expect(await resId('sale.sale_order_1')).toBe(1);
		expect(await resId('sale.action_report_saleorder')).toEqual(expect.any(Number));
		const [model] = (await users.admin.callKw('ir.model', 'search', [[['model', '=', 'res.partner']]])) as number[];
		expect(await resId('base.model_res_partner')).toBe(model);
		const product = (await users.admin.callKw('product.product', 'read', [[await resId('product.product_product_4')], ['default_code']])) as Row[];
		expect(product[0].default_code).toBe('FURN_0096');
	});

	test('get_metadata gives a record’s external id and noupdate flag', async () => {
		expect(await users.admin.callKw('res.country', 'get_metadata', [[await resId('base.be')]])).toEqual([expect.objectContaining({ xmlid: 'base.be', noupdate: false })]);
		expect(await users.admin.callKw('res.users', 'get_metadata', [[2]])).toEqual([expect.objectContaining({ xmlid: 'base.user_admin', noupdate: true })]);
		const id = (await users.admin.callKw('res.partner', 'create', [{ name: 'No Id' }])) as number;
		expect(await users.admin.callKw('res.partner', 'get_metadata', [[id]])).toEqual([expect.objectContaining({ xmlid: false, noupdate: false })]);
	});
});

describe('lookups', () => {
	test('xmlid_lookup gives (id, model, res_id), or ValueError "External ID not found in the system"', async () => {
		const [dataId, model, res] = (await users.admin.callKw('ir.model.data', 'xmlid_lookup', ['base.main_partner'])) as [number, string, number];
		expect([model, res]).toEqual(['res.partner', 1]);
		expect(await users.admin.callKw('ir.model.data', 'read', [[dataId], ['complete_name']])).toEqual([{ id: dataId, complete_name: 'base.main_partner' }]);
		const missing = await users.admin.failure('ir.model.data', 'xmlid_lookup', ['base.no_such_thing']);
		expect([missing.data.name, missing.data.message]).toEqual(['builtins.ValueError', 'External ID not found in the system: base.no_such_thing']);
		const undotted = await users.admin.failure('ir.model.data', 'xmlid_lookup', ['main_partner']);
		expect([undotted.data.name, undotted.data.message]).toEqual(['builtins.ValueError', 'not enough values to unpack (expected 2, got 1)']);
	});

	test('xmlid_to_res_id and xmlid_to_res_model_res_id answer False unless asked to raise', async () => {
		expect(await resId('base.us')).toEqual(expect.any(Number));
		expect(await resId('base.nowhere')).toBe(false);
		expect(await users.admin.callKw('ir.model.data', 'xmlid_to_res_model_res_id', ['base.nowhere'])).toEqual([false, false]);
		expect(await users.admin.callKw('ir.model.data', 'xmlid_to_res_model_res_id', ['base.main_company'])).toEqual(['res.company', 1]);
		const raised = await users.admin.failure('ir.model.data', 'xmlid_to_res_id', ['base.nowhere'], { raise_if_not_found: true });
		expect(raised.data.message).toBe('External ID not found in the system: base.nowhere');
	});

	test('xmlid_to_object returns a recordset: JSON-RPC sends its str(), XML-RPC cannot marshal it', async () => {
		expect(await users.admin.callKw('ir.model.data', 'xmlid_to_object', ['base.main_partner'])).toBe('res.partner(1,)');
		// None: the answer has no result member at all.
		const none = await users.admin.envelope('/web/dataset/call_kw', { model: 'ir.model.data', method: 'xmlid_to_object', args: ['base.nowhere'], kwargs: {} });
		expect(none).toEqual({ jsonrpc: '2.0', id: expect.any(Number) });
		const outcome = await xmlCall(sandbox().url, '/xmlrpc/2/object', 'execute_kw', [sandbox().db, 2, 'admin', 'ir.model.data', 'xmlid_to_object', ['base.main_partner']]);
		expect(outcome.fault?.faultCode).toBe(1);
		expect(outcome.fault?.faultString).toMatch(/TypeError: cannot marshal <class '_thread\.lock'> objects\n$/);
	});

	test('check_object_reference: (model, res_id) for records the user sees, (model, False) for one a search does not find', async () => {
		expect(await users.demo.callKw('ir.model.data', 'check_object_reference', ['base', 'main_partner'])).toEqual(['res.partner', 1]);
		// OdooBot (base.user_root) is archived: the search finds nothing.
		expect(await users.demo.callKw('ir.model.data', 'check_object_reference', ['base', 'user_root'])).toEqual(['res.users', false]);
		const raised = await users.demo.failure('ir.model.data', 'check_object_reference', ['base', 'user_root', true]);
		expect([raised.data.name, raised.data.arguments[0]]).toEqual(['odoo.exceptions.AccessError', 'Not enough access rights on the external ID: base.user_root']);
		expect((await users.demo.failure('ir.model.data', 'check_object_reference', ['base', 'gone'])).data.message).toBe('External ID not found in the system: base.gone');
	});

	test('check_object_reference on a model the user may not read raises the AccessError of its search', async () => {
		await users.admin.callKw('ir.model.data', 'create', [{ module: 'sandbox_test', name: 'url_parameter', model: 'ir.config_parameter', res_id: 1 }]);
		expect(await users.admin.callKw('ir.model.data', 'check_object_reference', ['sandbox_test', 'url_parameter'])).toEqual(['ir.config_parameter', 1]);
		const error = await users.demo.failure('ir.model.data', 'check_object_reference', ['sandbox_test', 'url_parameter']);
		expect(error.data.name).toBe('odoo.exceptions.AccessError');
		expect(error.data.arguments[0]).toContain('(Document model: ir.config_parameter)');
	});
});

describe('the table itself', () => {
	test('module.name is unique, as the index ir_model_data_module_name_uniq_index makes it', async () => {
		const error = await users.admin.failure('ir.model.data', 'create', [{ module: 'base', name: 'main_company', model: 'res.company', res_id: 1 }]);
		expect(error.data.name).toBe('odoo.exceptions.ValidationError');
		expect(error.data.arguments[0]).toBe('duplicate key value violates unique constraint "ir_model_data_module_name_uniq_index"\nDETAIL:  Key (module, name)=(base, main_company) already exists.\n');
	});

	test('a record created with an external id, then unlinked, takes its external id with it', async () => {
		const partner = (await users.admin.callKw('res.partner', 'create', [{ name: 'Temporary' }])) as number;
		const data = (await users.admin.callKw('ir.model.data', 'create', [{ module: '', name: 'temporary_partner', model: 'res.partner', res_id: partner }])) as number;
		expect(await users.admin.callKw('ir.model.data', 'read', [[data], ['complete_name', 'display_name', 'reference']])).toEqual([
			{ id: data, complete_name: 'temporary_partner', display_name: 'Temporary', reference: `res.partner,${partner}` },
		]);
		expect(await resId('.temporary_partner')).toBe(partner);
		await users.admin.callKw('res.partner', 'unlink', [[partner]]);
		expect(await users.admin.callKw('ir.model.data', 'search', [[['id', '=', data]]])).toEqual([]);
	});

	test('fields_get_keys lists the model’s fields', async () => {
		const keys = (await users.admin.callKw('ir.model.data', 'fields_get_keys', [])) as string[];
		expect(keys).toEqual(expect.arrayContaining(['id', 'name', 'complete_name', 'model', 'module', 'res_id', 'noupdate', 'display_name', '__last_update']));
		const described = (await users.admin.callKw('res.partner', 'fields_get', [], { attributes: ['type'] })) as Row;
		expect((await users.admin.callKw('res.partner', 'fields_get_keys', [])) as string[]).toEqual(Object.keys(described));
	});
});
