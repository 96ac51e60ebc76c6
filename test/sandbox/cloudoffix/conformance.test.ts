import OdooAwait from 'odoo-await';
import { JsonRpcClient } from './helpers/json-client';
import { loggedIn, useSandbox } from './helpers/sandbox';

/**
 * Conformance: the sandbox driven by clients as they exist. odoo-await (an XML-RPC client nobody on this project
 * wrote) over /xmlrpc/2, and a web-client-like JSON-RPC session over undici: login, CRUD, search_read with
 * domains, x2many commands, errors, session expiry.
 */

const sandbox = useSandbox();

interface Fault {
	faultCode: number;
	faultString: string;
}

function odoo(username = 'admin', password = username): OdooAwait {
	return new OdooAwait({ baseUrl: sandbox().url, db: sandbox().db, username, password });
}

async function connected(username = 'admin'): Promise<OdooAwait> {
	const client = odoo(username);
	await client.connect();
	return client;
}

describe('odoo-await over XML-RPC', () => {
	test('connects as admin (uid 2) and demo (uid 6); a wrong password is refused', async () => {
		expect(await odoo().connect()).toBe(2);
		expect(await odoo('demo').connect()).toBe(6);
		await expect(odoo('admin', 'wrong').connect()).rejects.toMatch(/invalid credentials/);
		expect(sandbox().stats.logins).toBe(2);
	});

	test('searchRead with domains, fields, limit and order; search with an object domain', async () => {
		const client = await connected();
		const companies = (await client.searchRead('res.partner', [['is_company', '=', true], ['country_id.code', '=', 'US']], ['name', 'country_id'], { limit: 3, order: 'name desc' })) as {
			name: string;
			country_id: [number, string];
		}[];
		expect(companies).toHaveLength(3);
		expect(companies.every((company) => company.country_id[1] === 'United States')).toBe(true);
		expect(companies.map((company) => company.name)).toEqual([...companies.map((company) => company.name)].sort().reverse());
		expect(await client.search('res.partner', { name: 'Agrolait' })).toEqual([12]);
		expect(await client.search('res.partner', ['|', ['name', '=', 'Agrolait'], ['name', '=', 'ASUSTeK']])).toEqual(expect.arrayContaining([8, 12]));
	});

	test('CRUD: create (one dict, as Odoo 11 takes it), read, update, delete', async () => {
		const client = await connected();
		const id = (await client.create('res.partner', { name: 'Await Probe', email: 'await@example.com' })) as number;
		expect(await client.read('res.partner', id, ['name', 'email'])).toEqual([{ id, name: 'Await Probe', email: 'await@example.com' }]);
		expect(await client.update('res.partner', id, { phone: '+90 212 000 00 00' })).toBe(true);
		expect(await client.read('res.partner', [id], ['phone'])).toEqual([{ id, phone: '+90 212 000 00 00' }]);
		expect(await client.delete('res.partner', id)).toBe(true);
		expect(await client.search('res.partner', [['id', '=', id]])).toEqual([]);
	});

	test('a list of dicts (the Odoo 12+ batch create) is refused as Odoo 11 does', async () => {
		const client = await connected();
		const batch = [[[{ name: 'First' }, { name: 'Second' }]]];
		const fault = (await client.execute_kw('res.partner', 'create', batch).catch((error: Fault) => error)) as Fault;
		expect(fault.faultCode).toBe(1);
		expect(fault.faultString).toContain("AttributeError: 'list' object has no attribute 'get'");
	});

	test('many2many actions become command tuples', async () => {
		const client = await connected();
		const tags = async () => ((await client.read('res.partner', 1, ['category_id'])) as { category_id: number[] }[])[0].category_id;
		await client.update('res.partner', 1, { category_id: { action: 'add', id: [1, 2] } });
		expect(await tags()).toEqual([1, 2]);
		await client.update('res.partner', 1, { category_id: { action: 'remove', id: 1 } });
		expect(await tags()).toEqual([2]);
		await client.update('res.partner', 1, { category_id: { action: 'replace', id: [3] } });
		expect(await tags()).toEqual([3]);
		await client.update('res.partner', 1, { category_id: { action: 'create', value: { name: 'Made by odoo-await' } } });
		expect(await tags()).toHaveLength(2);
		await client.update('res.partner', 1, { category_id: { action: 'clear' } });
		expect(await tags()).toEqual([]);
	});

	test('one2many lines created and updated through commands', async () => {
		const client = await connected();
		const orderId = (await client.execute_kw('sale.order', 'create', [[{ partner_id: 12, order_line: [[0, 0, { product_id: 2, product_uom_qty: 2 }]] }]])) as number;
		const [order] = (await client.read('sale.order', orderId, ['order_line', 'amount_untaxed'])) as { order_line: number[]; amount_untaxed: number }[];
		expect(order.amount_untaxed).toBe(241);
		await client.update('sale.order', orderId, { order_line: { action: 'update', id: order.order_line[0], value: { product_uom_qty: 1 } } });
		expect(await client.read('sale.order', orderId, ['amount_untaxed'])).toEqual([{ id: orderId, amount_untaxed: 120.5 }]);
		expect(await client.action('sale.order', 'action_confirm', orderId)).toBe(true);
	});

	test('getFields describes the model', async () => {
		const fields = (await (await connected()).getFields('res.partner', ['type', 'relation'])) as Record<string, { type: string; relation?: string }>;
		expect(fields.country_id).toEqual({ type: 'many2one', relation: 'res.country' });
		expect(fields.image.type).toBe('binary');
	});

	test('errors arrive as faults with Odoo 11 codes', async () => {
		const client = await connected();
		const missing = (await client.update('res.partner', 999999, { name: 'x' }).catch((error: Fault) => error)) as Fault;
		expect(missing.faultCode).toBe(2);
		expect(missing.faultString).toContain('One of the records you are trying to modify has already been deleted');
		const unknown = (await client.search('no.such.model').catch((error: Fault) => error)) as Fault;
		expect(unknown).toMatchObject({ faultCode: 2, faultString: "Object no.such.model doesn't exist" });
		const demo = await connected('demo');
		const denied = (await demo.delete('res.partner', 1).catch((error: Fault) => error)) as Fault;
		expect(denied.faultCode).toBe(4);
	});
});

describe('JSON-RPC session over undici', () => {
	test('login, CRUD, domains, x2many commands, errors and session expiry in one session', async () => {
		const client = await loggedIn(sandbox());
		const id = (await client.callKw('res.partner', 'create', [{ name: 'Session Probe', category_id: [[6, 0, [1]]], child_ids: [[0, 0, { name: 'Child' }]] }])) as number;
		const [created] = (await client.callKw('res.partner', 'read', [[id], ['category_id', 'child_ids']])) as { category_id: number[]; child_ids: number[] }[];
		expect(created.category_id).toEqual([1]);
		expect(created.child_ids).toHaveLength(1);
		expect(await client.callKw('res.partner', 'search_read', [['|', ['name', '=', 'Session Probe'], ['parent_id.name', '=', 'Session Probe']]], { fields: ['display_name'], order: 'id' })).toEqual([
			{ id, display_name: 'Session Probe' },
			{ id: created.child_ids[0], display_name: 'Session Probe, Child' },
		]);
		expect(await client.callKw('res.partner', 'write', [[id], { category_id: [[5]], child_ids: [[2, created.child_ids[0]]] }])).toBe(true);
		expect(await client.callKw('res.partner', 'read', [[id], ['category_id', 'child_ids']])).toEqual([{ id, category_id: [], child_ids: [] }]);
		expect((await client.failure('res.partner', 'write', [[999999], { name: 'x' }])).data.exception_type).toBe('missing_error');
		expect(await client.callKw('res.partner', 'unlink', [[id]])).toBe(true);
		sandbox().expireSessions();
		expect((await client.envelope('/web/dataset/call_kw', { model: 'res.partner', method: 'search', args: [[]], kwargs: {} })).error?.code).toBe(100);
	});

	test('a second client without a session is refused, then logs in', async () => {
		const client = new JsonRpcClient(sandbox().url, sandbox().db);
		expect((await client.envelope('/web/dataset/call_kw', { model: 'res.partner', method: 'search', args: [[]], kwargs: {} })).error?.code).toBe(100);
		await client.login('demo');
		expect(await client.callKw('res.partner', 'search_count', [[['is_company', '=', true]]])).toBeGreaterThan(0);
	});
});
