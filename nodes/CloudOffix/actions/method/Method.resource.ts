import type { INodeProperties } from 'n8n-workflow';

import * as call from './call.operation';

export const operations = { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['method'] } },
		options: [{ name: 'Call', value: 'call', description: 'Call any method of any model', action: 'Call a model method' }],
		default: 'call',
	},
	...call.description,
];
