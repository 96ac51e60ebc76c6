import { jsonrpc } from './helpers/json-client';
import { useSandbox } from './helpers/sandbox';

const sandbox = useSandbox();

const call = (service: string, method: string, args: unknown[]) => jsonrpc(sandbox().url, service, method, args);
const execute = (args: unknown[]) => call('object', 'execute_kw', [sandbox().db, ...args]);

describe('/jsonrpc common service', () => {
	test('version, login, authenticate, about', async () => {
		expect((await call('common', 'version', [])).result).toEqual({ server_version: '11.0', server_version_info: [11, 0, 0, 'final', 0, ''], server_serie: '11.0', protocol_version: 1 });
		expect((await call('common', 'login', [sandbox().db, 'admin', 'admin'])).result).toBe(2);
		expect((await call('common', 'login', [sandbox().db, 'demo', 'demo'])).result).toBe(6);
		expect((await call('common', 'login', [sandbox().db, 'admin', 'WRONG'])).result).toBe(false);
		expect((await call('common', 'authenticate', [sandbox().db, 'admin', 'admin', {}])).result).toBe(2);
		expect((await call('common', 'about', [])).result).toBe('See http://openerp.com');
		expect(sandbox().stats.logins).toBe(3);
	});

	test('an unknown method, a wrong argument count, an unknown database', async () => {
		expect((await call('common', 'nope', [])).error?.data).toMatchObject({ name: 'builtins.Exception', message: 'Method not found: nope' });
		expect((await call('common', 'login', [sandbox().db, 'admin'])).error?.data.message).toBe("exp_login() missing 1 required positional argument: 'password'");
		expect((await call('common', 'login', ['elsewhere', 'admin', 'admin'])).error?.data.name).toBe('psycopg2.OperationalError');
	});
});

describe('/jsonrpc db service', () => {
	test('list, db_exist, server_version; admin methods need the master password', async () => {
		expect((await call('db', 'list', [])).result).toEqual([sandbox().db]);
		expect((await call('db', 'db_exist', [sandbox().db])).result).toBe(true);
		expect((await call('db', 'server_version', [])).result).toBe('11.0');
		expect((await call('db', 'drop', ['admin', sandbox().db])).error?.data.name).toBe('odoo.exceptions.AccessDenied');
	});
});

describe('/jsonrpc object service', () => {
	test('execute_kw with args and kwargs; execute with positional args only', async () => {
		const rows = (await execute([2, 'admin', 'res.partner', 'search_read', [[['is_company', '=', true]]], { fields: ['name'], limit: 2, order: 'id' }])).result;
		expect(rows).toEqual([
			{ id: 1, name: 'YourCompany' },
			{ id: 8, name: 'ASUSTeK' },
		]);
		expect((await call('object', 'execute', [sandbox().db, 2, 'admin', 'res.partner', 'search_count', [['is_company', '=', true]]])).result).toBeGreaterThan(2);
		expect(sandbox().stats.calls).toMatchObject({ 'res.partner.search_read': 1, 'res.partner.search_count': 1 });
	});

	test('the password is checked on every call: AccessDenied', async () => {
		for (const args of [
			[2, 'WRONG', 'res.partner', 'search', [[]]],
			[99, 'admin', 'res.partner', 'search', [[]]],
			[1, 'admin', 'res.partner', 'search', [[]]],
		]) {
			const { error } = await execute(args);
			expect(error?.data).toMatchObject({ name: 'odoo.exceptions.AccessDenied', message: 'Access denied', arguments: ['Access denied'], exception_type: 'access_denied' });
			expect(error?.data.debug).not.toContain('WRONG');
		}
	});

	test('unknown model is a UserError here; private methods come first', async () => {
		expect((await execute([2, 'admin', 'no.such.model', 'search', [[]]])).error?.data).toMatchObject({ name: 'odoo.exceptions.UserError', message: "Object no.such.model doesn't exist\n" });
		expect((await execute([2, 'admin', 'no.such.model', '_private', [[]]])).error?.data.name).toBe('odoo.exceptions.AccessError');
	});

	test('only execute and execute_kw exist; an unknown service is the UnboundLocalError of capture 49', async () => {
		expect((await call('object', 'execute_workflow', [sandbox().db, 2, 'admin'])).error?.data).toMatchObject({ name: 'builtins.NameError', message: 'Method not available execute_workflow' });
		expect((await call('nope', 'version', [])).error?.data.name).toBe('builtins.UnboundLocalError');
	});

	test('a method returning None leaves the result out; the id is echoed', async () => {
		const envelope = await execute([2, 'admin', 'res.partner', 'toggle_active', [[12]]]);
		expect(envelope).toEqual({ jsonrpc: '2.0', id: 1 });
	});

	test('the demo user reads but may not write', async () => {
		expect(typeof (await execute([6, 'demo', 'res.partner', 'search_count', [[]]])).result).toBe('number');
		expect((await execute([6, 'demo', 'res.partner', 'write', [[1], { name: 'x' }]])).error?.data.exception_type).toBe('access_error');
	});
});
