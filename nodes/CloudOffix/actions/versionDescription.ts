/* eslint-disable n8n-nodes-base/node-filename-against-convention */
import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { parallelRequestsOption } from '../../shared/parallelRequests';
import { retryOptions } from '../../shared/retries';
import * as attachment from './attachment/Attachment.resource';
import * as method from './method/Method.resource';
import * as model from './model/Model.resource';
import * as record from './record/Record.resource';
import * as report from './report/Report.resource';

/** The protocol of the Connection options, the trigger's too. */
export const wireFormatOption: INodeProperties = {
	displayName: 'Protocol',
	name: 'wireFormat',
	type: 'options',
	options: [
		{ name: 'JSON-RPC With Session', value: 'jsonRpcSession', description: 'One login, then the session (fastest)' },
		{ name: 'JSON-RPC (/Jsonrpc)', value: 'jsonRpc', description: 'Login and password in every call' },
		{ name: 'XML-RPC', value: 'xmlRpc', description: 'Login and password in every call, XML on the wire' },
	],
	default: 'jsonRpcSession',
};

/** Records per call where items can share one: Create, Create or Update, Get, Update with the same values, Delete. */
export const DEFAULT_BATCH_SIZE = 500;

export const batchSizeOption: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 5000 },
	default: DEFAULT_BATCH_SIZE,
	description:
		'How many records one call may carry where items share it: Create, Create or Update, Get by ID, Update with the same values, Delete (1: one call per item). A batch the server refuses is sent again item by item, so each item gets its own result.',
};

/** Everything but the icon and usableAsTool, which stay in CloudOffix.node.ts where n8n's lint looks for them. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'usableAsTool'> = {
	displayName: 'CloudOffix',
	name: 'cloudOffix',
	group: ['transform'],
	version: 1,
	description: 'Work with records, files and printed reports, and call any method of CloudOffix (Odoo 11)',
	defaults: { name: 'CloudOffix' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'cloudOffixApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Attachment', value: 'attachment', description: 'Files attached to records (ir.attachment)' },
				{ name: 'Method', value: 'method', description: 'Call any method of any model' },
				{ name: 'Model', value: 'model', description: 'Discover models and their fields' },
				{ name: 'Record', value: 'record', description: 'Records of any model' },
				{ name: 'Report', value: 'report', description: 'Print records as PDF (ir.actions.report)' },
			],
			default: 'record',
		},
		...record.description,
		...method.description,
		...model.description,
		...attachment.description,
		...report.description,
		{
			displayName: 'Connection',
			name: 'connection',
			type: 'collection',
			placeholder: 'Add Connection Option',
			default: {},
			options: [
				wireFormatOption,
				parallelRequestsOption,
				batchSizeOption,
				...retryOptions,
			],
		},
	],
};
