import type { IDataObject } from 'n8n-workflow';

import { afterItems, captureLogs } from '../harness';
import { codelayer, codelayerHarness, SAMPLE, saleParameters, useCodelayerSandbox } from './harness';

// A password nothing else in a run contains, so the secrets check cannot be fooled by a parameter's name.
const PASSWORD = 'Pw-8c1f-secret';
const SAMPLE_LICENCE = 'LK-4f2a-licence-sample';
const sandbox = useCodelayerSandbox({ users: [{ ...SAMPLE, password: PASSWORD }] });
const harnessWith = (data: Record<string, unknown> = {}) => codelayerHarness(sandbox(), { password: PASSWORD, ...data });

const sale = saleParameters;

const report = () => codelayer('sale', 'getReport', {}, { name: 'Report' });

describe('Codelayer day on the road', () => {
	it('saves sales that the report then lists, one item per row, as text, as numbers or raw', async () => {
		const harness = harnessWith();
		const saved = await harness.run(afterItems([{ cash: 100 }, { cash: 50 }], codelayer('sale', 'create', sale({ cashreceived: '={{ $json.cash }}' }))));
		expect(saved.json('codelayer')).toEqual([
			{ status: 'Saved', slno: '1' },
			{ status: 'Saved', slno: '2' },
		]);
		const rows = (await harness.run(afterItems([{}], report()))).json('Report');
		// 2 × 12 × 1.18 + 5 × 8 = 68.32 for each sale; payment mode C reads as Cash in the report.
		const row = { custname: 'ABC', salemode: '', paymentmode: 'Cash', netamount: '68.32', specialdisc: '0.0' };
		expect(rows).toEqual([
			{ ...row, cashreceived: '100.00' },
			{ ...row, cashreceived: '50.00' },
		]);
		const numbers = (await harness.run(afterItems([{}], codelayer('sale', 'getReport', { options: { numbers: true } }, { name: 'Report' })))).json('Report');
		expect(numbers.map((row) => row.cashreceived)).toEqual([100, 50]);
		expect(typeof numbers[0].custname).toBe('string');
		const raw = (await harness.run(afterItems([{}], codelayer('sale', 'getReport', { options: { rawAnswer: true } }, { name: 'Report' })))).json('Report');
		expect(raw).toEqual([{ details: expect.any(Array), e: 200, msg: 'Success' }]);
	});

	it('takes sale lines as JSON from an expression', async () => {
		const harness = harnessWith();
		const lines = [{ itemcode: 12, qty: 1, rate: 12, taxperc: 18 }];
		const result = await harness.run(afterItems([{ lines }], codelayer('sale', 'create', sale({ salesInput: 'json', salesJson: '={{ JSON.stringify($json.lines) }}' }))));
		expect(result.error).toBeUndefined();
		const details = (await harness.run(afterItems([{}], codelayer('sale', 'getDetails', {}, { name: 'Details' })))).json('Details');
		expect(details).toEqual([expect.objectContaining({ customer: 'ABC', itemcode: '12' })]);
	});

	it('writes a date-time left empty as now on the Timezone option\'s clock, and a picked one as written', async () => {
		const harness = harnessWith();
		const before = Date.now();
		await harness.run(afterItems([{}], codelayer('device', 'reportLocation', { latitude: 8.5, longitude: 76.9, options: { timezone: 'Asia/Kolkata' } })));
		const stamp = sandbox().lastLocation?.datetime ?? '';
		expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		// Kolkata is UTC+5:30 all year: the wall clock there, read back as UTC, is 5.5 hours ahead of the instant.
		const asUtc = Date.parse(`${stamp.replace(' ', 'T')}Z`) - 5.5 * 3600_000;
		expect(asUtc).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
		expect(asUtc).toBeLessThanOrEqual(Date.now());
		await harness.run(afterItems([{}], codelayer('device', 'reportLocation', { latitude: 8.5, longitude: 76.9, datetime: '2024-05-31T14:30:00' })));
		expect(sandbox().lastLocation?.datetime).toBe('2024-05-31 14:30:00');
		await harness.run(afterItems([{}], codelayer('device', 'reportLocation', { latitude: 8.5, longitude: 76.9, datetime: '2024-05-31T09:00:00Z', options: { timezone: 'Asia/Kolkata' } })));
		expect(sandbox().lastLocation?.datetime).toBe('2024-05-31 14:30:00');
	});

	it('sends an unpublished endpoint to the path the user set, with the Extra Body merged last', async () => {
		const harness = harnessWith();
		const moved = await harness.run(afterItems([{}], codelayer('route', 'getMany', { path: 'sales/no_such_path' })));
		expect(sandbox().stats.requests['sales/no_such_path']).toBe(1);
		expect(moved.error).toBeDefined();
		const extra = await harness.run(afterItems([{}], codelayer('sale', 'create', sale({ extraBody: '{"cashreceived": "75.50"}' }))));
		expect(extra.error).toBeUndefined();
		const [row] = (await harness.run(afterItems([{}], report()))).json('Report');
		expect(row.cashreceived).toMatch(/^75\.5/);
	});

	it("fills an empty IMEI on the licence server's operations with the credential's", async () => {
		const harness = harnessWith();
		const result = await harness.run(afterItems([{}], codelayer('device', 'getLicenses', { appID: sandbox().licence.appID })));
		expect(result.json('codelayer')).toEqual([expect.objectContaining({ statusCode: '2', baseURL: sandbox().url })]);
		// The licence server takes no key: no login happened.
		expect(sandbox().stats.logins).toBe(0);
	});
});

describe('Codelayer bad input', () => {
	it.each([
		['a latitude out of range', 'device', 'reportLocation', { latitude: 98, longitude: 76.9 }, 'Item 0: "Latitude" must be a number from -90 to 90, not 98', 'Latitude'],
		['a missing customer code', 'sale', 'create', sale({ custcode: '' }), 'Item 0: "Customer Code" is required', 'Customer Code'],
		['a sale line with no quantity', 'sale', 'create', sale({ sales: { row: [{ itemcode: 12, qty: 0, rate: 12, taxperc: 18 }] } }), 'Item 0: "Sales" row 1, "Quantity" must be a number from 1 to 9999, not 0', 'Sales'],
		['no sale lines', 'sale', 'create', sale({ sales: {} }), 'Item 0: "Sales" needs at least 1 row', 'Sales'],
		['a return with a bad expiry date', 'return', 'create', { gp_fyear: '4_19', custcode: 359, uid: 'u-1', items: { row: [{ itemcode: 12, qty: 2, expdate: '2020-13-45' }] } }, 'Item 0: "Items" row 1, "Expiry Date" must look like 2020-11-03, not "2020-13-45"', 'Items'],
		['an IMEI of the wrong length', 'device', 'register', { imei: '123', appID: 'QM_V3', clientID: 'CTPL', deviceName: 'Van 7', mobileNumber: '+919445295492' }, 'Item 0: "IMEI" must be text from 14 to 50 characters, not "123"', 'IMEI'],
	])('refuses %s before sending anything, naming the item and the field', async (_, resource, operation, parameters, message, parameter) => {
		const harness = harnessWith();
		const result = await harness.run(afterItems([{}], codelayer(resource, operation, parameters as IDataObject)));
		expect(result.error?.message).toBe(message);
		expect((result.error as unknown as { description: string }).description).toBe(`Check the parameter "${parameter}". Nothing was sent for this item.`);
		expect(sandbox().stats.total).toBe(0);
	});

	it('reports each bad item on its own with Continue On Fail, paired to its input, and sends the good ones', async () => {
		const harness = harnessWith();
		const items = [{ lat: 8.5 }, { lat: 120 }, { lat: 9.1 }];
		const node = codelayer('device', 'reportLocation', { latitude: '={{ $json.lat }}', longitude: 76.9 }, { continueOnFail: true });
		const output = (await harness.run(afterItems(items, node))).output('codelayer');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map((item) => item.json.status ?? item.json.error)).toEqual(['OK', 'Item 1: "Latitude" must be a number from -90 to 90, not 120', 'OK']);
		expect(sandbox().stats.requests['sales/device_location']).toBe(2);
	});
});

describe('Codelayer answers that are not a success', () => {
	it.each([
		['e 400', { kind: 'e', e: 400 }, 'Bad Request.', 'Codelayer answered e 400 to sales/route_details'],
		['e 503', { kind: 'e', e: 503 }, 'Service unavailable.', 'Codelayer answered e 503 to sales/route_details'],
		['e 503 with HTTP 503', { kind: 'e', e: 503, httpStatus: 503 }, 'Service unavailable.', 'Codelayer answered e 503 with HTTP 503 to sales/route_details'],
	] as const)('%s: the message is Codelayer\'s msg, the description its e', async (_, fault, message, description) => {
		const harness = harnessWith();
		sandbox().faults.set({ ...fault, path: 'sales/route_details' });
		// Retries off: e 503 would be sent again (and pass) otherwise.
		const result = await harness.run(afterItems([{}], codelayer('route', 'get', { connection: { retries: 0 } })));
		expect(result.error?.message).toBe(message);
		expect((result.error as unknown as { description: string }).description).toBe(description);
	});

	it.each([
		['an answer without e and msg', { kind: 'missingEnvelope' }, 1],
		['an HTML page', { kind: 'nonJsonBody' }, 0],
		['a cut-off body', { kind: 'truncatedBody' }, 1],
	] as const)('%s is unreadable: the sale is reported and never sent again', async (_, fault, saved) => {
		const harness = harnessWith();
		await harness.run(afterItems([{}], codelayer('route', 'get')));
		sandbox().faults.set({ ...fault, path: 'sales/route_save' });
		const result = await harness.run(afterItems([{}], codelayer('sale', 'create', sale())));
		expect(result.error?.message).toBe("Codelayer sales/route_save failed: the answer could not be read (cut short, or not in the API's format)");
		expect((result.error as unknown as { description: string }).description).toContain('was not sent again');
		expect(sandbox().stats.requests['sales/route_save']).toBe(1);
		expect(sandbox().day.sales).toBe(saved);
	});

	it.each([
		['before the server acts', 'resetBeforeProcessing', 0],
		['after the server acted', 'resetAfterProcessing', 1],
	] as const)('a connection dropped %s fails the sale without sending it again', async (_, kind, saved) => {
		const harness = harnessWith();
		await harness.run(afterItems([{}], codelayer('route', 'get')));
		sandbox().faults.set({ kind, path: 'sales/route_save' });
		const result = await harness.run(afterItems([{}], codelayer('sale', 'create', sale())));
		expect(result.error?.message).toMatch(/^Codelayer sales\/route_save failed: /);
		expect((result.error as unknown as { description: string }).description).toBe(
			'No readable answer came back: the server may or may not have carried the request out, so it was not sent again',
		);
		expect(sandbox().stats.requests['sales/route_save']).toBe(1);
		expect(sandbox().day.sales).toBe(saved);
	});

	it('reports a refused item on its own with Continue On Fail and saves the others', async () => {
		const harness = harnessWith();
		await harness.run(afterItems([{}], codelayer('route', 'get')));
		// Customer 815 is on another route: the server refuses that sale (e 400), not the others.
		const items = [{ customer: 359 }, { customer: 815 }, { customer: 447 }];
		const node = codelayer('sale', 'create', sale({ custcode: '={{ $json.customer }}' }), { continueOnFail: true });
		const output = (await harness.run(afterItems(items, node))).output('codelayer');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map((item) => item.json.status ?? item.json.error)).toEqual(['Saved', 'Bad Request.', 'Saved']);
		expect(sandbox().day.sales).toBe(2);
	});

	it('a proxy error page says the HTTP status, and the sale is not sent again', async () => {
		const harness = harnessWith();
		sandbox().faults.set({ kind: 'status', status: 502, path: 'sales/route_save' });
		const result = await harness.run(afterItems([{}], codelayer('sale', 'create', sale())));
		expect(result.error?.message).toBe('Codelayer sales/route_save failed: HTTP 502');
		expect(sandbox().stats.requests['sales/route_save']).toBe(1);
		expect(sandbox().day.sales).toBe(0);
	});

	it('a redirect is not followed: the sale fails naming where the server points, and nothing is saved', async () => {
		const harness = harnessWith();
		sandbox().faults.set({ kind: 'redirect', location: 'https://van.example.com/api/sales/route_save', status: 307, path: 'sales/route_save' });
		const result = await harness.run(afterItems([{}], codelayer('sale', 'create', sale())));
		expect(result.error?.message).toBe('Codelayer sales/route_save failed: the server redirects to https://van.example.com');
		expect(sandbox().stats.requests['sales/route_save']).toBe(1);
		expect(sandbox().day.sales).toBe(0);
	});
});

describe('Codelayer key', () => {
	it('logs in once and reuses the key across two executions', async () => {
		const harness = harnessWith();
		await harness.run(afterItems([{}, {}, {}], codelayer('route', 'get')));
		await harness.run(afterItems([{}], codelayer('product', 'getMany')));
		expect(sandbox().stats.logins).toBe(1);
		expect(harness.credentials.stored('cl-1').sessionKey).toMatch(/^[A-Za-z0-9]{32}$/);
	});

	it('renews a key that expires mid-run once: every sale saved exactly once, nothing lost', async () => {
		const harness = harnessWith();
		await harness.run(afterItems([{}], codelayer('route', 'get')));
		const firstKey = harness.credentials.stored('cl-1').sessionKey;
		sandbox().faults.set({ kind: 'expireKeyAfter', calls: 3 });
		const items = Array.from({ length: 8 }, (_, i) => ({ cash: i + 1 }));
		const result = await harness.run(afterItems(items, codelayer('sale', 'create', sale({ cashreceived: '={{ $json.cash }}' }))));
		expect(result.error).toBeUndefined();
		expect(result.output('codelayer').map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(sandbox().day.sales).toBe(8);
		expect(sandbox().stats.logins).toBe(2);
		expect(harness.credentials.stored('cl-1').sessionKey).not.toBe(firstKey);
		const cash = (await harness.run(afterItems([{}], report()))).json('Report').map((row) => Number(row.cashreceived)).sort((a, b) => a - b);
		expect(cash).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
	});

	// The suite's secrets check (test/setup/secrets.ts) looks for the password, licence key and keys in all that the
	// test produced; this test gives it the runs most likely to leak them (a login by hand among them).
	it('keeps the password, licence key and session key out of output, errors and logs', async () => {
		const harness = harnessWith({ licenseKey: SAMPLE_LICENCE });
		const { result: runs, logs } = await captureLogs(async () => {
			const keyed = await harness.run(afterItems([{}], codelayer('route', 'get')));
			const ok = await harness.run(afterItems([{}], codelayer('device', 'authenticate')));
			const custom = await harness.run(afterItems([{}], codelayer('other', 'customApiCall', { path: 'system/auth', sendKey: false, body: JSON.stringify({ username: 'TEST', password: PASSWORD, imei: SAMPLE.imei, ver: '1.0.0.0' }) })));
			const refused = await harnessWith({ password: 'Wrong-77-secret' }).run(afterItems([{}], codelayer('route', 'get')));
			return [keyed, ok, custom, refused];
		});
		const [keyed, ok, custom, refused] = runs;
		expect(keyed.error).toBeUndefined();
		expect(ok.json('codelayer')).toEqual([{ authenticated: true, features: '2,3' }]);
		expect(custom.json('codelayer')).toEqual([{ features: '2,3' }]);
		expect(refused.error?.message).toContain('Codelayer refused user "TEST"');
		expect(logs).toContain('Codelayer refused user "TEST"');
		expect(harness.credentials.stored('cl-1').sessionKey).toMatch(/^[A-Za-z0-9]{32}$/);
	});
});
