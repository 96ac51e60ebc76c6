import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { LookupError, ParameterError } from '../../../shared/parameterError';
import { callContextOf, modelOf, type OperationRun } from '../common';
import { contextOptions, modelLocator, optionsCollection } from '../common.descriptions';
import { fieldValuesOf, fieldValuesProperties, matchFieldsOf, matchOnProperty } from './fieldValues';

const properties: INodeProperties[] = [
	modelLocator,
	...fieldValuesProperties('upsert'),
	matchOnProperty,
	optionsCollection(contextOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['upsert'] } }, properties);

/**
 * One `search` on the key fields, then `write` when exactly one record matches, `create` when none, and an
 * error when several do. Items run one at a time: two items with the same key in one run must not both
 * see "no match" and create the record twice.
 */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	return await run.each(async (i) => {
		const model = modelOf(context, i);
		const { keys, parameter } = matchFieldsOf(run, i);
		const values = await fieldValuesOf(run, model, i);
		const missing = keys.filter((key) => !(key in values));
		if (missing.length > 0) {
			throw new ParameterError(`Match field ${missing.map((key) => `"${key}"`).join(', ')} has no value to match`, parameter);
		}
		const callContext = { ...callContextOf(context, i) };
		const matches = await client.search(model, keys.map((key) => [key, '=', values[key]]), { limit: 2, context: { ...callContext, active_test: false } }, i);
		if (matches.length > 1) {
			throw new LookupError(
				`Several ${model} records match ${keys.map((key) => `${key} = ${JSON.stringify(values[key])}`).join(' and ')} (IDs ${matches.join(', ')}, …): nothing was written`,
				parameter,
			);
		}
		if (matches.length === 1) {
			await client.write(model, matches, values, callContext, i);
			return { id: matches[0], action: 'updated' };
		}
		return { id: await client.create(model, values, callContext, i), action: 'created' };
	}, 1);
}
