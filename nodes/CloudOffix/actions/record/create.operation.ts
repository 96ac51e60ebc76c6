import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planItems, plannedValue } from '../../../shared/executeItems';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { callContextOf, modelOf, type OperationRun } from '../common';
import { contextOptions, modelLocator, optionsCollection } from '../common.descriptions';
import { batchedCreates } from './batchedCreate';
import { fieldValuesOf, fieldValuesProperties } from './fieldValues';
import { binaryFieldInputsOf, binaryFieldValues, binaryFieldsFromInputOption, type BinaryFieldInput } from './binaryFields';

const properties: INodeProperties[] = [
	modelLocator,
	...fieldValuesProperties('add'),
	optionsCollection([binaryFieldsFromInputOption, ...contextOptions]),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['create'] } }, properties);

interface PlannedCreate {
	model: string;
	/** Set for an item created on its own (no batching, or values `load` cannot carry). */
	alone?: { values: IDataObject; callContext: IDataObject; binary: BinaryFieldInput[] };
}

/**
 * Items are planned first (values read and checked); those `load` can carry go in batches of Batch Size
 * (batchedCreate.ts), the others make one `create` each (Odoo 11 takes one dict per call). A create is never sent
 * again after a failure the server may have acted on: only an expired-session answer, which Odoo sends before
 * running anything, and a batch `load` refused (which created nothing) lead to another call.
 */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	const creates = batchedCreates(client, context.getNode(), run.batching);
	const planned = await planItems(context, run.itemCount, async (i): Promise<PlannedCreate> => {
		const model = modelOf(context, i);
		const values = await fieldValuesOf(run, model, i);
		const callContext = callContextOf(context, i);
		// Binary values cannot go through `load`: such items are created on their own, their files read when they run.
		const binary = await binaryFieldInputsOf(context, client, model, values, i);
		if (binary.length === 0 && creates.add(i, model, values, await client.fields(model, i), callContext)) return { model };
		return { model, alone: { values, callContext, binary } };
	});
	return await run.each(async (i) => {
		const { model, alone } = plannedValue(planned[i]);
		if (!alone) return { id: await creates.id(i) };
		const values = alone.binary.length === 0 ? alone.values : { ...alone.values, ...(await binaryFieldValues(context, alone.binary, i)) };
		return { id: await client.create(model, values, alone.callContext, i) };
	});
}
