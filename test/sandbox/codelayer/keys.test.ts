import { startCodelayerSandbox } from '../../../sandbox/codelayer';
import { ManualClock } from '../helpers/clock';
import { JSON_HEADERS, post } from '../helpers/http';
import { CodelayerClient, SAMPLE_USER, SUCCESS, UNAUTHORIZED, useCodelayerSandbox } from './helpers/sandbox';

/** Keys: what system/auth hands out, and how they die. Time moves only when the test moves the clock. */

const MINUTE = 60_000;

describe('system/auth', () => {
	const sandbox = useCodelayerSandbox();

	test('answers a 32-character key and features "2,3"; each login a new key, all of them live', async () => {
		const first = new CodelayerClient(sandbox);
		const second = new CodelayerClient(sandbox);
		const [a, b] = [await first.login(), await second.login()];
		expect(a).toMatch(/^[A-Za-z0-9]{32}$/);
		expect(b).not.toBe(a);
		expect(await first.call('system/auth', { ...SAMPLE_USER, ver: '1.0.0.0' })).toEqual({ key: expect.stringMatching(/^[A-Za-z0-9]{32}$/), features: '2,3', ...SUCCESS });
		expect(await first.call('sales/route_details')).toMatchObject(SUCCESS);
		expect(await second.call('sales/route_details')).toMatchObject(SUCCESS);
		expect(sandbox().stats.logins).toBe(3);
	});

	test.each([
		['password', { password: 'wrong' }],
		['username', { username: 'NOBODY' }],
		['IMEI (another device)', { imei: '352099001761482' }],
	])('a wrong %s is e 401, counted, and no login', async (_what, change) => {
		const answer = await new CodelayerClient(sandbox).call('system/auth', { ...SAMPLE_USER, ver: '1.0.0.0', ...change });
		expect(answer).toEqual(UNAUTHORIZED);
		expect(sandbox().stats).toMatchObject({ logins: 0, unauthorized: 1, rejected: 0 });
	});

	test('knows the users it was given, and only those', async () => {
		const custom = await startCodelayerSandbox({ users: [{ username: 'SALES1', password: 'pw-1', imei: '490154203237518' }] });
		const client = new CodelayerClient(() => custom);
		try {
			expect(await client.login({ username: 'SALES1', password: 'pw-1', imei: '490154203237518' })).toHaveLength(32);
			expect(await client.call('system/auth', { ...SAMPLE_USER, ver: '1.0.0.0' })).toEqual(UNAUTHORIZED);
		} finally {
			await custom.close();
		}
	});
});

describe('keys expire after keyIdleSeconds without use', () => {
	const clock = new ManualClock();
	const sandbox = useCodelayerSandbox({ clock, keyIdleSeconds: 10 * 60 });
	const device = new CodelayerClient(sandbox);

	beforeEach(() => device.login());

	test('a key used within the idle time lives on: each call starts the wait again', async () => {
		for (let call = 0; call < 3; call++) {
			clock.advance(10 * MINUTE);
			expect(await device.call('sales/route_details')).toMatchObject(SUCCESS);
		}
	});

	test('one millisecond more and it is refused as e 401, for good', async () => {
		clock.advance(10 * MINUTE + 1);
		expect(await device.call('sales/route_details')).toEqual(UNAUTHORIZED);
		clock.advance(-(10 * MINUTE + 1));
		expect(await device.call('sales/route_details')).toEqual(UNAUTHORIZED);
		expect(sandbox().stats.unauthorized).toBe(2);
		await device.login();
		expect(await device.call('sales/route_details')).toMatchObject(SUCCESS);
	});

	test('a refused call does not keep the key alive, and unkeyed endpoints never ask for it', async () => {
		clock.advance(10 * MINUTE + 1);
		expect(await device.call('sales/route_report')).toEqual(UNAUTHORIZED);
		expect(await device.call('system/license', { imei: SAMPLE_USER.imei, appID: 'QM_V3' })).toMatchObject(SUCCESS);
	});
});

describe('the default idle time is 30 minutes', () => {
	const clock = new ManualClock();
	const sandbox = useCodelayerSandbox({ clock });
	const device = new CodelayerClient(sandbox);

	test('30 minutes pass, 30 minutes and a millisecond do not', async () => {
		await device.login();
		clock.advance(30 * MINUTE);
		expect(await device.call('sales/route_details')).toMatchObject(SUCCESS);
		clock.advance(30 * MINUTE + 1);
		expect(await device.call('sales/route_details')).toEqual(UNAUTHORIZED);
	});
});

describe('expireKeys()', () => {
	const sandbox = useCodelayerSandbox();
	const device = new CodelayerClient(sandbox);

	test('drops every key now; a new login works', async () => {
		const other = new CodelayerClient(sandbox);
		await device.login();
		await other.login();
		sandbox().expireKeys();
		expect(await device.call('sales/route_details')).toEqual(UNAUTHORIZED);
		expect(await other.call('sales/route_customers')).toEqual(UNAUTHORIZED);
		await device.login();
		expect(await device.call('sales/route_details')).toMatchObject(SUCCESS);
	});

	test('POST /__sandbox/expire-keys does the same over HTTP, for tests that run n8n itself', async () => {
		await device.login();
		const response = await post(`${sandbox().url}/__sandbox/expire-keys`, '', JSON_HEADERS);
		expect(JSON.parse(response.text)).toEqual({ expired: 1 });
		expect(await device.call('sales/route_details')).toEqual(UNAUTHORIZED);
	});

	test('reset() drops them too', async () => {
		await device.login();
		sandbox().reset();
		expect(await device.call('sales/route_details')).toEqual(UNAUTHORIZED);
	});
});
