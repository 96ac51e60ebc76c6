import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../../shared/parameterError';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { MODEL_NAME, type Domain } from '../../transport';
import type { OperationRun } from '../common';
import { REPORT_MODEL } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [{ displayName: 'Model', name: 'model', type: 'string', default: '', placeholder: 'sale.order', description: 'Only the reports that print records of this model' }],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['listReports'] } }, properties);

export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	return await run.each(async (i) => {
		const filters = context.getNodeParameter('filters', i, {}) as IDataObject;
		const model = String(filters.model ?? '').trim();
		const domain: Domain = [];
		if (model !== '') {
			if (!MODEL_NAME.test(model)) throw new ParameterError(`"${model}" is not a model name like sale.order`, 'Model');
			domain.push(['model', '=', model]);
		}
		return await client.searchRead(REPORT_MODEL, domain, ['name', 'model', 'report_name', 'report_type'], { order: 'name, id' }, i);
	});
}
