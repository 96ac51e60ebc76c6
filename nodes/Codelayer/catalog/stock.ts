import type { CatalogField, Endpoint } from './types';

/** Stock Transfer's body, as Codelayer documents it; Route Save is modelled on it (sale.ts). */
export const stockTransferFields: CatalogField[] = [
	{
		name: 'latitude',
		type: 'decimal',
		min: -90,
		max: 90,
		mandatory: true,
		sample: '8.50472669182539',
		description: 'Latitude, decimal degrees.',
	},
	{ name: 'gp_fyear', type: 'string', mandatory: true, sample: '4_19', description: 'Value from Route Details.' },
	{
		name: 'custcode',
		type: 'integer',
		min: 1,
		max: 999999,
		mandatory: true,
		sample: '359',
		description: "The receiving salesman's code, from Route → Get Salesmen.",
	},
	{
		name: 'paymentmode',
		type: 'character',
		mandatory: true,
		sample: 'D',
		description: "How the cash was received: C = cash, B = cheque (the documentation's sample sends D).",
	},
	{ name: 'cashreceived', type: 'decimal', mandatory: true, sample: '235.50', description: 'Cash received.' },
	{ name: 'roff', type: 'decimal', mandatory: true, sample: '0.40', description: 'Round-off amount.' },
	{ name: 'specialdisc', type: 'decimal', mandatory: true, sample: '1.50', description: 'Special discount.' },
	{
		name: 'longitude',
		type: 'decimal',
		min: -180,
		max: 180,
		mandatory: true,
		sample: '76.97219809387414',
		description: 'Longitude, decimal degrees.',
	},
	{
		name: 'datetime',
		type: 'string',
		mandatory: true,
		format: 'datetime',
		sample: '2021-01-03 07:06:08',
		description: 'Timestamp, PHP Y-m-d H:i:s.',
	},
	{
		name: 'sales',
		type: 'array',
		min: 1,
		mandatory: true,
		description: 'Item-wise lines.',
		fields: [
			{ name: 'taxperc', type: 'decimal', max: 99, mandatory: true, sample: '18', description: 'Tax % from Route Products.' },
			{
				name: 'itemcode',
				type: 'integer',
				min: 1,
				max: 99999,
				mandatory: true,
				sample: '12',
				description: 'Item code from Route Products.',
			},
			{ name: 'qty', type: 'decimal', min: 1, max: 9999, mandatory: true, sample: '45', description: 'Quantity entered by the user.' },
			{ name: 'rate', type: 'decimal', max: 99999, mandatory: true, sample: '12', description: 'Rate from Route Products.' },
		],
	},
];

/** Stock: what Codelayer documents, then what its menu names without a page (published: false). */
export const stockEndpoints: Endpoint[] = [
	{
		resource: 'stock',
		operation: 'transfer',
		displayName: 'Transfer',
		action: 'Transfer stock',
		description: 'Transfers stock from the current route/vehicle to another (target identified via custcode from the salesmen list).',
		path: 'sales/stock_transfer',
		server: 'api',
		sendsKey: true,
		repeatable: false,
		published: true,
		request: stockTransferFields,
		response: { status: 'string', slno: 'integer' },
	},
];
