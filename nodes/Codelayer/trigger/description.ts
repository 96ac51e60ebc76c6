import type { INodeProperties } from 'n8n-workflow';

import { retryOptions } from '../../shared/retries';
import { outputOptions } from '../actions/output';

/** The action node's Numbers as Numbers, as it is there. */
const numbersOption = outputOptions.filter((option) => option.name === 'numbers');

/** The trigger's parameters (n8n adds Poll Times itself to every node with `polling: true`). */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Each new row of the route report (a sale saved through Route Save) starts the workflow once. The first poll records what the report already holds, unless Emit Existing Rows on First Poll is on.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Customer Name',
				name: 'custname',
				type: 'string',
				default: '',
				placeholder: 'AROMAL FOODS -KOLLAM',
				description: 'Only sales to this customer, named as the report names it (custname; case and outer spaces ignored)',
			},
			{
				displayName: 'Payment Mode',
				name: 'paymentmode',
				type: 'string',
				default: '',
				placeholder: 'Cash',
				description: 'Only sales paid this way, as the report writes it (paymentmode, e.g. Cash or Cheque; case ignored)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Route Details',
				name: 'routeDetails',
				type: 'boolean',
				default: false,
				description: "Whether to add the day's gp_fyear, routename, salesman and vehicle (from Route Details) to each item",
			},
			{
				displayName: 'Emit Existing Rows on First Poll',
				name: 'emitExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether the first poll emits the rows the report already holds. Off: it records them, and only sales saved after it start the workflow.',
			},
			...numbersOption,
		],
	},
	{
		displayName: 'Connection',
		name: 'connection',
		type: 'collection',
		placeholder: 'Add Connection Option',
		default: {},
		options: retryOptions,
	},
];
