import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planItems, plannedValue } from '../../../shared/executeItems';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { LookupError } from '../../../shared/parameterError';
import { callContextOf, modelOf, readFieldsOf, recordsOut, type OperationRun } from '../common';
import { contextOptions, fieldsOption, includeComputedOption, modelLocator, optionsCollection, recordIdLocator, simplifyOption } from '../common.descriptions';
import { batchedReads } from './batchedCalls';
import { missingRecordOption } from './missingRecords';
import { batchedExternalIdsOfRecords, includeExternalIdOption, recordIdsOf, wantsExternalId } from './externalIds';
import { binaryFieldsToDownload, binaryFieldsToDownloadOption, recordWithBinaryFields } from './binaryFields';

const properties: INodeProperties[] = [
	modelLocator,
	recordIdLocator,
	optionsCollection([fieldsOption, binaryFieldsToDownloadOption, includeComputedOption, missingRecordOption, includeExternalIdOption, simplifyOption, ...contextOptions]),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['get'] } }, properties);

interface PlannedRead {
	model: string;
	id: number;
	errorOnMissing: boolean;
	withExternalId: boolean;
	binaryFields: string[];
}

export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	const reads = batchedReads(client, run.batching);
	const externalIds = batchedExternalIdsOfRecords(client, run.batching);
	const ids = await recordIdsOf(run);
	const plan = async (i: number): Promise<PlannedRead> => {
		const model = modelOf(context, i);
		const id = plannedValue(ids[i]);
		const options = context.getNodeParameter('options', i, {}) as IDataObject;
		const binaryFields = await binaryFieldsToDownload(client, model, options, i);
		const fields = [...new Set([...(await readFieldsOf(client, model, options, i)), ...binaryFields])];
		reads.add(i, { model, fields, callContext: callContextOf(context, i) }, id);
		if (wantsExternalId(options)) externalIds.add(i, model, id);
		return { model, id, errorOnMissing: options.errorOnMissing !== false, withExternalId: wantsExternalId(options), binaryFields };
	};
	// Every item's read is planned first, so that items reading alike share one request; a bad parameter
	// is reported by its own item below.
	const planned = await planItems(context, run.itemCount, plan);
	return await run.each(async (i) => {
		const { model, id, errorOnMissing, withExternalId, binaryFields } = plannedValue(planned[i]);
		const record = await reads.result(i);
		// Odoo 11 leaves a missing id out of a read's answer instead of failing.
		if (!record) {
			if (!errorOnMissing) return undefined;
			throw new LookupError(`${model} has no record with ID ${id} (or this user may not read it)`, recordIdLocator.displayName);
		}
		const out = await recordsOut(run, model, [withExternalId ? { ...record, external_id: await externalIds.result(i) } : record], i);
		return binaryFields.length === 0 ? out : await Promise.all(out.map(async (json) => await recordWithBinaryFields(context, model, json, binaryFields)));
	});
}
