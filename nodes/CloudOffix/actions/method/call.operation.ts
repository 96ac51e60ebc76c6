import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planItems, plannedValue } from '../../../shared/executeItems';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { ParameterError } from '../../../shared/parameterError';
import { parseJsonArray, parseJsonObject } from '../../../shared/jsonParameters';
import { METHOD_NAME } from '../../transport';
import { modelOf, recordsOut, type OperationRun } from '../common';
import { modelLocator, optionsCollection, simplifyOption } from '../common.descriptions';

const properties: INodeProperties[] = [
	modelLocator,
	{
		displayName: 'Method',
		name: 'method',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'action_confirm',
		description: 'Any public method of the model, base or custom (names starting with _ cannot be called remotely)',
	},
	{
		displayName: 'Positional Arguments (JSON)',
		name: 'args',
		type: 'json',
		default: '[]',
		description: 'For record methods the first argument is the list of record IDs, e.g. [[42]]',
	},
	{
		displayName: 'Keyword Arguments (JSON)',
		name: 'kwargs',
		type: 'json',
		default: '{}',
		description: 'For example {"context": {"lang": "tr_TR"}}',
	},
	optionsCollection([simplifyOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['method'], operation: ['call'] } }, properties);

function isRecordList(value: unknown): value is IDataObject[] {
	return Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'object' && entry !== null && !Array.isArray(entry));
}

/**
 * `execute_kw(model, method, args, kwargs)`: every base and custom method. A list of records comes back
 * as one item per record, simplified like Get's records (the model's many2one fields split into ID and
 * name); any other result as one item `{ result }`, as the method returned it.
 */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	// Every item's call is checked before any is made: a method may change records, and a run that stops at a bad
	// item must not have called it for the others (see planItems).
	const planned = await planItems(context, run.itemCount, (i) => {
		const model = modelOf(context, i);
		const method = String(context.getNodeParameter('method', i, '')).trim();
		if (!METHOD_NAME.test(method)) {
			throw new ParameterError(`"${method}" is not a public method name (letters, digits and _, not starting with _)`, 'Method');
		}
		const args = parseJsonArray(context.getNodeParameter('args', i, '[]'), 'Positional Arguments (JSON)');
		const kwargs = parseJsonObject(context.getNodeParameter('kwargs', i, '{}'), 'Keyword Arguments (JSON)') as IDataObject;
		return { model, method, args, kwargs };
	});
	return await run.each(async (i) => {
		const call = plannedValue(planned[i]);
		const result = await client.execute(call, i);
		return isRecordList(result) ? await recordsOut(run, call.model, result, i) : { result: result as IDataObject[keyof IDataObject] };
	});
}
