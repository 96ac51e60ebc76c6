import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';

import type { OperationRun } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Only models whose technical name or label contains this text',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['model'], operation: ['listModels'] } }, properties);

/** The models of the instance (ir.model), custom ones included: one item per model. */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	return await run.each(async (i) => {
		const search = String(context.getNodeParameter('search', i, '')).trim();
		const domain = search === '' ? [] : ['|', ['model', 'ilike', search], ['name', 'ilike', search]];
		return await client.searchRead('ir.model', domain, ['model', 'name', 'transient'], { order: 'model' }, i);
	});
}
