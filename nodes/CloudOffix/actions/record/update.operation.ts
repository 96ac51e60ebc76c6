import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { callContextOf, modelOf, recordIdOf, type OperationRun } from '../common';
import { contextOptions, modelLocator, optionsCollection, recordIdLocator } from '../common.descriptions';
import { fieldValuesOf, fieldValuesProperties } from './fieldValues';

const properties: INodeProperties[] = [
	modelLocator,
	recordIdLocator,
	...fieldValuesProperties('add'),
	optionsCollection(contextOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['update'] } }, properties);

/** `write` of a missing id is a MissingError in Odoo 11, so no extra check is needed here. */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	return await run.each(async (i) => {
		const model = modelOf(context, i);
		const id = recordIdOf(context, i);
		const values = await fieldValuesOf(run, model, i);
		await client.write(model, [id], values, callContextOf(context, i), i);
		return { id, updated: true };
	});
}
