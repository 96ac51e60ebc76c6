import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { executeItems } from '../../shared/executeItems';
import { parallelRequestsOf } from '../../shared/parallelRequests';
import { connectionSettingsOf, type RetryParameters } from '../../shared/retries';
import { endpointOf } from '../catalog';
import * as authenticate from './authenticate.operation';
import type { OperationRun } from './common';
import * as customApiCall from './customApiCall.operation';
import * as endpointOperation from './endpoint.operation';

/** Reads resource and operation once; catalog endpoints share one operation, two have their own. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const isCustom = resource === customApiCall.CUSTOM_RESOURCE;
	const endpoint = isCustom ? undefined : endpointOf(resource, this.getNodeParameter('operation', 0, '') as string);
	if (!isCustom && !endpoint) {
		throw new NodeOperationError(this.getNode(), `Codelayer has no operation "${String(this.getNodeParameter('operation', 0, ''))}" on "${resource}"`, {
			description: 'For a call the operations do not offer, use Other → Call Any Endpoint',
		});
	}
	const connection = this.getNodeParameter('connection', 0, {}) as RetryParameters & { concurrency?: number };
	const parallel = parallelRequestsOf(connection);
	const itemCount = this.getInputData().length;
	const run: OperationRun = {
		context: this,
		connection: connectionSettingsOf(connection),
		each: async (runItem) => await executeItems(this, itemCount, parallel, runItem),
	};
	if (!endpoint) return [await customApiCall.execute(run)];
	return [endpoint.fromCredential ? await authenticate.execute(run) : await endpointOperation.execute(run, endpoint)];
}
