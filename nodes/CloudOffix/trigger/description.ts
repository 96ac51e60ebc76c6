/* eslint-disable n8n-nodes-base/node-filename-against-convention */
import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import { contextOptions, domainFilters, fieldsOption, includeComputedOption, modelLocator, optionsCollection, simplifyOption } from '../actions/common.descriptions';
import { retryOptions } from '../../shared/retries';
import { wireFormatOption } from '../actions/versionDescription';

/** Everything but the icon and subtitle, which stay in CloudOffixTrigger.node.ts where n8n's lint looks for them. */
export const triggerDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle'> = {
	displayName: 'CloudOffix Trigger',
	name: 'cloudOffixTrigger',
	group: ['trigger'],
	version: 1,
	description: 'Starts the workflow when records of a CloudOffix model are created or changed',
	defaults: { name: 'CloudOffix Trigger' },
	polling: true,
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'cloudOffixApi', required: true }],
	properties: [
		modelLocator,
		{
			displayName: 'Event',
			name: 'event',
			type: 'options',
			options: [
				{ name: 'New Record', value: 'created', description: 'A record was created (create_date)' },
				{ name: 'New or Updated Record', value: 'createdOrUpdated', description: 'A record was created or changed (write_date)' },
			],
			default: 'created',
		},
		...domainFilters,
		optionsCollection([
			fieldsOption,
			includeComputedOption,
			simplifyOption,
			{
				displayName: 'Look-Back Window (Minutes)',
				name: 'lookBackMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 5,
				description:
					'How far behind the newest change each poll looks again. Odoo stamps a change with the time its transaction began, so one that commits late carries an older stamp; the window delivers it, once.',
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: 1000,
				description: 'Records read per request when many changed',
			},
			...contextOptions,
		]),
		{
			displayName: 'Connection',
			name: 'connection',
			type: 'collection',
			placeholder: 'Add Connection Option',
			default: {},
			options: [wireFormatOption, ...retryOptions],
		},
	],
};
