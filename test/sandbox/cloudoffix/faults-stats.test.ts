import { ManualClock } from '../helpers/clock';
import { cookieSid, JSON_HEADERS, post } from './helpers/http';
import type { JsonRpcClient } from './helpers/json-client';
import { loggedIn, useSandbox } from './helpers/sandbox';

const sandbox = useSandbox();
let admin: JsonRpcClient;

beforeEach(async () => {
	admin = await loggedIn(sandbox());
	sandbox().stats.reset();
});

const count = () => admin.envelope('/web/dataset/call_kw', { model: 'res.partner', method: 'search_count', args: [[]], kwargs: {} });
const rawCount = () =>
	post(`${sandbox().url}/web/dataset/call_kw`, JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { model: 'res.partner', method: 'search_count', args: [[]], kwargs: {} }, id: 1 }), {
		...JSON_HEADERS,
		Cookie: `session_id=${admin.sid}`,
	});

describe('stats', () => {
	test('requests per route, calls per model.method, logins, creates, total; reset() clears them', async () => {
		await admin.callKw('res.partner', 'create', [{ name: 'Counted' }]);
		await admin.call('/web/dataset/call_kw/res.partner/search_read', { model: 'res.partner', method: 'search_read', args: [[]], kwargs: { limit: 1 } });
		await admin.login();
		const stats = sandbox().stats;
		expect(stats.requests).toEqual({ '/web/dataset/call_kw': 2, '/web/session/authenticate': 1 });
		expect(stats.calls).toEqual({ 'res.partner.create': 1, 'res.partner.search_read': 1 });
		expect(stats.creates).toEqual({ 'res.partner': 1 });
		expect(stats.logins).toBe(1);
		expect(stats.total).toBe(3);
		stats.reset();
		expect([stats.requests, stats.calls, stats.creates, stats.logins, stats.total]).toEqual([{}, {}, {}, 0, 0]);
	});

	test('failed creates are not counted', async () => {
		await admin.failure('res.partner', 'create', [{ email: 'no name' }]);
		expect(sandbox().stats.creates).toEqual({});
		expect(sandbox().stats.calls).toEqual({ 'res.partner.create': 1 });
	});
});

describe('fault rules', () => {
	test('status: the matching calls get the status and are not executed', async () => {
		sandbox().faults.set({ kind: 'status', status: 503, times: 2 });
		for (let attempt = 0; attempt < 2; attempt++) {
			const response = await rawCount();
			expect(response.status).toBe(503);
			expect(response.text).toContain('503');
		}
		expect((await rawCount()).status).toBe(200);
		expect(sandbox().stats.calls['res.partner.search_count']).toBe(1);
	});

	test('rules can target a route prefix and a model method, with a custom body', async () => {
		sandbox().faults.set({ kind: 'status', status: 502, method: 'res.partner.create', body: 'Bad Gateway' });
		expect((await rawCount()).status).toBe(200);
		const envelope = await post(`${sandbox().url}/web/dataset/call_kw`, JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { model: 'res.partner', method: 'create', args: [{ name: 'x' }], kwargs: {} } }), {
			...JSON_HEADERS,
			Cookie: `session_id=${admin.sid}`,
		});
		expect([envelope.status, envelope.text]).toEqual([502, 'Bad Gateway']);
		sandbox().faults.set({ kind: 'status', status: 500, route: '/jsonrpc' });
		expect((await rawCount()).status).toBe(200);
	});

	test('resetBeforeProcessing drops the connection without executing', async () => {
		sandbox().faults.set({ kind: 'resetBeforeProcessing' });
		await expect(rawCount()).rejects.toThrow();
		expect(sandbox().stats.calls).toEqual({});
	});

	test('resetAfterProcessing executes the call, then drops the connection', async () => {
		sandbox().faults.set({ kind: 'resetAfterProcessing', method: 'res.partner.create' });
		await expect(admin.callKw('res.partner', 'create', [{ name: 'Created anyway' }])).rejects.toThrow();
		expect(await admin.callKw('res.partner', 'search_count', [[['name', '=', 'Created anyway']]])).toBe(1);
	});

	test('truncatedBody sends half of the answer', async () => {
		sandbox().faults.set({ kind: 'truncatedBody' });
		await expect(rawCount()).rejects.toThrow();
		expect(sandbox().stats.calls['res.partner.search_count']).toBe(1);
	});

	test('nonJsonBody answers 200 with an HTML page', async () => {
		sandbox().faults.set({ kind: 'nonJsonBody', times: Infinity });
		for (let attempt = 0; attempt < 3; attempt++) {
			const response = await rawCount();
			expect(response.status).toBe(200);
			expect(() => JSON.parse(response.text)).toThrow();
		}
		sandbox().faults.clear();
		expect((await rawCount()).status).toBe(200);
		expect(JSON.parse((await rawCount()).text).result).toEqual(expect.any(Number));
	});

	test('expireSessionAfter: the session survives N authenticated calls, then answers code 100', async () => {
		sandbox().faults.set({ kind: 'expireSessionAfter', calls: 2 });
		expect(typeof (await count()).result).toBe('number');
		expect(typeof (await count()).result).toBe('number');
		const expired = await count();
		expect(expired.error?.code).toBe(100);
		await admin.login();
		expect(typeof (await count()).result).toBe('number');
	});

	test('expireSessionAfter waits for a request with a logged-in session', async () => {
		sandbox().faults.set({ kind: 'expireSessionAfter', calls: 0 });
		const anonymous = await post(`${sandbox().url}/web/database/list`, JSON.stringify({ jsonrpc: '2.0', method: 'call', params: {} }), JSON_HEADERS);
		expect(cookieSid(anonymous)).toBeDefined();
		expect((await count()).error?.code).toBe(100);
	});

	describe('latency, on a clock the test moves', () => {
		const clock = new ManualClock();
		const timed = useSandbox({ clock });

		test('holds the answer until the clock has moved on by its ms, while other requests are answered', async () => {
			const [client, other] = [await loggedIn(timed()), await loggedIn(timed())];
			timed().faults.set({ kind: 'latency', ms: 150 });
			let answered = false;
			const delayed = client.callKw('res.partner', 'search_count', [[]]).finally(() => (answered = true));
			expect(await clock.nextSleep()).toBe(150);
			expect(typeof (await other.callKw('res.partner', 'search_count', [[]]))).toBe('number');
			expect(answered).toBe(false);
			clock.advance(150);
			expect(typeof (await delayed)).toBe('number');
		});
	});

	test('reset() clears the rules', async () => {
		sandbox().faults.set({ kind: 'status', status: 503, times: Infinity });
		sandbox().reset();
		admin = await loggedIn(sandbox());
		expect((await rawCount()).status).toBe(200);
	});
});
