import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planItems, plannedValue } from '../../../shared/executeItems';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { callContextOf, modelOf, type OperationRun } from '../common';
import { contextOptions, modelLocator, optionsCollection, recordIdLocator } from '../common.descriptions';
import { batchedWrites } from './batchedCalls';
import { fieldValuesOf, fieldValuesProperties } from './fieldValues';
import { recordIdsOf } from './externalIds';
import { binaryFieldInputsOf, binaryFieldValues, binaryFieldsFromInputOption } from './binaryFields';

const properties: INodeProperties[] = [
	modelLocator,
	recordIdLocator,
	...fieldValuesProperties('add'),
	optionsCollection([binaryFieldsFromInputOption, ...contextOptions]),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['update'] } }, properties);

/**
 * Every item's values are read and checked first; items that write the same values share one `write` (Connection
 * → Batch Size). `write` of a missing id is a MissingError in Odoo 11, so no extra check is needed: in a batch it
 * refuses the whole call, and the items then write one by one, the missing one failing on its own.
 */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	const writes = batchedWrites(client, run.batching);
	const ids = await recordIdsOf(run);
	const planned = await planItems(context, run.itemCount, async (i) => {
		const model = modelOf(context, i);
		const id = plannedValue(ids[i]);
		const values = await fieldValuesOf(run, model, i);
		const callContext = callContextOf(context, i);
		// An item with binary fields writes on its own, its files read when it runs (not held for the whole batch).
		const binary = await binaryFieldInputsOf(context, client, model, values, i);
		if (binary.length === 0) writes.add(i, { model, values, callContext }, id);
		return { id, alone: binary.length === 0 ? undefined : { model, values, callContext, binary } };
	});
	return await run.each(async (i) => {
		const { id, alone } = plannedValue(planned[i]);
		if (alone) await client.write(alone.model, [id], { ...alone.values, ...(await binaryFieldValues(context, alone.binary, i)) }, alone.callContext, i);
		else await writes.result(i);
		return { id, updated: true };
	});
}
