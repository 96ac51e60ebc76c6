import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { ParameterError } from '../../../shared/parameterError';
import { parseRecordId } from '../../helpers/values';
import { callContextOf, modelOf, readFieldsOf, recordsOut, type OperationRun } from '../common';
import { contextOptions, fieldsOption, modelLocator, optionsCollection, recordIdLocator, simplifyOption } from '../common.descriptions';
import { missingRecordOption } from './missingRecords';

const properties: INodeProperties[] = [
	modelLocator,
	recordIdLocator,
	optionsCollection([fieldsOption, missingRecordOption, simplifyOption, ...contextOptions]),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['get'] } }, properties);

export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	return await run.each(async (i) => {
		const model = modelOf(context, i);
		const id = parseRecordId(context.getNodeParameter('recordId', i, '', { extractValue: true }), 'Record');
		const options = context.getNodeParameter('options', i, {}) as IDataObject;
		const fields = await readFieldsOf(client, model, options, i);
		const records = (await client.execute(
			{ model, method: 'read', args: [[id], fields], kwargs: { context: callContextOf(context, i) } },
			i,
		)) as IDataObject[];
		// Odoo 11 answers a read of a missing id with an empty list, not an error.
		if (records.length === 0) {
			if (options.errorOnMissing === false) return undefined;
			throw new ParameterError(`${model} has no record with ID ${id} (or it is archived or not readable)`, 'Record');
		}
		return await recordsOut(run, model, records, i);
	});
}
