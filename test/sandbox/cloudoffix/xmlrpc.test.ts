import { serializeMethodCall } from 'xmlrpc/lib/serializer';
import { header, post } from './helpers/http';
import { useSandbox } from './helpers/sandbox';
import { xmlCall } from './helpers/xml-client';

const sandbox = useSandbox();

const object = (method: string, args: unknown[], kwargs?: Record<string, unknown>) =>
	xmlCall(sandbox().url, '/xmlrpc/2/object', 'execute_kw', [sandbox().db, 2, 'admin', 'res.partner', method, args, ...(kwargs ? [kwargs] : [])]);

describe('XML-RPC values', () => {
	test('requests may use every type: struct, array, int, double, boolean, string, nil, dateTime, base64, untyped', async () => {
		// A local midnight: the package writes dates in local time without a zone, as Python's xmlrpc.client does.
		const body = serializeMethodCall('execute_kw', [sandbox().db, 2, 'admin', 'res.partner', 'create', [{ name: 'XML probe', credit_limit: 1.5, is_company: true, date: new Date(2026, 10, 5), comment: null }]]);
		const comment = '<member><name>comment</name><value><nil/></value></member>';
		expect(body).toContain(comment);
		const withExtraTypes = body
			.replace('<value><string>XML probe</string></value>', '<value>XML &amp; probe</value>')
			.replace(comment, `${comment}<member><name>image</name><value><base64>\naVZCT1J3MEtHZ28=\n</base64></value></member><member><name>color</name><value><i4>3</i4></value></member>`);
		const response = await post(`${sandbox().url}/xmlrpc/2/object`, withExtraTypes, { 'Content-Type': 'text/xml' });
		const id = Number(/<int>(\d+)<\/int>/.exec(response.text)?.[1]);
		const read = await object('read', [[id], ['name', 'credit_limit', 'is_company', 'date', 'comment', 'image', 'color']]);
		expect(read.ok).toEqual([{ id, name: 'XML & probe', credit_limit: 1.5, is_company: true, date: '2026-11-05', comment: false, image: 'aVZCT1J3MEtHZ28=', color: 3 }]);
	});

	test('floats are sent as <double> even when integral, integers as <int>', async () => {
		const outcome = await xmlCall(sandbox().url, '/xmlrpc/2/object', 'execute_kw', [sandbox().db, 2, 'admin', 'product.product', 'read', [[1], ['list_price', 'qty_available', 'id']]]);
		expect(outcome.ok).toEqual([{ id: 1, list_price: 750, qty_available: expect.any(Number) }]);
		expect(outcome.raw.text).toContain('<name>list_price</name>\n<value><double>750.0</double></value>');
		expect(outcome.raw.text).toMatch(/<name>qty_available<\/name>\n<value><double>\d+\.\d+<\/double><\/value>/);
		expect(outcome.raw.text).toContain('<name>id</name>\n<value><int>1</int></value>');
	});

	test('text is escaped and non-ASCII travels as UTF-8', async () => {
		const id = (await object('create', [{ name: 'Ayşe <&> Çelik' }])).ok as number;
		expect((await object('read', [[id], ['name']])).ok).toEqual([{ id, name: 'Ayşe <&> Çelik' }]);
	});
});

describe('XML-RPC faults', () => {
	test('codes 1 to 4 as Odoo 11 maps them', async () => {
		expect((await xmlCall(sandbox().url, '/xmlrpc/2/object', 'execute_kw', [sandbox().db, 2, 'WRONG', 'res.partner', 'search', [[]]])).fault).toEqual({ faultCode: 3, faultString: 'Access denied' });
		expect((await object('write', [[999999], { name: 'x' }])).fault?.faultCode).toBe(2);
		const demo = await xmlCall(sandbox().url, '/xmlrpc/2/object', 'execute_kw', [sandbox().db, 6, 'demo', 'res.partner', 'unlink', [[1]]]);
		expect(demo.fault?.faultCode).toBe(4);
		expect(demo.fault?.faultString).toMatch(/^\('Sorry, you are not allowed to delete this document\..*', None\)$/s);
		const validation = await object('create', [{ email: 'nameless@example.com' }]);
		expect(validation.fault?.faultCode).toBe(1);
		expect(validation.fault?.faultString).toMatch(/^Traceback \(most recent call last\):\n[\s\S]*odoo\.exceptions\.ValidationError: \('Contacts require a name\.', None\)\n$/);
	});

	test('a None result cannot be marshalled: fault 1 (JSON-RPC would leave result out)', async () => {
		const outcome = await object('toggle_active', [[12]]);
		expect(outcome.fault?.faultCode).toBe(1);
		expect(outcome.fault?.faultString).toContain('TypeError: cannot marshal None unless allow_none is enabled');
	});

	test('legacy /xmlrpc/<service> puts the text in a string faultCode', async () => {
		const denied = await xmlCall(sandbox().url, '/xmlrpc/object', 'execute_kw', [sandbox().db, 2, 'WRONG', 'res.partner', 'search', [[]]]);
		expect(denied.fault).toEqual({ faultCode: 'AccessDenied', faultString: 'Access denied' });
		const userError = await xmlCall(sandbox().url, '/xmlrpc/object', 'execute_kw', [sandbox().db, 2, 'admin', 'no.such.model', 'search', [[]]]);
		expect(userError.fault).toEqual({ faultCode: "warning -- Object no.such.model doesn't exist\n\n", faultString: '' });
	});

	test('an unknown service faults with the UnboundLocalError; a malformed body is a 500 page', async () => {
		const outcome = await xmlCall(sandbox().url, '/xmlrpc/2/nope', 'version', []);
		expect(outcome.fault?.faultString).toContain("UnboundLocalError: cannot access local variable 'dispatch'");
		const broken = await post(`${sandbox().url}/xmlrpc/2/common`, '<methodCall><methodName>version</methodName><params>', { 'Content-Type': 'text/xml' });
		expect(broken.status).toBe(500);
		expect(header(broken, 'content-type')).toBe('text/html');
	});

	test('db service and common.login over XML-RPC', async () => {
		expect((await xmlCall(sandbox().url, '/xmlrpc/2/db', 'list', [])).ok).toEqual([sandbox().db]);
		expect((await xmlCall(sandbox().url, '/xmlrpc/2/common', 'login', [sandbox().db, 'demo', 'demo'])).ok).toBe(6);
		expect(sandbox().stats.requests['/xmlrpc/2/common']).toBe(1);
	});
});
