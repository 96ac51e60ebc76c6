import { startCloudOffixSandbox } from '../../../sandbox/cloudoffix';
import { ManualClock } from '../helpers/clock';
import { cookieSid, header, JSON_HEADERS, post } from './helpers/http';
import { JsonRpcClient, type Envelope } from './helpers/json-client';
import { loggedIn, useSandbox } from './helpers/sandbox';

const sandbox = useSandbox();

const SEARCH = { model: 'res.partner', method: 'search_count', args: [[]], kwargs: {} };

async function callWith(url: string, headers: Record<string, string>) {
	const response = await post(url, JSON.stringify({ jsonrpc: '2.0', method: 'call', params: SEARCH, id: 7 }), { ...JSON_HEADERS, ...headers });
	return { response, envelope: JSON.parse(response.text) as Envelope };
}

describe('/web/session/authenticate', () => {
	test('admin gets uid 2 and a 40-hex session id, in the cookie and in the result', async () => {
		const client = new JsonRpcClient(sandbox().url, sandbox().db);
		const { response, envelope } = await client.raw('/web/session/authenticate', { db: sandbox().db, login: 'admin', password: 'admin' });
		const info = envelope.result as Record<string, unknown>;
		expect(info).toMatchObject({ uid: 2, is_system: true, username: 'admin', db: sandbox().db, server_version: '11.0', company_id: 1, partner_id: 3 });
		expect(info.session_id).toMatch(/^[0-9a-f]{40}$/);
		expect(cookieSid(response)).toBe(info.session_id);
		expect(sandbox().stats.logins).toBe(1);
	});

	test('demo gets uid 6 without administrator flags', async () => {
		const info = await (await loggedIn(sandbox(), 'demo')).call('/web/session/get_session_info', {});
		expect(info).toMatchObject({ uid: 6, is_system: false, is_superuser: false, username: 'demo', user_context: { lang: 'en_US', tz: false, uid: 6 } });
		expect(info).not.toHaveProperty('web_tours');
	});

	test('a wrong password is not an error: uid false, empty context, still a cookie', async () => {
		const client = new JsonRpcClient(sandbox().url, sandbox().db);
		const { response, envelope } = await client.raw('/web/session/authenticate', { db: sandbox().db, login: 'admin', password: 'nope' });
		expect(envelope.error).toBeUndefined();
		expect(envelope.result).toMatchObject({ uid: false, user_context: {}, company_id: null, partner_id: null, name: false, currencies: {} });
		expect(cookieSid(response)).toMatch(/^[0-9a-f]{40}$/);
		expect(sandbox().stats.logins).toBe(0);
	});

	test('an unknown login, an inactive user and an empty password all give uid false', async () => {
		for (const [login, password] of [
			['nobody', 'x'],
			['__system__', 'admin'],
			['admin', ''],
		]) {
			const result = await new JsonRpcClient(sandbox().url, sandbox().db).call('/web/session/authenticate', { db: sandbox().db, login, password });
			expect(result).toMatchObject({ uid: false });
		}
	});

	test('another database name fails in psycopg2, as on a multi-database server', async () => {
		const envelope = await new JsonRpcClient(sandbox().url, sandbox().db).envelope('/web/session/authenticate', { db: 'other', login: 'admin', password: 'admin' });
		expect(envelope.error?.data.name).toBe('psycopg2.OperationalError');
		expect(envelope.error?.data.arguments[0]).toContain('database "other" does not exist');
	});

	test('missing parameters are a Python TypeError', async () => {
		const envelope = await new JsonRpcClient(sandbox().url, sandbox().db).envelope('/web/session/authenticate', { db: sandbox().db, login: 'admin' });
		expect(envelope.error?.data).toMatchObject({ name: 'builtins.TypeError', message: "Session.authenticate() missing 1 required positional argument: 'password'" });
	});
});

describe('where the session id comes from', () => {
	test('a cookie session is answered with the same cookie', async () => {
		const client = await loggedIn(sandbox());
		const { response, envelope } = await callWith(`${sandbox().url}/web/dataset/call_kw`, { Cookie: `session_id=${client.sid}` });
		expect(typeof envelope.result).toBe('number');
		expect(cookieSid(response)).toBe(client.sid);
	});

	test('the X-Openerp-Session-Id header works and gets no cookie back', async () => {
		const client = await loggedIn(sandbox());
		const { response, envelope } = await callWith(`${sandbox().url}/web/dataset/call_kw`, { 'X-Openerp-Session-Id': client.sid as string });
		expect(typeof envelope.result).toBe('number');
		expect(header(response, 'set-cookie')).toBeUndefined();
	});

	test('?session_id= works and gets no cookie back', async () => {
		const client = await loggedIn(sandbox());
		const { response, envelope } = await callWith(`${sandbox().url}/web/dataset/call_kw?session_id=${client.sid}`, {});
		expect(typeof envelope.result).toBe('number');
		expect(header(response, 'set-cookie')).toBeUndefined();
	});

	test('no session: code 100 with a fresh cookie; a malformed id is replaced, a well-formed unknown one echoed', async () => {
		const none = await callWith(`${sandbox().url}/web/dataset/call_kw`, {});
		expect(none.envelope.error).toMatchObject({ code: 100, message: 'Odoo Session Expired', data: { name: 'odoo.http.SessionExpiredException', message: 'Session expired' } });
		expect(cookieSid(none.response)).toMatch(/^[0-9a-f]{40}$/);
		const malformed = await callWith(`${sandbox().url}/web/dataset/call_kw`, { Cookie: 'session_id=not-a-session' });
		expect(cookieSid(malformed.response)).toMatch(/^[0-9a-f]{40}$/);
		const unknown = 'ab'.repeat(20);
		const bogus = await callWith(`${sandbox().url}/web/dataset/call_kw`, { Cookie: `session_id=${unknown}` });
		expect(cookieSid(bogus.response)).toBe(unknown);
		expect(bogus.envelope.error?.code).toBe(100);
	});
});

describe('session lifetime', () => {
	test('get_session_info needs a logged-in session', async () => {
		const envelope = await new JsonRpcClient(sandbox().url, sandbox().db).envelope('/web/session/get_session_info', {});
		expect(envelope.error?.code).toBe(100);
	});

	test('destroy answers without a result key, moves to a new id, and the old id is expired', async () => {
		const client = await loggedIn(sandbox());
		const oldSid = client.sid;
		const { envelope } = await client.raw('/web/session/destroy', {});
		expect(envelope).toEqual({ jsonrpc: '2.0', id: expect.any(Number) });
		expect(client.sid).not.toBe(oldSid);
		const replay = await callWith(`${sandbox().url}/web/dataset/call_kw`, { Cookie: `session_id=${oldSid}` });
		expect(replay.envelope.error?.code).toBe(100);
	});

	test('expireSessions() drops every session', async () => {
		const client = await loggedIn(sandbox());
		sandbox().expireSessions();
		const envelope = await client.envelope('/web/dataset/call_kw', SEARCH);
		expect(envelope.error).toMatchObject({ code: 100, data: { exception_type: 'internal_error' } });
		await client.login();
		expect(typeof (await client.call('/web/dataset/call_kw', SEARCH))).toBe('number');
	});

	test('reset() also clears sessions', async () => {
		const client = await loggedIn(sandbox());
		sandbox().reset();
		expect((await client.envelope('/web/dataset/call_kw', SEARCH)).error?.code).toBe(100);
	});

	test('sessions idle for longer than sessionIdleSeconds expire; used ones stay', async () => {
		const clock = new ManualClock();
		const short = await startCloudOffixSandbox({ sessionIdleSeconds: 300, clock });
		try {
			const idle = await loggedIn(short);
			const busy = await loggedIn(short);
			for (let step = 0; step < 3; step++) {
				clock.advance(150_000);
				expect(typeof (await busy.call('/web/dataset/call_kw', SEARCH))).toBe('number');
			}
			expect((await idle.envelope('/web/dataset/call_kw', SEARCH)).error?.code).toBe(100);
		} finally {
			await short.close();
		}
	});

	test('a session idle for exactly sessionIdleSeconds is still valid; a millisecond more and it is gone', async () => {
		const clock = new ManualClock();
		const short = await startCloudOffixSandbox({ sessionIdleSeconds: 300, clock });
		try {
			const client = await loggedIn(short);
			clock.advance(300_000);
			expect(typeof (await client.call('/web/dataset/call_kw', SEARCH))).toBe('number');
			clock.advance(300_001);
			expect((await client.envelope('/web/dataset/call_kw', SEARCH)).error?.code).toBe(100);
		} finally {
			await short.close();
		}
	});
});
