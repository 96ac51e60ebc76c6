import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { parseJsonObject, toOdooValue } from '../../helpers/values';
import { checkFieldNames, type OperationRun } from '../common';

/** How create, update and upsert take the values to write. */
export const fieldValuesProperties: INodeProperties[] = [
	{
		displayName: 'Fields to Set',
		name: 'fieldsMode',
		type: 'options',
		options: [
			{ name: 'Pick Fields', value: 'pick', description: 'Choose fields of the model one by one' },
			{ name: 'JSON', value: 'json', description: 'An object of field names and values' },
		],
		default: 'pick',
	},
	{
		displayName: 'Fields',
		name: 'fieldValues',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { fieldsMode: ['pick'] } },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getWritableFields', loadOptionsDependsOn: ['model.value'] },
						default: '',
						description:
							'The list shows each field\'s label, type and whether it is required. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Many2one: a record ID. One2many/many2many: IDs (1,2,3 or [1,2,3]) to set, or Odoo command tuples like [[4,7],[3,9]].',
					},
				],
			},
		],
	},
	{
		displayName: 'Values (JSON)',
		name: 'valuesJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { fieldsMode: ['json'] } },
		description: 'For example {"name": "Agrolait", "country_id": 21, "category_id": [[6, 0, [1, 2]]]}',
	},
];

/**
 * The values of one item, checked against the model's fields (`fields_get`, once per run) and converted
 * to what Odoo 11 expects for each field type, before anything is written.
 */
export async function fieldValuesOf(run: OperationRun, model: string, itemIndex: number): Promise<IDataObject> {
	const { context, client } = run;
	const mode = context.getNodeParameter('fieldsMode', itemIndex, 'pick') as string;
	const given =
		mode === 'json'
			? parseJsonObject(context.getNodeParameter('valuesJson', itemIndex, '{}'), 'Values (JSON)')
			: Object.fromEntries(
					// n8n leaves out values equal to a parameter's default, inside collections too.
					(context.getNodeParameter('fieldValues.field', itemIndex, []) as Array<{ name?: string; value?: unknown }>).map(
						({ name = '', value = '' }) => [name, value],
					),
				);
	const parameter = mode === 'json' ? 'Values (JSON)' : 'Fields';
	const fields = await checkFieldNames(client, model, Object.keys(given), itemIndex, parameter);
	return Object.fromEntries(
		Object.entries(given).map(([name, value]) => [name, toOdooValue(name, fields[name].type, value)]),
	) as IDataObject;
}
