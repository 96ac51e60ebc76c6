import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planItems, plannedValue } from '../../../shared/executeItems';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { LookupError } from '../../../shared/parameterError';
import { callContextOf, modelOf, recordIdOf, type OperationRun } from '../common';
import { contextOptions, modelLocator, optionsCollection, recordIdLocator } from '../common.descriptions';
import { existingIds, missingRecordOption } from './missingRecords';

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
function targetOf(run: OperationRun, itemIndex: number): Target {
	const { context } = run;
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		model: modelOf(context, itemIndex),
		id: recordIdOf(context, itemIndex),
		errorOnMissing: options.errorOnMissing !== false,
	};
}

export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	const planned = await planItems(run.itemCount, (i) => targetOf(run, i));
	const checked = planned.flatMap((target) => ('value' in target && target.value.errorOnMissing ? [target.value] : []));
	const existing = new Map<string, Promise<Set<number>>>();
	for (const target of checked) {
		if (existing.has(target.model)) continue;
		const ids = checked.filter((t) => t.model === target.model).map((t) => t.id);
		const check = existingIds(client, target.model, ids, 0);
		check.catch(() => undefined); // each item that needs it reports the failure
		existing.set(target.model, check);
	}

	return await run.each(async (i) => {
		const { model, id, errorOnMissing } = plannedValue(planned[i]);
		if (errorOnMissing && !(await existing.get(model))?.has(id)) {
			throw new LookupError(`${model} has no record with ID ${id}: nothing was deleted`, recordIdLocator.displayName);
		}
		await client.unlink(model, [id], callContextOf(context, i), i);
		return { id, deleted: true };
	});
}
