import { stockTransferFields } from './stock';
import type { CatalogField, Endpoint } from './types';

/**
 * Route Save has no published page. Its body is modelled on Stock Transfer's, whose fields Codelayer's pages
 * share with the sales save: the code is a customer's (Stock Transfer's is the receiving salesman's), the
 * position is optional (a sale can be keyed in away from the shop), and the sale mode the route report shows
 * is added. Extra Body extends or overrides any of it.
 */
const ROUTE_SAVE_CHANGES: Record<string, Partial<CatalogField>> = {
	custcode: { min: 1, max: 99999, sample: '359', description: 'Customer code from Route Customers.' },
	paymentmode: { sample: 'C', description: 'How the cash was received: C = cash, B = cheque.' },
	cashreceived: { max: 99999 },
	gp_fyear: { min: 4, max: 15 },
	latitude: { mandatory: false },
	longitude: { mandatory: false },
};

const routeSaveFields: CatalogField[] = [
	...stockTransferFields.map((field) => ({ ...field, ...ROUTE_SAVE_CHANGES[field.name] })),
	{
		name: 'salemode',
		type: 'string',
		min: 1,
		max: 6,
		mandatory: false,
		sample: 'Cash',
		description: 'Sale mode as the route report shows it (Cash, Credit).',
	},
];

/** Sale: what Codelayer documents, then what its menu names without a page (published: false). */
export const saleEndpoints: Endpoint[] = [
	{
		resource: 'sale',
		operation: 'getReport',
		displayName: 'Get Report',
		action: 'Get the route report',
		description:
			'Report of sales already saved through Route Save: customer, sale/payment mode, cash received, net amount, special discount.',
		path: 'sales/route_report',
		server: 'api',
		sendsKey: true,
		repeatable: true,
		published: true,
		request: [],
		listField: 'details',
		response: {
			custname: 'string',
			salemode: 'string',
			paymentmode: 'string',
			cashreceived: 'decimal',
			netamount: 'decimal',
			specialdisc: 'decimal',
		},
	},
	{
		resource: 'sale',
		operation: 'getDetails',
		displayName: 'Get Details',
		action: 'Get the sales lines of the route',
		description: 'Item-level sales lines for the route: customer, product, quantity, sale rate vs gatepass rate.',
		path: 'sales/route_salesdetails',
		server: 'api',
		sendsKey: true,
		repeatable: true,
		published: true,
		request: [],
		listField: 'details',
		response: { customer: 'string', product: 'string', qty: 'decimal', srate: 'decimal', gprate: 'string', itemcode: 'integer' },
	},
	{
		resource: 'sale',
		operation: 'create',
		displayName: 'Create',
		action: 'Create a sale',
		description: 'Saves a sale to a customer of the route (Route Save); the route report and sales details list it.',
		path: 'sales/route_save',
		server: 'api',
		sendsKey: true,
		repeatable: false,
		published: false,
		request: routeSaveFields,
		response: { status: 'string', slno: 'integer' },
	},
	{
		resource: 'sale',
		operation: 'createWithRemarks',
		displayName: 'Create With Remarks',
		action: 'Create a sale with remarks',
		description: 'Route Save with a remarks text for the sale.',
		path: 'sales/route_save_remarks',
		server: 'api',
		sendsKey: true,
		repeatable: false,
		published: false,
		request: [...routeSaveFields, { name: 'remarks', type: 'string', mandatory: true, description: 'Remarks on the sale.' }],
		response: { status: 'string', slno: 'integer' },
	},
];
