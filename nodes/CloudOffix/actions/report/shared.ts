import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../../shared/parameterError';
import { REPORT_NAME } from '../../transport/binary';

export const REPORT_MODEL = 'ir.actions.report';

export const reportLocator: INodeProperties = {
	displayName: 'Report',
	name: 'report',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The printed report (ir.actions.report), e.g. the quotation / order of sale.order',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchReports', searchable: true },
		},
		{
			displayName: 'By Report Name',
			name: 'name',
			type: 'string',
			placeholder: 'sale.report_saleorder',
		},
	],
};

/** The report's technical name (report_name), checked before anything is sent: it goes into the route's path. */
export function reportNameOf(context: IExecuteFunctions, itemIndex: number): string {
	const name = String(context.getNodeParameter('report', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!REPORT_NAME.test(name)) throw new ParameterError(`${JSON.stringify(name)} is not a report name like sale.report_saleorder`, reportLocator.displayName);
	return name;
}

/** Record IDs from a comma list ("7, 8"), one number, or an array given by an expression. */
export function recordIdsFrom(value: unknown, field: string): number[] {
	const list = Array.isArray(value) ? value : typeof value === 'number' ? [value] : String(value ?? '').split(',');
	const texts = list.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
	if (texts.length === 0) throw new ParameterError('No record ID is given', field);
	return texts.map((text) => {
		if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
			throw new ParameterError(`"${text}" is not a record ID (a whole number from 1)`, field);
		}
		return Number(text);
	});
}
