import type { INodeExecutionData } from 'n8n-workflow';

import type { Endpoint } from '../catalog';
import { codelayerRequest } from '../transport';
import { bodyDefaultsOf, optionsOf, type OperationRun } from './common';
import { PATH } from './endpointProperties';
import { answerItems } from './output';
import { requestBodyOf } from './requestBody';

/**
 * Any catalog endpoint: the item's body, checked against the catalog before anything is sent, POSTed to
 * the endpoint's server (the path the user set, for the unpublished ones), and the answer as items.
 */
export async function execute(run: OperationRun, endpoint: Endpoint): Promise<INodeExecutionData[]> {
	const { context, connection } = run;
	return await run.each(async (i) => {
		const body = requestBodyOf(context, endpoint, i, await bodyDefaultsOf(context, i));
		const path = endpoint.published ? endpoint.path : String(context.getNodeParameter(PATH, i, endpoint.path)).trim();
		const answer = await codelayerRequest(context, { server: endpoint.server, path, body, sendsKey: endpoint.sendsKey, repeatable: endpoint.repeatable }, i, connection);
		return answerItems(answer, endpoint, optionsOf(context, i));
	});
}
