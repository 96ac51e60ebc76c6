import type { INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { modelOf, type OperationRun } from '../common';
import { modelLocator } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['model'], operation: ['getFields'] } }, [modelLocator]);

/** `fields_get` of a model: one item per field with its label, type, required/readonly and relation. */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	return await run.each(async (i) => {
		const fields = await client.fields(modelOf(context, i), i);
		return Object.entries(fields).map(([name, field]) => ({ name, ...field }));
	});
}
