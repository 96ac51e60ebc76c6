import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { odooOperator } from '../../helpers/operators';
import { callContextOf, checkedDomainOf, modelOf, type OperationRun } from '../common';
import { contextOptions, domainFilters, limitProperty, modelLocator, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	modelLocator,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Text to look for in the display name (empty matches every record)',
	},
	{
		displayName: 'Match',
		name: 'nameOperator',
		type: 'options',
		options: [
			{ name: 'Contains (Case-Insensitive)', value: 'ilike' },
			{ name: 'Contains', value: 'like' },
			{ name: 'Is Exactly', value: 'equal' },
			{ name: 'Is Exactly (Case-Insensitive)', value: 'matchesPatternIgnoringCase' },
		],
		default: 'ilike',
	},
	...domainFilters,
	limitProperty,
	optionsCollection(contextOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['searchByName'] } }, properties);

/** `name_search`: what Odoo's own many2one inputs use; one item per match, as { id, name }. */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	return await run.each(async (i) => {
		const model = modelOf(context, i);
		const args = await checkedDomainOf(client, context, model, i);
		const pairs = await client.nameSearch(
			model,
			{
				name: context.getNodeParameter('name', i, '') as string,
				args,
				operator: odooOperator(context.getNodeParameter('nameOperator', i, 'ilike') as string),
				limit: context.getNodeParameter('limit', i, 50) as number,
				context: callContextOf(context, i),
			},
			i,
		);
		return pairs.map(([id, name]) => ({ id, name }));
	});
}
