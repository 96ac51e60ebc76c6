import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { parseJsonObject } from '../../shared/jsonParameters';
import { planItems, plannedValue } from '../../shared/executeItems';
import { updateDisplayOptions } from '../../shared/updateDisplayOptions';
import { codelayerRequest } from '../transport';
import { optionsOf, type OperationRun } from './common';
import { answerItems } from './output';
import { requestPath } from './requestBody';

export const CUSTOM_RESOURCE = 'other';
export const CUSTOM_OPERATION = 'customApiCall';

const properties: INodeProperties[] = [
	{
		displayName: 'Server',
		name: 'server',
		type: 'options',
		options: [
			{ name: 'API', value: 'api', description: "The credential's API base URL" },
			{ name: 'Licence Server', value: 'license', description: "The credential's licence server URL" },
		],
		default: 'api',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'sales/route_details',
		description: 'Relative to the server URL',
	},
	{
		displayName: 'Send Key',
		name: 'sendKey',
		type: 'boolean',
		default: true,
		description: 'Whether the body carries the session key (every API call but the login does; the licence server takes none)',
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		description: 'The JSON body; the key is added by the credential when Send Key is on',
	},
];

export const description = updateDisplayOptions({ show: { resource: [CUSTOM_RESOURCE], operation: [CUSTOM_OPERATION] } }, properties);

/** Any path on either server, with a JSON body: for what the catalog does not know yet. */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, connection } = run;
	// Every item's call is checked before any is sent (see planItems).
	const planned = await planItems(context, context.getInputData().length, (i) => ({
		path: requestPath(context.getNodeParameter('path', i, ''), 'Path'),
		body: parseJsonObject(context.getNodeParameter('body', i, '{}'), 'Body (JSON)') as IDataObject,
		server: context.getNodeParameter('server', i, 'api') as 'api' | 'license',
		sendsKey: context.getNodeParameter('sendKey', i, true) as boolean,
	}));
	return await run.each(async (i) => {
		// What an unknown endpoint does is unknown: only a failure before it reached the server sends it again.
		const answer = await codelayerRequest(context, { ...plannedValue(planned[i]), repeatable: false }, i, connection);
		return answerItems(answer, undefined, optionsOf(context, i));
	});
}
