import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planItems, plannedValue } from '../../../shared/executeItems';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { LookupError } from '../../../shared/parameterError';
import { callContextOf, modelOf, type OperationRun } from '../common';
import { contextOptions, modelLocator, optionsCollection, recordIdLocator } from '../common.descriptions';
import { batchedExistence, batchedUnlinks } from './batchedCalls';
import { missingRecordOption } from './missingRecords';
import { recordIdsOf } from './externalIds';

const properties: INodeProperties[] = [
	modelLocator,
	recordIdLocator,
	optionsCollection([missingRecordOption, ...contextOptions]),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['deleteRecord'] } }, properties);

interface Target {
	model: string;
	id: number;
	errorOnMissing: boolean;
}

/** Each item's model and id, read up front so that existence is checked with one search per model. */
function targetOf(run: OperationRun, itemIndex: number, id: number): Target {
	const { context } = run;
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		model: modelOf(context, itemIndex),
		id,
		errorOnMissing: options.errorOnMissing !== false,
	};
}

/**
 * The existence checks of the items that want one, then the deletes, each batched: one `search` and one `unlink`
 * per model and context for a batch of items instead of one each.
 */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	const checks = batchedExistence(client, run.batching);
	const unlinks = batchedUnlinks(client, run.batching);
	const ids = await recordIdsOf(run);
	const planned = await planItems(context, run.itemCount, (i) => {
		const target = targetOf(run, i, plannedValue(ids[i]));
		if (target.errorOnMissing) checks.add(i, target.model, target.id);
		return target;
	});
	// Every check is answered before any delete is planned, so that a batch deletes only records that exist.
	const checked = await planItems(context, run.itemCount, async (i) => {
		const target = plannedValue(planned[i]);
		if (target.errorOnMissing && !(await checks.result(i))) {
			throw new LookupError(`${target.model} has no record with ID ${target.id}: nothing was deleted`, recordIdLocator.displayName);
		}
		unlinks.add(i, { model: target.model, callContext: callContextOf(context, i) }, target.id);
		return target;
	});
	return await run.each(async (i) => {
		const { id } = plannedValue(checked[i]);
		await unlinks.result(i);
		return { id, deleted: true };
	});
}
