import type { INodeProperties } from 'n8n-workflow';

import * as deleteAttachment from './delete.operation';
import * as download from './download.operation';
import * as getMany from './getMany.operation';
import * as upload from './upload.operation';

export const operations = { deleteAttachment, download, getMany, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attachment'] } },
		options: [
			{ name: 'Delete', value: 'deleteAttachment', description: 'Delete an attachment', action: 'Delete an attachment' },
			{ name: 'Download', value: 'download', description: 'Download an attachment, or all files of a record, as binary data', action: 'Download an attachment' },
			{ name: 'Get Many', value: 'getMany', description: 'List attachments (metadata, without the files)', action: 'Get many attachments' },
			{ name: 'Upload', value: 'upload', description: 'Attach a file of the input item to a record', action: 'Upload an attachment' },
		],
		default: 'upload',
	},
	...deleteAttachment.description,
	...download.description,
	...getMany.description,
	...upload.description,
];
