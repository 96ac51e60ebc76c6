import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { ParameterError } from '../../../shared/parameterError';
import { checkFieldNames, callContextOf, checkedDomainOf, fieldList, modelOf, recordsOut, type OperationRun } from '../common';
import { contextOptions, domainFilters, modelFieldsProperty, modelLocator, optionsCollection, simplifyOption } from '../common.descriptions';

const aggregatesProperty = modelFieldsProperty(
	'Aggregated Field Names or IDs',
	'aggregates',
	"Numeric fields to total in each group (with the field's own aggregate, usually sum).",
	{ typeOptions: { loadOptionsMethod: 'getNumericFieldNames', loadOptionsDependsOn: ['model.value'] } },
);

const properties: INodeProperties[] = [
	modelLocator,
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'stage_id, date_order:month',
		description: 'Comma-separated fields; dates and date-times take a granularity: :day, :week, :month, :quarter or :year',
	},
	aggregatesProperty,
	...domainFilters,
	optionsCollection([
		{ displayName: 'Sort', name: 'orderBy', type: 'string', default: '', placeholder: 'amount_total desc' },
		{ displayName: 'Max Groups', name: 'maxGroups', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'How many groups to return at most; 0 returns all' },
		simplifyOption,
		...contextOptions,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['aggregate'] } }, properties);

const GRANULARITIES = new Set(['day', 'week', 'month', 'quarter', 'year']);

/** `read_group` with every group-by at once (lazy = false): one output item per group, keys simplified like records. */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	return await run.each(async (i) => {
		const model = modelOf(context, i);
		const groupBy = fieldList(context.getNodeParameter('groupBy', i, ''));
		if (groupBy.length === 0) throw new ParameterError('Name at least one field to group by', 'Group By');
		for (const spec of groupBy) {
			const granularity = spec.split(':')[1];
			if (granularity !== undefined && !GRANULARITIES.has(granularity)) {
				throw new ParameterError(`"${spec}": the granularity must be day, week, month, quarter or year`, 'Group By');
			}
		}
		const groupFields = groupBy.map((spec) => spec.split(':')[0]);
		const aggregates = fieldList(context.getNodeParameter('aggregates', i, []));
		await checkFieldNames(client, model, groupFields, i, 'Group By');
		await checkFieldNames(client, model, aggregates, i, aggregatesProperty.displayName);
		const options = context.getNodeParameter('options', i, {}) as IDataObject;
		// Odoo 11 fails unless the group-by fields are also among the read fields.
		const fields = [...new Set([...groupFields, ...aggregates])];
		const domain = await checkedDomainOf(client, context, model, i);
		const groups = await client.readGroup(
			model,
			domain,
			fields,
			groupBy,
			{ orderby: String(options.orderBy ?? '') || false, limit: Number(options.maxGroups ?? 0) || null, lazy: false, context: callContextOf(context, i) },
			i,
		);
		// A many2one group key reads as [id, name], like the field itself: Simplify splits it the same way.
		return await recordsOut(run, model, groups, i);
	});
}
