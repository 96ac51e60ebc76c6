import { endpointOf } from '../../../../nodes/Codelayer/catalog';

/**
 * Field values that must name something of the sandbox's day: the catalog's samples come from other installations
 * of Codelayer (its stock transfer sample names customer 359 as the receiving salesman, its closing sample another
 * gatepass). Everything else in a request body comes from the catalog.
 */
const NOTIFICATION_DEVICE = endpointOf('notification', 'getMany')?.request.find((field) => field.name === 'deviceid')?.sample;

export const DAY_GATEPASS = '4_19';

export const REFERENCES: Readonly<Record<string, Record<string, unknown>>> = {
	// RAJEEV R, a salesman of Get Salesmen on another route.
	'sales/stock_transfer': { custcode: '15' },
	'sales/route_closing': { gpno_fyear: DAY_GATEPASS },
	'sales/sales_closing': { gp_fyear: DAY_GATEPASS },
	// ABC, a customer of the route.
	'sales/update_shop_details': { custcode: '359' },
	'sales/update_notifications': { deviceid: NOTIFICATION_DEVICE, entryId: '1', seenStatus: 'T' },
};
