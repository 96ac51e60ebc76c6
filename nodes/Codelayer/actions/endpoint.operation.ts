import type { INodeExecutionData } from 'n8n-workflow';

import { planItems, plannedValue } from '../../shared/executeItems';
import type { Endpoint } from '../catalog';
import { codelayerRequest } from '../transport';
import { bodyDefaultsOf, optionsOf, type OperationRun } from './common';
import { PATH } from './endpointProperties';
import { answerItems } from './output';
import { requestBodyOf, requestPath } from './requestBody';

/**
 * Any catalog endpoint: the item's body, checked against the catalog before anything is sent, POSTed to
 * the endpoint's server (the path the user set, for the unpublished ones), and the answer as items.
 */
export async function execute(run: OperationRun, endpoint: Endpoint): Promise<INodeExecutionData[]> {
	const { context, connection } = run;
	// Every item's body is checked before any is sent: a run that stops at a bad item must not have saved the
	// sales of the others, to be saved twice when it is run again after the fix (see planItems).
	const planned = await planItems(context, context.getInputData().length, async (i) => ({
		body: requestBodyOf(context, endpoint, i, await bodyDefaultsOf(context, i)),
		path: endpoint.published ? endpoint.path : requestPath(context.getNodeParameter(PATH, i, endpoint.path), 'Path'),
	}));
	return await run.each(async (i) => {
		const { body, path } = plannedValue(planned[i]);
		const answer = await codelayerRequest(context, { server: endpoint.server, path, body, sendsKey: endpoint.sendsKey, repeatable: endpoint.repeatable }, i, connection);
		return answerItems(answer, endpoint, optionsOf(context, i));
	});
}
