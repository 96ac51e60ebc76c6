import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { callContextOf, modelOf, type OperationRun } from '../common';
import { contextOptions, modelLocator, optionsCollection } from '../common.descriptions';
import { fieldValuesOf, fieldValuesProperties } from './fieldValues';

const properties: INodeProperties[] = [
	modelLocator,
	...fieldValuesProperties('add'),
	optionsCollection(contextOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['create'] } }, properties);

/**
 * One `create` per item (Odoo 11 takes one dict per call). A create is never retried after a failure the
 * server may have acted on: only an expired-session answer, which Odoo sends before running anything,
 * is retried.
 */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	return await run.each(async (i) => {
		const model = modelOf(context, i);
		const values = await fieldValuesOf(run, model, i);
		return { id: await client.create(model, values, callContextOf(context, i), i) };
	});
}
