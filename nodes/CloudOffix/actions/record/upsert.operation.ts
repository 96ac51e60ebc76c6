import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { ParameterError } from '../../../shared/parameterError';
import { callContextOf, fieldList, modelOf, type OperationRun } from '../common';
import { contextOptions, modelLocator, optionsCollection } from '../common.descriptions';
import { fieldValuesOf, fieldValuesProperties } from './fieldValues';

const properties: INodeProperties[] = [
	modelLocator,
	{
		displayName: 'Match On Field Names or IDs',
		name: 'matchOn',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getFieldNames', loadOptionsDependsOn: ['model.value'] },
		default: [],
		required: true,
		description:
			'Fields whose values identify the record, e.g. ref or email; each must be among the fields to set. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...fieldValuesProperties,
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
		const keys = fieldList(context.getNodeParameter('matchOn', i, []));
		if (keys.length === 0) throw new ParameterError('Choose at least one field to match on', 'Match On');
		const values = await fieldValuesOf(run, model, i);
		const missing = keys.filter((key) => !(key in values));
		if (missing.length > 0) {
			throw new ParameterError(`Match field ${missing.map((key) => `"${key}"`).join(', ')} has no value to match`, 'Match On');
		}
		const callContext = { ...callContextOf(context, i) };
		const matches = (await client.execute(
			{
				model,
				method: 'search',
				args: [keys.map((key) => [key, '=', values[key]])],
				kwargs: { limit: 2, context: { ...callContext, active_test: false } },
			},
			i,
		)) as number[];
		if (matches.length > 1) {
			throw new ParameterError(
				`Several ${model} records match ${keys.map((key) => `${key} = ${JSON.stringify(values[key])}`).join(' and ')} (IDs ${matches.join(', ')}, …): nothing was written`,
				'Match On',
			);
		}
		if (matches.length === 1) {
			await client.execute({ model, method: 'write', args: [matches, values], kwargs: { context: callContext } }, i);
			return { id: matches[0], action: 'updated' };
		}
		const id = await client.execute({ model, method: 'create', args: [values], kwargs: { context: callContext } }, i);
		return { id: id as number, action: 'created' };
	}, 1);
}
