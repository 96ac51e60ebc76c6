import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { OutputItem, planItems, plannedValue } from '../../../shared/executeItems';
import { LookupError } from '../../../shared/parameterError';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import type { CloudOffixClient } from '../../transport';
import { printReport, safeFileName, type ReportRef } from '../../transport/binary';
import type { OperationRun } from '../common';
import { optionsCollection } from '../common.descriptions';
import { REPORT_MODEL, recordIdsFrom, reportLocator, reportNameOf } from './shared';

const RECORD_IDS = 'Record IDs';

const properties: INodeProperties[] = [
	reportLocator,
	{
		displayName: RECORD_IDS,
		name: 'recordIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: '7, 8',
		description: 'The records to print, of the report\'s model: a comma-separated list, or an array from an expression. All of an item\'s records go into one PDF.',
	},
	{
		displayName: 'Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The binary field of the output item to put the PDF in',
	},
	optionsCollection([
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			description: 'The PDF\'s file name, without .pdf; empty: the report\'s name, and the record\'s when there is one',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['print'] } }, properties);

interface Report extends ReportRef {
	model: string;
}

/** Each report is looked up once per run, however many items print it. */
function reportLookup(client: CloudOffixClient) {
	const found = new Map<string, Promise<Report | undefined>>();
	return async (reportName: string, itemIndex: number): Promise<Report> => {
		let report = found.get(reportName);
		if (!report) {
			report = client
				.searchRead(REPORT_MODEL, [['report_name', '=', reportName], ['report_type', 'in', ['qweb-pdf', 'qweb-html']]], ['name', 'model', 'report_name'], { order: 'name, id', limit: 1 }, itemIndex)
				.then(([record]) => (record ? { id: record.id, name: String(record.name), model: String(record.model), reportName } : undefined));
			found.set(reportName, report);
			report.catch(() => found.delete(reportName));
		}
		const result = await report;
		if (!result) throw new LookupError(`There is no report named "${reportName}"`, reportLocator.displayName);
		return result;
	};
}

/** `<report name> - <record display name>.pdf` for one record, `<report name>.pdf` for several. */
async function fileNameOf(client: CloudOffixClient, report: Report, ids: number[], given: string, itemIndex: number): Promise<string> {
	if (given.trim() !== '') return safeFileName(given, 'pdf');
	if (ids.length !== 1) return safeFileName(report.name, 'pdf');
	const pairs = (await client.execute({ model: report.model, method: 'name_get', args: [ids] }, itemIndex)) as Array<[number, string]>;
	const displayName = pairs[0]?.[1];
	return safeFileName(displayName ? `${report.name} - ${displayName}` : report.name, 'pdf');
}

export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	const lookup = reportLookup(client);
	const planned = await planItems(context, run.itemCount, (i) => ({
		reportName: reportNameOf(context, i),
		ids: recordIdsFrom(context.getNodeParameter('recordIds', i, ''), RECORD_IDS),
		property: String(context.getNodeParameter('binaryPropertyName', i, 'data')).trim() || 'data',
		fileName: String((context.getNodeParameter('options', i, {}) as IDataObject).fileName ?? ''),
	}));
	return await run.each(async (i) => {
		const { reportName, ids, property, fileName } = plannedValue(planned[i]);
		const report = await lookup(reportName, i);
		const pdf = await printReport(client, context.getNode(), report, ids, i);
		const name = await fileNameOf(client, report, ids, fileName, i);
		const binary = await context.helpers.prepareBinaryData(pdf, name, 'application/pdf');
		return new OutputItem({ report: reportName, reportTitle: report.name, model: report.model, recordIds: ids, fileName: name, fileSize: pdf.length }, { [property]: binary });
	});
}
