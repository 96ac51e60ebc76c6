import type { INodeProperties } from 'n8n-workflow';

import * as aggregate from './aggregate.operation';
import * as count from './count.operation';
import * as create from './create.operation';
import * as deleteRecord from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as searchByName from './searchByName.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = { aggregate, count, create, deleteRecord, get, getMany, searchByName, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['record'] } },
		options: [
			{ name: 'Aggregate', value: 'aggregate', description: 'Group records and total fields (read_group)', action: 'Aggregate records' },
			{ name: 'Count', value: 'count', description: 'Count records matching a filter', action: 'Count records' },
			{ name: 'Create', value: 'create', description: 'Create a record', action: 'Create a record' },
			{ name: 'Create or Update', value: 'upsert', description: 'Create a new record, or update the current one if it already exists (upsert)', action: 'Create or update a record' },
			{ name: 'Delete', value: 'deleteRecord', description: 'Delete a record', action: 'Delete a record' },
			{ name: 'Get', value: 'get', description: 'Get a record by ID', action: 'Get a record' },
			{ name: 'Get Many', value: 'getMany', description: 'Get records matching a filter', action: 'Get many records' },
			{ name: 'Search by Name', value: 'searchByName', description: 'Find records by display name (name_search)', action: 'Search records by name' },
			{ name: 'Update', value: 'update', description: 'Update a record', action: 'Update a record' },
		],
		default: 'getMany',
	},
	...aggregate.description,
	...count.description,
	...create.description,
	...deleteRecord.description,
	...get.description,
	...getMany.description,
	...searchByName.description,
	...update.description,
	...upsert.description,
];
