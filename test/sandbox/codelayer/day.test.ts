import { ManualClock } from '../helpers/clock';
import { JSON_HEADERS, post } from '../helpers/http';
import { BAD_REQUEST, CodelayerClient, SUCCESS, useCodelayerSandbox } from './helpers/sandbox';

/**
 * A day on the road, as the device lives it: what each save changes in what the reads answer. Seed: route
 * ALAMCHEARY, gatepass 4_19, customer 359 ABC (owes 1250.00), item 12 MALABAR PAROTTA 5 PCS (200 loaded at 12.00,
 * tax 18 %), item 1 CHAPATHI (250 at 10.00, tax 5 %), item 185 (50 loaded), item 850 in the master only.
 */

const clock = new ManualClock({ start: Date.UTC(2019, 6, 1, 4, 30, 0) });
const sandbox = useCodelayerSandbox({ clock });
const device = new CodelayerClient(sandbox);

beforeEach(() => device.login());

const line = (itemcode: string, qty: string, rate: string, taxperc: string) => ({ itemcode, qty, rate, taxperc });

/** 10 × 12.00 + 18 % = 141.60, 20 × 10.00 + 5 % = 210.00, less 1.50, plus 0.40: 350.50, of which 100.00 paid. */
const sale = (changes: Record<string, unknown> = {}) => ({
	gp_fyear: '4_19',
	custcode: '359',
	salemode: 'Cash',
	paymentmode: 'C',
	cashreceived: '100.00',
	roff: '0.40',
	specialdisc: '1.50',
	latitude: '8.8932115',
	longitude: '76.9143322',
	datetime: '2019-07-01 10:15:00',
	sales: [line('12', '10', '12', '18'), line('1', '20', '10', '5')],
	...changes,
});

const transfer = (changes: Record<string, unknown> = {}) => ({
	latitude: '8.8932115',
	gp_fyear: '4_19',
	custcode: '15',
	paymentmode: 'D',
	cashreceived: '0',
	roff: '0',
	specialdisc: '0',
	longitude: '76.9143322',
	datetime: '2019-07-01 11:00:00',
	sales: [line('12', '45', '12', '18')],
	...changes,
});

const giveBack = (changes: Record<string, unknown> = {}) => ({
	gp_fyear: '4_19',
	custcode: '359',
	items: [{ itemcode: '1', qty: '2', expdate: '2020-11-03' }],
	datetime: '2019-07-01 12:00:00',
	uid: 'd2974959e7bd40fd94269de2794ea70d',
	...changes,
});

const newShop = (changes: Record<string, unknown> = {}) => ({
	custname: 'NEW BAKERY',
	placeid: '103',
	gstin: '32AABCU9603R1ZM',
	saddress: 'MARKET ROAD, KADAKKAL',
	sphone: '9400094000',
	latitude: '8.8370001',
	longitude: '76.9320002',
	uid: '6f1c0b0e9a4d4c2f8e7a1b2c3d4e5f60',
	state: 'KER',
	spincode: '691536',
	drv_accode: '1',
	slm_accode: '2',
	sortorder: '',
	...changes,
});

async function summaryOf(itemcode: string) {
	return (await device.rows('sales/route_productsummary')).find((row) => row.itemcode === itemcode);
}

async function routeDetails() {
	return (await device.rows('sales/route_details'))[0];
}

describe('customers', () => {
	test('Add Customer answers its account code and echoes the uid; the shop joins the route', async () => {
		expect(await device.call('sales/add_customer', newShop())).toEqual({ status: 'Saved', accode: '23137', uid: '6f1c0b0e9a4d4c2f8e7a1b2c3d4e5f60', ...SUCCESS });
		expect((await device.rows('sales/route_customers')).at(-1)).toEqual({
			custname: 'NEW BAKERY',
			custcode: '23137',
			place: 'Kadakkal',
			creditallowed: '0',
			discounts: [],
			balance: '',
			latitude: '8.8370001',
			longitude: '76.9320002',
			placeorder: '6',
		});
		expect((await device.rows('sales/route_shops')).find((row) => row.custcode === '23137')).toEqual({
			customer: 'NEW BAKERY',
			latitude: '8.8370001',
			longitude: '76.9320002',
			place: 'Kadakkal',
			rname: 'ALAMCHEARY',
			custcode: '23137',
			placeid: '103',
			placeorder: '6',
			rid: '1',
			sphone: '9400094000',
		});
		expect((await device.rows('sales/route_path')).at(-1)).toMatchObject({ placeorder: '6', custcode: '23137', custname: 'NEW BAKERY' });
	});

	test('Check Customer finds a name in the account master, new customers included, whatever the case', async () => {
		const check = async (custname: string) => (await device.call('sales/check_customer', { custname })).status;
		expect(await check('ANANDHU')).toBe('Exists');
		expect(await check('new bakery')).toBe('Not Exists');
		await device.call('sales/add_customer', newShop());
		expect(await check('new bakery ')).toBe('Exists');
	});

	test('Route Details counts the shops added today by the route’s driver, its salesman, on the route', async () => {
		expect(await routeDetails()).toMatchObject({ drvShopCount: '0', slmShopCount: '0', rtShopCount: '0' });
		await device.call('sales/add_customer', newShop());
		await device.call('sales/add_customer', newShop({ custname: 'OTHER SHOP', drv_accode: '7', slm_accode: '8' }));
		expect(await routeDetails()).toMatchObject({ drvShopCount: '1', slmShopCount: '1', rtShopCount: '2', drvShopCountPrev: '0' });
	});

	test('a place that Get Places does not list is refused; an empty one is taken', async () => {
		expect(await device.call('sales/add_customer', newShop({ placeid: '999' }))).toEqual(BAD_REQUEST);
		expect(await device.call('sales/add_customer', newShop({ placeid: '', latitude: '', longitude: '' }))).toMatchObject({ status: 'Saved', ...SUCCESS });
		expect((await device.rows('sales/route_customers')).at(-1)).toMatchObject({ place: '', latitude: '', longitude: '' });
	});

	test('Update Shop Details changes what Route Customers and Route Shops show', async () => {
		expect(await device.call('sales/update_shop_details', { custcode: '359', sphone: '9999900000', latitude: '8.9', longitude: '76.9' })).toEqual({ status: 'OK', ...SUCCESS });
		expect((await device.rows('sales/route_customers')).find((row) => row.custcode === '359')).toMatchObject({ latitude: '8.9', longitude: '76.9' });
		expect((await device.rows('sales/route_shops')).find((row) => row.custcode === '359')).toMatchObject({ sphone: '9999900000' });
		expect(await device.call('sales/update_shop_details', { custcode: '815', sphone: '1' })).toEqual(BAD_REQUEST);
	});
});

describe('sales (Route Save)', () => {
	test('a sale is a report row with its net amount; two identical sales, two identical rows; a running slno', async () => {
		expect(await device.call('sales/route_save', sale())).toEqual({ status: 'Saved', slno: '1', ...SUCCESS });
		expect(await device.call('sales/route_save', sale())).toEqual({ status: 'Saved', slno: '2', ...SUCCESS });
		const row = { custname: 'ABC', salemode: 'Cash', paymentmode: 'Cash', cashreceived: '100.00', netamount: '350.50', specialdisc: '1.5' };
		expect(await device.rows('sales/route_report')).toEqual([row, row]);
	});

	test('Route Save With Remarks is a sale like the others; a cheque shows as Cheque', async () => {
		await device.call('sales/route_save', sale());
		expect(await device.call('sales/route_save_remarks', sale({ remarks: 'paid by cheque', paymentmode: 'B', salemode: 'Credit', cashreceived: '0' }))).toEqual({
			status: 'Saved',
			slno: '2',
			...SUCCESS,
		});
		expect((await device.rows('sales/route_report')).map((row) => [row.salemode, row.paymentmode, row.cashreceived])).toEqual([
			['Cash', 'Cash', '100.00'],
			['Credit', 'Cheque', '0.00'],
		]);
	});

	test('Sales Details lists each line, the rate sold at beside the gatepass rate', async () => {
		await device.call('sales/route_save', sale({ sales: [line('12', '10', '11.50', '18'), line('1', '20', '10', '5')] }));
		expect(await device.rows('sales/route_salesdetails')).toEqual([
			{ customer: 'ABC', product: 'MALABAR PAROTTA 5 PCS', qty: '10.00', srate: '11.50', gprate: '12.00', itemcode: '12' },
			{ customer: 'ABC', product: 'CHAPATHI', qty: '20.00', srate: '10.00', gprate: '10.00', itemcode: '1' },
		]);
	});

	test('the product summary counts what was sold and what is left', async () => {
		await device.call('sales/route_save', sale());
		await device.call('sales/route_save', sale());
		expect(await summaryOf('12')).toEqual({ itemcode: '12', itemname: 'MALABAR PAROTTA 5 PCS', qty: '200.00', sales: '20.00', retrn: '0.00', bal: '180.00' });
		expect(await summaryOf('1')).toMatchObject({ qty: '250.00', sales: '40.00', bal: '210.00' });
		expect(await summaryOf('185')).toMatchObject({ sales: '0.00', bal: '50.00' });
	});

	test('what a sale leaves unpaid is on the customer’s balance', async () => {
		await device.call('sales/route_save', sale());
		expect((await device.rows('sales/route_customers')).find((row) => row.custcode === '359')).toMatchObject({ balance: '1500.50' });
		expect((await device.rows('sales/route_customers_balance')).find((row) => row.laccode === '359')).toEqual({
			achead: 'ABC',
			laccode: '359',
			opbal: '1250.00',
			bal: '1500.50',
			netbal: '1500.50',
			sphone: '9495123456',
			absnetbal: '1500.50',
			followuppriority: '1',
			ldate: '2019-07-01',
			rname: 'ALAMCHEARY',
		});
	});

	test.each([
		['another gatepass', sale({ gp_fyear: '3_19' })],
		['a customer of another route', sale({ custcode: '815' })],
		['a customer nobody knows', sale({ custcode: '99999' })],
		['no customer', sale({ custcode: undefined })],
		['no lines', sale({ sales: undefined })],
		['an item not loaded on the van', sale({ sales: [line('850', '1', '40', '0')] })],
		['more than the van holds', sale({ sales: [line('185', '51', '8', '0')] })],
		['more than the van holds, over two lines', sale({ sales: [line('185', '30', '8', '0'), line('185', '21', '8', '0')] })],
	])('%s: e 400, counted, nothing saved, no slno taken', async (_what, body) => {
		expect(await device.call('sales/route_save', body)).toEqual(BAD_REQUEST);
		expect(sandbox().stats.rejected).toBe(1);
		expect(await device.rows('sales/route_report')).toEqual([]);
		expect(await summaryOf('185')).toMatchObject({ sales: '0.00', bal: '50.00' });
		expect(await device.call('sales/route_save', sale())).toMatchObject({ slno: '1' });
	});

	test('the whole load can be sold, not one more', async () => {
		expect(await device.call('sales/route_save', sale({ sales: [line('185', '50', '8', '0')] }))).toMatchObject(SUCCESS);
		expect(await device.call('sales/route_save', sale({ sales: [line('185', '1', '8', '0')] }))).toEqual(BAD_REQUEST);
	});
});

test('each kind of document numbers itself from 1: sales, transfers, returns', async () => {
	expect(await device.call('sales/route_save', sale())).toMatchObject({ slno: '1' });
	expect(await device.call('sales/route_save_remarks', sale({ remarks: 'second' }))).toMatchObject({ slno: '2' });
	expect(await device.call('sales/stock_transfer', transfer())).toMatchObject({ slno: '1' });
	expect(await device.call('sales/route_return', giveBack())).toMatchObject({ slno: '1' });
	expect(await device.call('sales/route_save', sale())).toMatchObject({ slno: '3' });
});

describe('stock transfers', () => {
	test('a transfer to another route’s salesman moves the summary, not the report', async () => {
		expect(await device.call('sales/stock_transfer', transfer())).toEqual({ status: 'Saved', slno: '1', ...SUCCESS });
		expect(await summaryOf('12')).toMatchObject({ sales: '45.00', bal: '155.00' });
		expect(await device.rows('sales/route_report')).toEqual([]);
		expect(await device.rows('sales/route_salesdetails')).toEqual([]);
		// What was transferred cannot be sold any more.
		expect(await device.call('sales/route_save', sale({ sales: [line('12', '156', '12', '18')] }))).toEqual(BAD_REQUEST);
		expect(await device.call('sales/route_save', sale({ sales: [line('12', '155', '12', '18')] }))).toMatchObject(SUCCESS);
	});

	test.each([
		['the route’s own salesman', '2'],
		['a customer', '359'],
		['nobody', '999'],
	])('to %s: e 400', async (_who, custcode) => {
		expect(await device.call('sales/stock_transfer', transfer({ custcode }))).toEqual(BAD_REQUEST);
		expect(await summaryOf('12')).toMatchObject({ sales: '0.00' });
	});
});

describe('returns', () => {
	test('a return is in Return Details (expiry dd/MM/yyyy) and the summary’s retrn; the van’s balance stays', async () => {
		const body = giveBack({ items: [{ itemcode: '1', qty: '2', expdate: '2020-11-03' }, { itemcode: '850', qty: '3', expdate: '2020-12-01' }] });
		expect(await device.call('sales/route_return', body)).toEqual({ status: 'Saved', slno: '1', uid: 'd2974959e7bd40fd94269de2794ea70d', ...SUCCESS });
		expect(await device.call('sales/route_return', giveBack({ uid: 'second' }))).toMatchObject({ slno: '2', uid: 'second' });
		expect(await device.rows('sales/route_returndetails')).toEqual([
			{ customer: 'ABC', product: 'CHAPATHI', qty: '2.00', expdate: '03/11/2020' },
			{ customer: 'ABC', product: 'WHEAT BREAD 400G', qty: '3.00', expdate: '01/12/2020' },
			{ customer: 'ABC', product: 'CHAPATHI', qty: '2.00', expdate: '03/11/2020' },
		]);
		expect(await summaryOf('1')).toEqual({ itemcode: '1', itemname: 'CHAPATHI', qty: '250.00', sales: '0.00', retrn: '4.00', bal: '250.00' });
		// An item of the master that was not loaded shows in the summary once returned.
		expect(await summaryOf('850')).toEqual({ itemcode: '850', itemname: 'WHEAT BREAD 400G', qty: '0.00', sales: '0.00', retrn: '3.00', bal: '0.00' });
	});

	test.each([
		['another gatepass', giveBack({ gp_fyear: '5_19' })],
		['a customer of another route', giveBack({ custcode: '23136' })],
		['no items', giveBack({ items: [] })],
		['an item of no master', giveBack({ items: [{ itemcode: '9999', qty: '1', expdate: '2020-11-03' }] })],
	])('%s: e 400, nothing saved', async (_what, body) => {
		expect(await device.call('sales/route_return', body)).toEqual(BAD_REQUEST);
		expect(await device.rows('sales/route_returndetails')).toEqual([]);
	});
});

describe('closing', () => {
	test('Route Closing closes the day: saves are refused until a new day, reads go on', async () => {
		await device.call('sales/route_save', sale());
		expect(await device.call('sales/route_closing', closing())).toEqual(SUCCESS);
		expect(sandbox().day).toMatchObject({ gpFyear: '4_19', routeClosed: true });
		expect(await device.call('sales/route_save', sale())).toEqual(BAD_REQUEST);
		expect(await device.call('sales/route_save_remarks', sale({ remarks: 'late' }))).toEqual(BAD_REQUEST);
		expect(await device.call('sales/route_return', giveBack())).toEqual(BAD_REQUEST);
		expect(await device.call('sales/stock_transfer', transfer())).toEqual(BAD_REQUEST);
		expect(await device.call('sales/route_closing', closing())).toEqual(BAD_REQUEST);
		expect(sandbox().stats.rejected).toBe(5);
		expect(await device.rows('sales/route_report')).toHaveLength(1);
		expect(await device.call('sales/device_location', { latitude: '8.9', longitude: '76.9', datetime: '2019-07-01 19:00:00' })).toMatchObject(SUCCESS);
	});

	test('a closing for another gatepass is refused and the day stays open', async () => {
		expect(await device.call('sales/route_closing', closing({ gpno_fyear: '1_25' }))).toEqual(BAD_REQUEST);
		expect(sandbox().day.routeClosed).toBe(false);
		expect(await device.call('sales/route_save', sale())).toMatchObject(SUCCESS);
	});

	test('Sales Closing ends the sales and transfers; returns are still taken', async () => {
		expect(await device.call('sales/sales_closing', { gp_fyear: '4_19' })).toEqual({ status: 'OK', ...SUCCESS });
		expect(await device.call('sales/route_save', sale())).toEqual(BAD_REQUEST);
		expect(await device.call('sales/stock_transfer', transfer())).toEqual(BAD_REQUEST);
		expect(await device.call('sales/route_return', giveBack())).toMatchObject(SUCCESS);
		expect(await device.call('sales/route_closing', closing())).toEqual(SUCCESS);
	});
});

describe('a new day', () => {
	async function busyDay() {
		await device.call('sales/add_customer', newShop());
		await device.call('sales/route_save', sale());
		await device.call('sales/stock_transfer', transfer());
		await device.call('sales/route_return', giveBack({ items: [{ itemcode: '850', qty: '3', expdate: '2020-12-01' }] }));
		await device.call('sales/route_closing', closing());
	}

	test('startNewDay(): the next gatepass, nothing saved, the van loaded again; masters and balances carry over', async () => {
		await busyDay();
		expect(sandbox().startNewDay()).toBe('5_19');
		expect(sandbox().day).toEqual({ gpFyear: '5_19', salesClosed: false, routeClosed: false, sales: 0, returns: 0, transfers: 0 });
		expect(await routeDetails()).toMatchObject({ gp_fyear: '5_19', rtShopCount: '0', rtShopCountPrev: '1', drvShopCountPrev: '1' });
		expect(await device.rows('sales/route_report')).toEqual([]);
		expect(await device.rows('sales/route_salesdetails')).toEqual([]);
		expect(await device.rows('sales/route_returndetails')).toEqual([]);
		const summary = await device.rows('sales/route_productsummary');
		expect(summary).toHaveLength(10);
		for (const row of summary) expect(row).toMatchObject({ sales: '0.00', retrn: '0.00', bal: row.qty });
		expect((await device.rows('sales/route_customers_balance')).find((row) => row.laccode === '359')).toMatchObject({ opbal: '1500.50', bal: '1500.50', ldate: '2019-07-01' });
		expect((await device.rows('sales/route_customers')).map((row) => row.custname)).toContain('NEW BAKERY');
		expect(await device.call('sales/route_save', sale())).toEqual(BAD_REQUEST);
		expect(await device.call('sales/route_save', sale({ gp_fyear: '5_19' }))).toEqual({ status: 'Saved', slno: '1', ...SUCCESS });
	});

	test('POST /__sandbox/new-day does it over HTTP (for runs of n8n itself), uncounted', async () => {
		const control = () => post(`${sandbox().url}/__sandbox/new-day`, '', JSON_HEADERS);
		expect(JSON.parse((await control()).text)).toEqual({ gp_fyear: '5_19' });
		expect(JSON.parse((await control()).text)).toEqual({ gp_fyear: '6_19' });
		expect((await routeDetails()).gp_fyear).toBe('6_19');
		expect(Object.keys(sandbox().stats.requests)).not.toContain('__sandbox/new-day');
	});

	test('reset() brings back the seeded day', async () => {
		await busyDay();
		sandbox().startNewDay();
		sandbox().reset();
		await device.login();
		expect((await routeDetails()).gp_fyear).toBe('4_19');
		expect(await device.rows('sales/route_customers')).toHaveLength(5);
	});
});

describe('the device', () => {
	const SAMPLE_DEVICE = 'GB_routes_C35EAF1416256520A00BCDB138F48EFC08AE7B18';

	test('Notification Details lists a device’s notifications, unseen', async () => {
		const rows = await device.rows('sales/get_notifications', { deviceid: SAMPLE_DEVICE });
		expect(rows).toHaveLength(3);
		expect(rows[0]).toEqual({
			messageText: 'Hello Anandhu S',
			entryDate: '2025-09-09 14:31:00.000',
			responseId: '0:1757408752657388%4aa909f84aa909f8',
			sentDate: '2025-09-09 14:34:00.000',
			seenStatus: 'F',
			seenDate: 'NULL',
			entryId: '1',
		});
		expect(await device.rows('sales/get_notifications', { deviceid: 'another-device' })).toEqual([]);
	});

	test('Update Notifications marks one (or all) seen, stamped with the server’s time (IST)', async () => {
		clock.advance(60_000);
		expect(await device.call('sales/update_notifications', { deviceid: SAMPLE_DEVICE, entryId: '2', seenStatus: 'T' })).toEqual({ status: 'OK', ...SUCCESS });
		const seen = async () => (await device.rows('sales/get_notifications', { deviceid: SAMPLE_DEVICE })).map((row) => [row.entryId, row.seenStatus, row.seenDate]);
		const stamp = new Date(clock.now() + 5.5 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ') + '.000';
		expect(await seen()).toEqual([
			['1', 'F', 'NULL'],
			['2', 'T', stamp],
			['3', 'F', 'NULL'],
		]);
		await device.call('sales/update_notifications', { deviceid: SAMPLE_DEVICE });
		expect((await seen()).map(([, status]) => status)).toEqual(['T', 'T', 'T']);
		expect(await device.call('sales/update_notifications', { deviceid: SAMPLE_DEVICE, seenStatus: 'maybe' })).toEqual(BAD_REQUEST);
		expect(await device.call('sales/update_notifications', { deviceid: 'another-device' })).toEqual(BAD_REQUEST);
	});

	test('notify() sends one more', async () => {
		expect(sandbox().notify(SAMPLE_DEVICE, 'Route closes at 6')).toBe('4');
		expect((await device.rows('sales/get_notifications', { deviceid: SAMPLE_DEVICE })).at(-1)).toMatchObject({ messageText: 'Route closes at 6', seenStatus: 'F', entryId: '4' });
	});

	test('Device Location keeps the last position', async () => {
		expect(sandbox().lastLocation).toBeUndefined();
		await device.call('sales/device_location', { latitude: '8.50472669182539', longitude: '76.97219809387414', datetime: '2021-01-03 07:06:08' });
		await device.call('sales/device_location', { latitude: 8.51, longitude: 76.98, datetime: '2021-01-03 07:16:08' });
		expect(sandbox().lastLocation).toEqual({ latitude: '8.51', longitude: '76.98', datetime: '2021-01-03 07:16:08' });
	});

	test('Update Device Token is Route Details’ fcmToken', async () => {
		expect((await routeDetails()).fcmToken).toBe('');
		expect(await device.call('sales/update_device_token', { deviceid: SAMPLE_DEVICE, fcmToken: 'fcm-token-1' })).toEqual({ status: 'OK', ...SUCCESS });
		expect((await routeDetails()).fcmToken).toBe('fcm-token-1');
		expect(await device.call('sales/update_device_token', { deviceid: SAMPLE_DEVICE })).toEqual(BAD_REQUEST);
	});

	test('Shop Limit Override Request answers as its sample; a period that ends before it starts is refused', async () => {
		const request = { reqdate: '2025-09-09', reqperiodstring: '09/09/2025 - 20/09/2025', periodfrom: '2025-09-09', periodto: '2025-09-20', deviceid: '123' };
		expect(await device.call('sales/shoplimitoverride_request', request)).toEqual({ status: 'Success', statuscode: 'N', ...SUCCESS });
		expect(await device.call('sales/shoplimitoverride_request', { ...request, periodto: '2025-09-01' })).toEqual(BAD_REQUEST);
	});
});

function closing(changes: Record<string, unknown> = {}) {
	const zero = Object.fromEntries(
		[
			'cashsales', 'creditsales', 'upisales', 'specialdiscount', 'N_2000', 'N_500', 'N_200', 'N_100', 'N_50', 'N_20', 'N_10', 'N_5', 'C_20', 'C_10', 'C_5', 'C_2', 'C_1',
			'emptyboxes', 'startingkm', 'closingkm', 'fuelfillingqty', 'fuelfillingkm', 'fuelfillingamount', 'prevfuelfillingkm', 'gpayrecvdonpercacc', 'gpayrecvdascash',
			'prevcashrecvd', 'cashreturn', 'expenses', 'expensedetails', 'cashinhand', 'totalsales',
		].map((name) => [name, '0']),
	);
	return { ...zero, transidgpayrecvd: 'none', gpno_fyear: '4_19', fuelslipissued: 'N', ...changes };
}
