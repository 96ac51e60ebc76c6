import { ManualClock } from '../helpers/clock';
import { BAD_REQUEST, CodelayerClient, SUCCESS, UNAUTHORIZED, UNAVAILABLE, useCodelayerSandbox } from './helpers/sandbox';

/**
 * Fault rules. Network faults (latency, a proxy's status page, resets, a cut-off body, an HTML page) hit before
 * the server runs, whatever the key; the server's own (an e answer, no envelope, keys dying after N calls) only
 * meet requests that pass the key check, as the real server checks the key first.
 */

const sandbox = useCodelayerSandbox();
const device = new CodelayerClient(sandbox);

beforeEach(() => device.login());

const SALE = {
	gp_fyear: '4_19',
	custcode: '359',
	salemode: 'Cash',
	paymentmode: 'C',
	cashreceived: '10',
	roff: '0',
	specialdisc: '0',
	datetime: '2019-07-01 10:15:00',
	sales: [{ itemcode: '12', qty: '1', rate: '12', taxperc: '18' }],
};

const report = () => device.rows('sales/route_report');

describe('e answers', () => {
	test('e 503 for the next N calls of a path, without acting; other paths answer', async () => {
		sandbox().faults.set({ kind: 'e', e: 503, path: 'sales/route_save', times: 2 });
		expect(await device.call('sales/route_details')).toMatchObject(SUCCESS);
		const response = await device.raw('sales/route_save', SALE);
		expect([response.status, JSON.parse(response.text)]).toEqual([200, UNAVAILABLE]);
		expect(await device.call('sales/route_save', SALE)).toEqual(UNAVAILABLE);
		expect(await report()).toEqual([]);
		expect(await device.call('sales/route_save', SALE)).toEqual({ status: 'Saved', slno: '1', ...SUCCESS });
		// A fault is no refusal of the server's own.
		expect(sandbox().stats).toMatchObject({ rejected: 0, unauthorized: 0 });
	});

	test('e 400 with its documented text; any e with a msg of the test’s choosing, and an HTTP status if asked', async () => {
		sandbox().faults.set({ kind: 'e', e: 400 });
		expect(await device.call('sales/route_report')).toEqual(BAD_REQUEST);
		sandbox().faults.set({ kind: 'e', e: 500, msg: 'Database error.', httpStatus: 500 });
		const response = await device.raw('sales/route_report', {});
		expect([response.status, JSON.parse(response.text)]).toEqual([500, { e: 500, msg: 'Database error.' }]);
	});

	test('the key is checked first: an expired key gets e 401 and the rule waits for a call that passes', async () => {
		sandbox().faults.set({ kind: 'e', e: 503, path: 'sales/route_report' });
		sandbox().expireKeys();
		expect(await device.call('sales/route_report')).toEqual(UNAUTHORIZED);
		await device.login();
		expect(await device.call('sales/route_report')).toEqual(UNAVAILABLE);
		expect(await device.call('sales/route_report')).toMatchObject(SUCCESS);
	});

	test('a login can be refused too (system/auth takes no key)', async () => {
		sandbox().faults.set({ kind: 'e', e: 503, path: 'system/auth' });
		expect(await new CodelayerClient(sandbox).call('system/auth', { username: 'TEST', password: 'password', imei: '352099001761481', ver: '1.0.0.0' })).toEqual(UNAVAILABLE);
		expect(sandbox().stats.logins).toBe(1);
	});

});

describe('failureHttpStatus "e"', () => {
	const strict = useCodelayerSandbox({ failureHttpStatus: 'e' });
	const client = new CodelayerClient(strict);

	test('the failures come with their e as HTTP status, successes with 200', async () => {
		const refused = await client.raw('system/auth', { username: 'TEST', password: 'wrong', imei: '352099001761481', ver: '1.0.0.0' });
		expect([refused.status, JSON.parse(refused.text)]).toEqual([401, UNAUTHORIZED]);
		await client.login();
		const bad = await client.raw('sales/route_save', { ...SALE, custcode: 'ABC' });
		expect([bad.status, JSON.parse(bad.text)]).toEqual([400, BAD_REQUEST]);
		strict().faults.set({ kind: 'e', e: 503 });
		expect((await client.raw('sales/route_report', {})).status).toBe(503);
		expect((await client.raw('sales/route_report', {})).status).toBe(200);
	});
});

describe('expireKeyAfter', () => {
	test('the key passes N more calls, then e 401; a new login works', async () => {
		sandbox().faults.set({ kind: 'expireKeyAfter', calls: 2 });
		expect(await device.call('sales/route_details')).toMatchObject(SUCCESS);
		expect(await device.call('sales/route_customers')).toMatchObject(SUCCESS);
		expect(await device.call('sales/route_products')).toEqual(UNAUTHORIZED);
		await device.login();
		expect(await device.call('sales/route_products')).toMatchObject(SUCCESS);
	});

	test('waits for a keyed call: a login does not spend it', async () => {
		sandbox().faults.set({ kind: 'expireKeyAfter', calls: 0 });
		await device.login();
		expect(await device.call('sales/route_details')).toEqual(UNAUTHORIZED);
	});
});

describe('network faults, before the server runs', () => {
	test('status: HTTP 502 with the proxy’s HTML page, even for a request without a key; nothing done', async () => {
		sandbox().faults.set({ kind: 'status', status: 502, path: 'sales/route_save' });
		const response = await new CodelayerClient(sandbox).raw('sales/route_save', SALE);
		expect(response.status).toBe(502);
		expect(response.text).toContain('<center><h1>502 Error</h1></center>');
		expect(await report()).toEqual([]);
		expect(sandbox().stats).toMatchObject({ unauthorized: 0, requests: expect.objectContaining({ 'sales/route_save': 1 }) });
	});

	test('resetBeforeProcessing: the connection drops, nothing saved', async () => {
		sandbox().faults.set({ kind: 'resetBeforeProcessing', path: 'sales/route_save' });
		await expect(device.call('sales/route_save', SALE)).rejects.toThrow();
		expect(await report()).toEqual([]);
	});

	test('nonJsonBody: HTTP 200 with PHP’s error page, nothing saved', async () => {
		sandbox().faults.set({ kind: 'nonJsonBody', path: 'sales/route_save' });
		const response = await device.raw('sales/route_save', SALE);
		expect(response.status).toBe(200);
		expect(response.text).toContain('A PHP Error was encountered');
		expect(() => JSON.parse(response.text) as unknown).toThrow();
		expect(await report()).toEqual([]);
	});

	describe('latency, on a clock the test moves', () => {
		const clock = new ManualClock();
		const timed = useCodelayerSandbox({ clock });
		const slow = new CodelayerClient(timed);

		test('holds the answer until the clock has moved on, while other requests are answered', async () => {
			await slow.login();
			timed().faults.set({ kind: 'latency', ms: 4000, path: 'sales/route_report' });
			let answered = false;
			const delayed = slow.call('sales/route_report').finally(() => (answered = true));
			expect(await clock.nextSleep()).toBe(4000);
			expect(await slow.call('sales/route_details')).toMatchObject(SUCCESS);
			expect(answered).toBe(false);
			clock.advance(4000);
			expect(await delayed).toMatchObject(SUCCESS);
		});

		test('latency adds up with another fault on the same request', async () => {
			await slow.login();
			timed().faults.set({ kind: 'latency', ms: 100 });
			timed().faults.set({ kind: 'latency', ms: 200 });
			timed().faults.set({ kind: 'e', e: 503 });
			const delayed = slow.call('sales/route_report');
			expect(await clock.nextSleep()).toBe(300);
			clock.advance(300);
			expect(await delayed).toEqual(UNAVAILABLE);
		});
	});
});

describe('faults after the server acted: the save happened', () => {
	test('resetAfterProcessing: the connection drops, the sale is in the report', async () => {
		sandbox().faults.set({ kind: 'resetAfterProcessing', path: 'sales/route_save' });
		await expect(device.call('sales/route_save', SALE)).rejects.toThrow();
		expect(await report()).toHaveLength(1);
		expect(sandbox().day.sales).toBe(1);
	});

	test('truncatedBody: half of the answer, and the sale is saved', async () => {
		sandbox().faults.set({ kind: 'truncatedBody', path: 'sales/route_save' });
		await expect(device.call('sales/route_save', SALE)).rejects.toThrow();
		expect(await report()).toHaveLength(1);
	});

	test('missingEnvelope: the payload without e and msg, and the sale is saved', async () => {
		sandbox().faults.set({ kind: 'missingEnvelope', path: 'sales/route_save' });
		expect(await device.call('sales/route_save', SALE)).toEqual({ status: 'Saved', slno: '1' });
		expect(await report()).toHaveLength(1);
	});
});

describe('rule scope and lifetime', () => {
	test('server: a rule for the licence server leaves the API alone', async () => {
		sandbox().faults.set({ kind: 'e', e: 503, server: 'license', times: Infinity });
		expect(await device.call('sales/route_details')).toMatchObject(SUCCESS);
		expect(await device.call('system/license', { imei: '352099001761481', appID: 'QM_V3' })).toEqual(UNAVAILABLE);
		expect(await device.call('system/register_device', { imei: '352099001761481', appID: 'QM_V3', clientID: 'CTPL', deviceName: 'Van 1', mobileNumber: '+919445295492' })).toEqual(UNAVAILABLE);
	});

	test('times: Infinity lasts until faults.clear()', async () => {
		sandbox().faults.set({ kind: 'e', e: 503, times: Infinity });
		for (let call = 0; call < 3; call++) expect(await device.call('sales/route_details')).toEqual(UNAVAILABLE);
		sandbox().faults.clear();
		expect(await device.call('sales/route_details')).toMatchObject(SUCCESS);
	});

	test('reset() clears the rules', async () => {
		sandbox().faults.set({ kind: 'status', status: 503, times: Infinity });
		sandbox().reset();
		await device.login();
		expect(await device.call('sales/route_details')).toMatchObject(SUCCESS);
	});

	test('counters per path see every request, the faulted ones too', async () => {
		sandbox().stats.reset();
		sandbox().faults.set({ kind: 'e', e: 503, path: 'sales/route_report' });
		await device.call('sales/route_report');
		await device.call('sales/route_report');
		await device.call('sales/route_details');
		expect(sandbox().stats.requests).toEqual({ 'sales/route_report': 2, 'sales/route_details': 1 });
		expect(sandbox().stats.total).toBe(3);
	});
});
