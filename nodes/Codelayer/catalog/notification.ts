import type { Endpoint } from './types';

/** Notification: what Codelayer documents, then what its menu names without a page (published: false). */
export const notificationEndpoints: Endpoint[] = [
	{
		resource: 'notification',
		operation: 'getMany',
		displayName: 'Get Many',
		action: 'Get the notifications of a device',
		description: 'Fetches the push-notification messages sent to a given device, with sent/seen status.',
		path: 'sales/get_notifications',
		server: 'api',
		sendsKey: true,
		repeatable: true,
		published: true,
		request: [
			{
				name: 'deviceid',
				type: 'string',
				mandatory: true,
				sample: 'GB_routes_C35EAF1416256520A00BCDB138F48EFC08AE7B18',
				description: 'Device identifier.',
			},
		],
		listField: 'details',
		response: {
			messageText: 'string',
			entryDate: 'string',
			responseId: 'string',
			sentDate: 'string',
			seenStatus: 'string',
			seenDate: 'string',
			entryId: 'string',
		},
	},
	{
		resource: 'notification',
		operation: 'update',
		displayName: 'Update',
		action: 'Mark notifications as seen',
		description: "Sets the seen status of a device's notifications.",
		path: 'sales/update_notifications',
		server: 'api',
		sendsKey: true,
		repeatable: true,
		published: false,
		request: [
			{ name: 'deviceid', type: 'string', mandatory: false, description: 'Device identifier.' },
			{ name: 'entryId', type: 'string', mandatory: false, description: "The notification's entryId from Notification Details." },
			{ name: 'seenStatus', type: 'string', mandatory: false, description: 'T once seen.' },
		],
		response: { status: 'string' },
	},
];
