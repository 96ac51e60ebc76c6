import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { callContextOf, checkedDomainOf, modelOf, type OperationRun } from '../common';
import { contextOptions, domainFilters, modelLocator, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	modelLocator,
	...domainFilters,
	optionsCollection(contextOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['count'] } }, properties);

export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	return await run.each(async (i) => {
		const model = modelOf(context, i);
		const callContext = callContextOf(context, i);
		return { model, count: await client.searchCount(model, await checkedDomainOf(client, context, model, i), callContext, i) };
	});
}
