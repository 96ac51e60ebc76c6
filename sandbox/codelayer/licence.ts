import { APPROVED_DEVICES, LICENCE } from './seed';
import { textOf, unauthorized, type Payload } from './wire';

/**
 * The licence server's books: which devices asked for which app, and what the licensing side decided. A device
 * registers (system/register_device, "OK"), waits for a person to approve it, and reads its state with
 * system/license. Approval is by hand at Codelayer: here, by the test (setDeviceStatus).
 */

export type DeviceStatus = 'pending' | 'approved' | 'rejected';

/** statusCode and status as the licence pages list them (1 = approval pending, 2 = approved, 3 = rejected). */
const STATUS_TEXT: Readonly<Record<DeviceStatus, { statusCode: string; status: string }>> = {
	pending: { statusCode: '1', status: 'Approval Pending' },
	approved: { statusCode: '2', status: 'Approved' },
	rejected: { statusCode: '3', status: 'Rejected' },
};

export interface Device {
	imei: string;
	appID: string;
	clientID: string;
	deviceName: string;
	mobileNumber: string;
	status: DeviceStatus;
}

export class LicenceRegistry {
	private readonly devices = new Map<string, Device>();

	constructor() {
		for (const imei of APPROVED_DEVICES) {
			this.devices.set(deviceKey(imei, LICENCE.appID), { imei, appID: LICENCE.appID, clientID: LICENCE.clientID, deviceName: 'Sample device', mobileNumber: '+919445295492', status: 'approved' });
		}
	}

	/**
	 * Records a device as pending. An app or client the server does not know is refused as e 401 (the page lists
	 * that failure without saying when). A device already known keeps its state: registering again asks nothing new.
	 */
	register(body: Payload): { status: 'OK' } {
		const [imei, appID, clientID] = [textOf(body.imei), textOf(body.appID), textOf(body.clientID)];
		if (appID !== LICENCE.appID) throw unauthorized(`unknown appID ${JSON.stringify(appID)}`);
		if (clientID !== LICENCE.clientID) throw unauthorized(`unknown clientID ${JSON.stringify(clientID)}`);
		const key = deviceKey(imei, appID);
		if (!this.devices.has(key)) {
			this.devices.set(key, { imei, appID, clientID, deviceName: textOf(body.deviceName), mobileNumber: textOf(body.mobileNumber), status: 'pending' });
		}
		return { status: 'OK' };
	}

	/**
	 * The licences of a device for an app: one row, in its state, naming the API server to use. A device or app the
	 * server does not know gets e 401 (a guess: the page shows no failure, and its list needs at least one row).
	 * Only an approved licence lists its validity and features.
	 */
	licences(body: Payload, baseURL: string): { licenses: Payload[] } {
		const device = this.devices.get(deviceKey(textOf(body.imei), textOf(body.appID)));
		if (!device) throw unauthorized(`no device ${JSON.stringify(textOf(body.imei))} registered for ${JSON.stringify(textOf(body.appID))}`);
		const approved = device.status === 'approved';
		return {
			licenses: [
				{
					statusCode: STATUS_TEXT[device.status].statusCode,
					productName: LICENCE.productName,
					clientName: LICENCE.clientName,
					clientLocation: LICENCE.clientLocation,
					validTill: approved ? LICENCE.validTill : '',
					baseURL,
					status: STATUS_TEXT[device.status].status,
					features: approved ? LICENCE.features.map((feature) => ({ ...feature, urls: feature.urls.map((url) => ({ ...url })) })) : [],
				},
			],
		};
	}

	/** The licensing side's decision; a device not yet registered is registered with it. */
	setStatus(imei: string, status: DeviceStatus, appID: string = LICENCE.appID): void {
		const key = deviceKey(imei, appID);
		const device = this.devices.get(key) ?? { imei, appID, clientID: LICENCE.clientID, deviceName: '', mobileNumber: '', status };
		this.devices.set(key, { ...device, status });
	}

	device(imei: string, appID: string = LICENCE.appID): Readonly<Device> | undefined {
		const device = this.devices.get(deviceKey(imei, appID));
		return device && { ...device };
	}
}

function deviceKey(imei: string, appID: string): string {
	return `${appID}\u0000${imei}`;
}
