import type { INodeProperties } from 'n8n-workflow';

import * as getFields from './getFields.operation';
import * as listModels from './listModels.operation';

export const operations = { getFields, listModels };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['model'] } },
		options: [
			{ name: 'Get Fields', value: 'getFields', description: 'List the fields of a model (fields_get)', action: 'Get the fields of a model' },
			{ name: 'List Models', value: 'listModels', description: 'List the models of the instance', action: 'List models' },
		],
		default: 'listModels',
	},
	...getFields.description,
	...listModels.description,
];
