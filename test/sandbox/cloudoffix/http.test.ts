import { request } from 'undici';
import { cookieSid, header, JSON_HEADERS, post } from './helpers/http';
import { loggedIn, useSandbox } from './helpers/sandbox';

const sandbox = useSandbox();

const body = (params: unknown, id?: unknown) => JSON.stringify({ jsonrpc: '2.0', method: 'call', params, ...(id === undefined ? {} : { id }) });

describe('HTTP behaviour', () => {
	test('an unknown JSON route is HTTP 404 with the JSON 404 envelope and a cookie', async () => {
		const response = await post(`${sandbox().url}/web/no/such/route`, body({}, 5), JSON_HEADERS);
		expect(response.status).toBe(404);
		expect(JSON.parse(response.text)).toMatchObject({ jsonrpc: '2.0', id: 5, error: { code: 404, message: '404: Not Found', http_status: 404, data: { name: 'werkzeug.exceptions.NotFound', arguments: [] } } });
		expect(cookieSid(response)).toMatch(/^[0-9a-f]{40}$/);
	});

	test('an unknown route without JSON is werkzeug’s HTML 404', async () => {
		const response = await request(`${sandbox().url}/nothing/here`);
		expect(response.statusCode).toBe(404);
		expect(response.headers['content-type']).toBe('text/html');
		expect(await response.body.text()).toContain('<title>404 Not Found</title>');
	});

	test('invalid JSON or a form body: HTTP 400 page quoting the body; a JSON array: 500', async () => {
		const broken = await post(`${sandbox().url}/web/dataset/call_kw`, '{"jsonrpc":', JSON_HEADERS);
		expect(broken.status).toBe(400);
		expect(broken.text).toContain('<p>Invalid JSON data: \'{&quot;jsonrpc&quot;:\'</p>');
		const form = await post(`${sandbox().url}/web/session/authenticate`, 'login=admin', { 'Content-Type': 'application/x-www-form-urlencoded' });
		expect(form.status).toBe(400);
		expect(header(form, 'set-cookie')).toBeUndefined();
		expect((await post(`${sandbox().url}/jsonrpc`, '[1,2]', JSON_HEADERS)).status).toBe(500);
	});

	test('application/json-rpc is JSON too; the id is echoed, null when absent', async () => {
		const withId = await post(`${sandbox().url}/web/webclient/version_info`, body({}, 'abc'), { 'Content-Type': 'application/json-rpc; charset=utf-8' });
		expect(JSON.parse(withId.text)).toMatchObject({ id: 'abc', result: { server_serie: '11.0' } });
		const withoutId = await post(`${sandbox().url}/web/database/list`, body({}), JSON_HEADERS);
		expect(JSON.parse(withoutId.text)).toEqual({ jsonrpc: '2.0', id: null, result: [sandbox().db] });
	});

	test('non-ASCII text travels as UTF-8 both ways', async () => {
		const client = await loggedIn(sandbox());
		const id = (await client.callKw('res.partner', 'create', [{ name: 'Şişli Çiçekçilik €' }])) as number;
		expect(await client.callKw('res.partner', 'name_get', [[id]])).toEqual([[id, 'Şişli Çiçekçilik €']]);
		const { response } = await client.raw('/web/session/get_session_info', {});
		expect(response.text).toContain('"symbol":"€"');
	});

	test('every JSON answer is HTTP 200, errors included, and keep-alive connections are reused', async () => {
		const client = await loggedIn(sandbox());
		const { response } = await client.raw('/web/dataset/call_kw', { model: 'no.such', method: 'read', args: [[1]], kwargs: {} });
		expect(response.status).toBe(200);
		expect(header(response, 'content-type')).toBe('application/json');
		expect(header(response, 'connection')).toBe('keep-alive');
	});

	test('the log option gets one line per request', async () => {
		const { startCloudOffixSandbox } = await import('../../../sandbox/cloudoffix');
		const lines: string[] = [];
		const logged = await startCloudOffixSandbox({ log: (line) => lines.push(line) });
		try {
			await post(`${logged.url}/web/database/list`, body({}), JSON_HEADERS);
			await post(`${logged.url}/nowhere`, body({}), JSON_HEADERS);
			expect(lines).toEqual([expect.stringMatching(/^POST \/web\/database\/list 200 \d+ms$/), expect.stringMatching(/^POST \/nowhere 404 \d+ms$/)]);
			expect(logged.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(logged.db).toBe('sandbox.cloudoffix.local');
		} finally {
			await logged.close();
		}
	});
});
