import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planItems, plannedValue } from '../../../shared/executeItems';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { LookupError } from '../../../shared/parameterError';
import { callContextOf, modelOf, readFieldsOf, recordsOut, type OperationRun } from '../common';
import { contextOptions, fieldsOption, includeComputedOption, modelLocator, optionsCollection, recordIdLocator, simplifyOption } from '../common.descriptions';
import { batchedReads } from './batchedCalls';
import { missingRecordOption } from './missingRecords';
import { batchedExternalIdsOfRecords, includeExternalIdOption, recordIdsOf, wantsExternalId } from './externalIds';

const properties: INodeProperties[] = [
	modelLocator,
	recordIdLocator,
	optionsCollection([fieldsOption, includeComputedOption, missingRecordOption, includeExternalIdOption, simplifyOption, ...contextOptions]),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['get'] } }, properties);

interface PlannedRead {
	model: string;
	id: number;
	errorOnMissing: boolean;
	withExternalId: boolean;
}

export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	const reads = batchedReads(client, run.batchSize);
	const externalIds = batchedExternalIdsOfRecords(client, run.batchSize);
	const ids = await recordIdsOf(run);
	const plan = async (i: number): Promise<PlannedRead> => {
		const model = modelOf(context, i);
		const id = plannedValue(ids[i]);
		const options = context.getNodeParameter('options', i, {}) as IDataObject;
		reads.add(i, { model, fields: await readFieldsOf(client, model, options, i), callContext: callContextOf(context, i) }, id);
		if (wantsExternalId(options)) externalIds.add(i, model, id);
		return { model, id, errorOnMissing: options.errorOnMissing !== false, withExternalId: wantsExternalId(options) };
	};
	// Every item's read is planned first, so that items reading alike share one request; a bad parameter
	// is reported by its own item below.
	const planned = await planItems(context, run.itemCount, plan);
	return await run.each(async (i) => {
		const { model, id, errorOnMissing, withExternalId } = plannedValue(planned[i]);
		const record = await reads.result(i);
		// Odoo 11 leaves a missing id out of a read's answer instead of failing.
		if (!record) {
			if (!errorOnMissing) return undefined;
			throw new LookupError(`${model} has no record with ID ${id} (or this user may not read it)`, recordIdLocator.displayName);
		}
		return await recordsOut(run, model, [withExternalId ? { ...record, external_id: await externalIds.result(i) } : record], i);
	});
}
