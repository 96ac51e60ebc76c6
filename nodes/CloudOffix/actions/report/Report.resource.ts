import type { INodeProperties } from 'n8n-workflow';

import * as listReports from './listReports.operation';
import * as print from './print.operation';

export const operations = { listReports, print };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{ name: 'List Reports', value: 'listReports', description: 'List the printed reports (ir.actions.report)', action: 'List reports' },
			{ name: 'Print', value: 'print', description: 'Print records with a report, as a PDF file', action: 'Print a report' },
		],
		default: 'print',
	},
	...listReports.description,
	...print.description,
];
