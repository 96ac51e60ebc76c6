import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { ParameterError } from '../../../shared/parameterError';
import {
	contextOptions,
	domainFilters,
	fieldsOption,
	includeComputedOption,
	returnAllProperties,
	modelLocator,
	optionsCollection,
	simplifyOption,
} from '../common.descriptions';
import { callContextOf, checkedDomainOf, modelOf, readFieldsOf, recordsOut, type OperationRun } from '../common';

const properties: INodeProperties[] = [
	modelLocator,
	...domainFilters,
	...returnAllProperties,
	optionsCollection([
		fieldsOption,
		includeComputedOption,
		{
			displayName: 'Sort',
			name: 'order',
			type: 'string',
			default: '',
			placeholder: 'write_date desc, name',
			description: 'Odoo order string; the record ID is always added last so that pages never overlap',
		},
		{
			displayName: 'Offset',
			name: 'offset',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'How many matching records to skip first',
		},
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10000 },
			default: 1000,
			description: 'Records read per request when returning many',
		},
		simplifyOption,
		...contextOptions,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['getMany'] } }, properties);

const ORDER = /^\s*[a-z0-9_]+(\s+(asc|desc))?\s*(,\s*[a-z0-9_]+(\s+(asc|desc))?\s*)*$/i;

/** The user's order plus `id`, so that consecutive pages never overlap or skip records. */
function stableOrder(order: string): string {
	if (order.trim() === '') return 'id';
	if (!ORDER.test(order)) throw new ParameterError(`"${order}" is not an Odoo order like "name desc, id"`, 'Sort');
	return /(^|,)\s*id(\s|,|$)/i.test(order) ? order : `${order}, id`;
}

export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	return await run.each(async (i) => {
		const model = modelOf(context, i);
		const options = context.getNodeParameter('options', i, {}) as IDataObject;
		const domain = await checkedDomainOf(client, context, model, i);
		const callContext = callContextOf(context, i);
		const fields = await readFieldsOf(client, model, options, i);
		const returnAll = context.getNodeParameter('returnAll', i, false) as boolean;
		const wanted = returnAll ? Infinity : (context.getNodeParameter('limit', i, 50) as number);
		const pageSize = Math.max(1, Number(options.pageSize ?? 1000));
		const order = stableOrder(String(options.order ?? ''));

		const offset = Number(options.offset ?? 0);
		// Each page is shaped (Simplify) as it arrives, so that the raw page is freed before the next one comes:
		// the records are held once, not twice, however many there are.
		const out: IDataObject[] = [];
		for await (const page of client.searchReadPages(model, domain, fields, { offset, limit: wanted, pageSize, order, context: callContext }, i)) {
			for (const record of await recordsOut(run, model, page, i)) out.push(record);
		}
		return out;
	});
}
