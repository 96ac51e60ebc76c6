import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { executeItems } from '../../shared/executeItems';
import { parallelRequestsOf } from '../../shared/parallelRequests';
import { connectionSettingsOf, type RetryParameters } from '../../shared/retries';
import { cloudOffixClient, type WireFormat } from '../transport';
import * as attachment from './attachment/Attachment.resource';
import type { OperationRun } from './common';
import * as method from './method/Method.resource';
import * as model from './model/Model.resource';
import * as record from './record/Record.resource';
import * as report from './report/Report.resource';
import { DEFAULT_BATCH_SIZE } from './versionDescription';

const RESOURCES = { attachment: attachment.operations, method: method.operations, model: model.operations, record: record.operations, report: report.operations };

type Operations = Record<string, { execute: (run: OperationRun) => Promise<INodeExecutionData[]> }>;

/** Reads resource, operation and the connection options once, and hands every item to the operation. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	// n8n's editor offers a "Custom API Call" resource on nodes whose credential HTTP Request can use.
	if (!Object.hasOwn(RESOURCES, resource)) {
		throw new NodeOperationError(this.getNode(), `The resource "${resource}" is not one of the CloudOffix node's`, {
			description: 'For a call the operations do not offer, use Method → Call (any method of any model), or the HTTP Request node with the CloudOffix API credential',
		});
	}
	const operation = this.getNodeParameter('operation', 0) as string;
	const connection = this.getNodeParameter('connection', 0, {}) as RetryParameters & { wireFormat?: WireFormat; concurrency?: number; batchSize?: number };
	const selected = (RESOURCES[resource as keyof typeof RESOURCES] as Operations)[operation];
	if (!selected) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not known`);
	const itemCount = this.getInputData().length;
	const parallel = parallelRequestsOf(connection);
	const run: OperationRun = {
		context: this,
		client: cloudOffixClient(this, connection.wireFormat ?? 'jsonRpcSession', connectionSettingsOf(connection)),
		itemCount,
		batching: { size: Math.max(1, Math.floor(connection.batchSize ?? DEFAULT_BATCH_SIZE)), parallel },
		each: async (runItem, concurrency = parallel) => await executeItems(this, itemCount, Math.min(concurrency, parallel), runItem),
	};
	return [await selected.execute(run)];
}
