/* eslint-disable n8n-nodes-base/node-filename-against-convention */
import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { parallelRequestsOption } from '../../shared/parallelRequests';
import { retryOptions } from '../../shared/retries';
import { ENDPOINTS, RESOURCES } from '../catalog';
import * as customApiCall from './customApiCall.operation';
import { endpointProperties } from './endpointProperties';
import { outputOptions } from './output';

/** Each resource's operation selector, from the catalog; unpublished endpoints say so in their description. */
function operationSelectors(): INodeProperties[] {
	return RESOURCES.map(({ value }) => {
		const endpoints = ENDPOINTS.filter((endpoint) => endpoint.resource === value).sort((a, b) => a.displayName.localeCompare(b.displayName));
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is the resource's first operation
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [value] } },
			options: endpoints.map((endpoint) => ({
				name: endpoint.displayName,
				value: endpoint.operation,
				action: endpoint.action,
				description: endpoint.published ? endpoint.description : `${endpoint.description} (path not published by Codelayer)`,
			})),
			default: endpoints[0].operation,
		};
	});
}

/** The catalog's resources, and Other for the custom call. */
const resourceOptions = [
	...RESOURCES.map(({ value, name, description }) => ({ name, value, description })),
	{ name: 'Other', value: customApiCall.CUSTOM_RESOURCE, description: 'Any other call' },
];

/** Everything but the icon and usableAsTool, which stay in Codelayer.node.ts where n8n's lint looks for them. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'usableAsTool'> = {
	displayName: 'Codelayer',
	name: 'codelayer',
	group: ['transform'],
	version: 1,
	description: 'Routes, customers, products, sales, returns, stock and day closing of Codelayer van sales',
	defaults: { name: 'Codelayer' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'codelayerApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resourceOptions,
			default: 'route',
		},
		...operationSelectors(),
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [customApiCall.CUSTOM_RESOURCE] } },
			options: [
				{ name: 'Call Any Endpoint', value: customApiCall.CUSTOM_OPERATION, action: 'Call any endpoint', description: 'Call any path on either server, with the key and the error handling of the other operations' },
			],
			default: 'customApiCall',
		},
		...ENDPOINTS.flatMap(endpointProperties),
		...customApiCall.description,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				...outputOptions,
				{
					displayName: 'Timezone',
					name: 'timezone',
					type: 'string',
					default: '',
					placeholder: 'Asia/Kolkata',
					description: "Zone of the date-times sent (Codelayer takes the device's wall clock); empty: the workflow's timezone",
				},
			],
		},
		{
			displayName: 'Connection',
			name: 'connection',
			type: 'collection',
			placeholder: 'Add Connection Option',
			default: {},
			options: [
				parallelRequestsOption,
				...retryOptions,
			],
		},
	],
};
