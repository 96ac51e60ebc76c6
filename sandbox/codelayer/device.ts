import { NOTIFICATIONS } from './seed';
import { badRequest, textOf, type Payload } from './wire';

/** What the API server keeps of the device: its notifications, its push token, its positions, its shop limit requests. */

export interface Notification {
	entryId: number;
	deviceid: string;
	messageText: string;
	entryDate: string;
	responseId: string;
	sentDate: string;
	seenStatus: string;
	seenDate: string;
}

export interface DeviceLocation {
	latitude: string;
	longitude: string;
	datetime: string;
}

export interface ShopLimitRequest {
	reqdate: string;
	reqperiodstring: string;
	periodfrom: string;
	periodto: string;
	deviceid: string;
}

export class DeviceRecords {
	readonly notifications: Notification[] = NOTIFICATIONS.map((seed, index) => ({ ...seed, entryId: index + 1, seenStatus: 'F', seenDate: 'NULL' }));

	readonly locations: DeviceLocation[] = [];

	readonly shopLimitRequests: ShopLimitRequest[] = [];

	/** Update Device Token's last token (Route Details' fcmToken). */
	fcmToken = '';

	/** `now` gives the server's time as 'YYYY-MM-DD HH:MM:SS'. */
	constructor(private readonly now: () => string) {}

	notificationsOf(deviceid: string): Notification[] {
		return this.notifications.filter((notification) => notification.deviceid === deviceid);
	}

	/** Update Notifications: the device's notifications (or the one entryId names) take the seen status (default T). */
	markNotifications(body: Payload): void {
		const deviceid = textOf(body.deviceid);
		const entryId = textOf(body.entryId);
		const seenStatus = textOf(body.seenStatus) || 'T';
		if (deviceid === '') throw badRequest('deviceid: needed to update notifications');
		if (seenStatus !== 'T' && seenStatus !== 'F') throw badRequest(`seenStatus: T or F, not ${JSON.stringify(seenStatus)}`);
		const chosen = this.notificationsOf(deviceid).filter((notification) => entryId === '' || String(notification.entryId) === entryId);
		if (chosen.length === 0) throw badRequest(`no notification${entryId === '' ? '' : ` ${entryId}`} for device ${JSON.stringify(deviceid)}`);
		for (const notification of chosen) {
			notification.seenStatus = seenStatus;
			// The sample writes times with milliseconds ("2025-09-09 14:31:00.000") and an unseen date as "NULL".
			notification.seenDate = seenStatus === 'T' ? `${this.now()}.000` : 'NULL';
		}
	}

	/** A notification sent to a device now (a test control: the sandbox has no one to send them). */
	notify(deviceid: string, messageText: string): Notification {
		const entryId = Math.max(0, ...this.notifications.map((notification) => notification.entryId)) + 1;
		const stamp = `${this.now()}.000`;
		const notification: Notification = { entryId, deviceid, messageText, entryDate: stamp, sentDate: stamp, responseId: `0:${entryId}%sandbox`, seenStatus: 'F', seenDate: 'NULL' };
		this.notifications.push(notification);
		return notification;
	}

	updateToken(body: Payload): void {
		const token = textOf(body.fcmToken);
		if (token === '') throw badRequest('fcmToken: needed to update the token');
		this.fcmToken = token;
	}

	reportLocation(body: Payload): void {
		this.locations.push({ latitude: textOf(body.latitude), longitude: textOf(body.longitude), datetime: textOf(body.datetime) });
	}

	requestShopLimit(body: Payload): void {
		const request = { reqdate: textOf(body.reqdate), reqperiodstring: textOf(body.reqperiodstring), periodfrom: textOf(body.periodfrom), periodto: textOf(body.periodto), deviceid: textOf(body.deviceid) };
		if (request.periodfrom > request.periodto) throw badRequest(`periodfrom ${request.periodfrom} is after periodto ${request.periodto}`);
		this.shopLimitRequests.push(request);
	}
}
