import { CodelayerClient, SUCCESS, UNAUTHORIZED, useCodelayerSandbox } from './helpers/sandbox';

/**
 * The licence server: a device registers, waits for Codelayer to approve it, and learns from its licence where
 * the API server is. It knows the documentation's app QM_V3 and client CTPL; the sample devices are approved.
 */

const sandbox = useCodelayerSandbox();
const device = new CodelayerClient(sandbox);

const NEW_DEVICE = { imei: '869012045678901', appID: 'QM_V3', clientID: 'CTPL', deviceName: 'Van 2 phone', mobileNumber: '+919400012345' };
const licences = async (imei: string, appID = 'QM_V3') => device.call('system/license', { imei, appID });

test('the licence server is a server of its own, and names itself QM_V3 / CTPL', () => {
	expect(sandbox().licenseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	expect(sandbox().licenseUrl).not.toBe(sandbox().url);
	expect(sandbox().licence).toEqual({ appID: 'QM_V3', clientID: 'CTPL' });
});

test('the sample device’s licence is approved and carries the API server’s base URL and the features', async () => {
	expect(await licences('352099001761481')).toEqual({
		licenses: [
			{
				statusCode: '2',
				productName: 'Quarry Manager - Version III',
				clientName: 'Codelayer Technologies Pvt. Ltd.',
				clientLocation: 'Trivandrum',
				validTill: 'Unlimited',
				baseURL: sandbox().url,
				status: 'Approved',
				features: [
					{ id: '1', feature_name: 'Bill Cancellation', description: 'Allows to cancel existing bill.', urls: [{ name: 'Cancel Bill' }] },
					{ id: '2', feature_name: 'Stock Transfer', description: 'Allows to move stock to another route.', urls: [{ name: 'Stock Transfer' }] },
					{ id: '3', feature_name: 'Shop Limit Override', description: 'Allows to ask for more shops than the limit.', urls: [{ name: 'Shop Limit Override Request' }] },
				],
			},
		],
		...SUCCESS,
	});
	expect((await licences('12345678901234')).licenses).toEqual([expect.objectContaining({ statusCode: '2' })]);
});

test('the base URL it gives is where the API answers', async () => {
	const [licence] = (await licences('352099001761481')).licenses as Array<{ baseURL: string }>;
	const response = await fetch(`${licence.baseURL}/system/auth`, {
		method: 'POST',
		body: JSON.stringify({ username: 'TEST', password: 'password', imei: '352099001761481', ver: '1.0.0.0' }),
	});
	expect(await response.json()).toMatchObject(SUCCESS);
});

test('Register Device answers OK; the device is then pending (statusCode 1) until approved, or rejected', async () => {
	expect(await licences(NEW_DEVICE.imei)).toEqual(UNAUTHORIZED);
	expect(await device.call('system/register_device', NEW_DEVICE)).toEqual({ status: 'OK', ...SUCCESS });
	expect((await licences(NEW_DEVICE.imei)).licenses).toEqual([
		expect.objectContaining({ statusCode: '1', status: 'Approval Pending', validTill: '', baseURL: sandbox().url, features: [] }),
	]);
	sandbox().setDeviceStatus(NEW_DEVICE.imei, 'approved');
	expect((await licences(NEW_DEVICE.imei)).licenses).toEqual([expect.objectContaining({ statusCode: '2', status: 'Approved', validTill: 'Unlimited' })]);
	sandbox().setDeviceStatus(NEW_DEVICE.imei, 'rejected');
	expect((await licences(NEW_DEVICE.imei)).licenses).toEqual([expect.objectContaining({ statusCode: '3', status: 'Rejected', features: [] })]);
	// Registering again asks nothing new: the decision stands.
	expect(await device.call('system/register_device', NEW_DEVICE)).toEqual({ status: 'OK', ...SUCCESS });
	expect((await licences(NEW_DEVICE.imei)).licenses).toEqual([expect.objectContaining({ statusCode: '3' })]);
});

test('an app or client the server does not know is e 401; so is a licence request for an unregistered device', async () => {
	expect(await device.call('system/register_device', { ...NEW_DEVICE, appID: 'WATS_V1' })).toEqual(UNAUTHORIZED);
	expect(await device.call('system/register_device', { ...NEW_DEVICE, clientID: 'ACME' })).toEqual(UNAUTHORIZED);
	expect(await licences('352099001761481', 'WATS_V1')).toEqual(UNAUTHORIZED);
	expect(await licences('999999999999999')).toEqual(UNAUTHORIZED);
	expect(sandbox().stats.unauthorized).toBe(4);
});

test('reset() forgets registrations', async () => {
	await device.call('system/register_device', NEW_DEVICE);
	sandbox().reset();
	expect(await licences(NEW_DEVICE.imei)).toEqual(UNAUTHORIZED);
});
