import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../../shared/parameterError';
import { isWritable } from '../../helpers/fieldKinds';
import { describeValue, parseJsonObject } from '../../../shared/jsonParameters';
import { toOdooValue } from '../../helpers/values';
import { checkFieldNames, fieldList, type OperationRun } from '../common';
import { modelFieldsProperty } from '../common.descriptions';
import type { OdooField } from '../../transport';

/** The parameters values can be given in, as the editor names them (errors point at them). */
const FIELDS = 'Fields';
const VALUES_JSON = 'Values (JSON)';

/**
 * The values parameters of Create and Update (`add`) and Create or Update (`upsert`): n8n's resource
 * mapper over the model's `fields_get` (typed, required fields marked, read-only ones left out, input
 * fields mapped automatically on request; see methods/resourceMapping.ts), or one JSON object.
 */
export function fieldValuesProperties(mode: 'add' | 'upsert'): INodeProperties[] {
	return [
		{
			displayName: 'Values',
			name: 'fieldsMode',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Map Fields', value: 'map', description: 'Set fields of the model one by one, or map the input fields to them automatically' },
				{ name: 'JSON', value: 'json', description: 'One object of field names and values' },
			],
			default: 'map',
		},
		{
			displayName: FIELDS,
			name: 'columns',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			required: true,
			displayOptions: { show: { fieldsMode: ['map'] } },
			typeOptions: {
				loadOptionsDependsOn: ['model.value', 'operation'],
				resourceMapper: {
					resourceMapperMethod: 'getMappingColumns',
					mode,
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: false,
					multiKeyMatch: true,
					supportAutoMap: true,
				},
			},
		},
		{
			displayName: VALUES_JSON,
			name: 'valuesJson',
			type: 'json',
			default: '{}',
			displayOptions: { show: { fieldsMode: ['json'] } },
			description: 'For example {"name": "Agrolait", "country_id": 21, "category_id": [[6, 0, [1, 2]]]}',
		},
	];
}

/** Create or Update in JSON mode names its key fields here; the mapper has its own "fields to match on". */
export const matchOnProperty = modelFieldsProperty(
	'Match On Field Names or IDs',
	'matchOn',
	'Fields whose values identify the record, e.g. ref or email; each must be among the values.',
	{ required: true, displayOptions: { show: { fieldsMode: ['json'] } } },
);

function isJsonMode(run: OperationRun, itemIndex: number): boolean {
	return run.context.getNodeParameter('fieldsMode', itemIndex, 'map') === 'json';
}

interface GivenValues {
	values: IDataObject;
	/** The parameter they came from, for error messages. */
	parameter: string;
}

/**
 * "Map automatically": the input fields named like writable fields of the model. The other input fields
 * are left out, as n8n's resource mapper promises: the record ID, the `_name` companions Simplify adds,
 * read-only fields, and fields of other systems.
 */
async function autoMappedValues(run: OperationRun, model: string, itemIndex: number): Promise<IDataObject> {
	const fields = await run.client.fields(model, itemIndex);
	const input = run.context.getInputData()[itemIndex]?.json ?? {};
	return Object.fromEntries(Object.entries(input).filter(([name]) => Object.hasOwn(fields, name) && isWritable(fields[name])));
}

async function givenValues(run: OperationRun, model: string, itemIndex: number): Promise<GivenValues> {
	const { context } = run;
	if (isJsonMode(run, itemIndex)) {
		return { values: parseJsonObject(context.getNodeParameter('valuesJson', itemIndex, '{}'), VALUES_JSON) as IDataObject, parameter: VALUES_JSON };
	}
	if (context.getNodeParameter('columns.mappingMode', itemIndex, 'defineBelow') === 'autoMapInputData') {
		return { values: await autoMappedValues(run, model, itemIndex), parameter: FIELDS };
	}
	// A field shown in the mapper but left empty is null and is not written; empty text or false clears it.
	const mapped = (context.getNodeParameter('columns.value', itemIndex, null) ?? {}) as IDataObject;
	const values = Object.fromEntries(Object.entries(mapped).filter(([, value]) => value !== null && value !== undefined));
	return { values, parameter: FIELDS };
}

/** Keys shown when a selection value is not one of them: a selection such as tz has hundreds. */
const SELECTION_KEYS_SHOWN = 10;

/**
 * A selection value must be one of the field's keys (fields_get lists them; Odoo 11 refuses any other only once
 * asked). A key given as text or number (7 for "7") is the key; false, Odoo's empty, clears the field.
 */
function selectionKey(name: string, field: OdooField, value: unknown, parameter: string): unknown {
	if (field.type !== 'selection' || !Array.isArray(field.selection) || value === false) return value;
	const keys: unknown[] = field.selection.map(([key]) => key);
	const key = keys.find((candidate) => candidate === value || String(candidate) === String(value));
	if (key !== undefined) return key;
	const shown = keys.slice(0, SELECTION_KEYS_SHOWN).join(', ');
	const more = keys.length > SELECTION_KEYS_SHOWN ? `, … (${keys.length} in all)` : '';
	throw new ParameterError(`Field "${name}" (selection) needs one of ${shown}${more}, not ${describeValue(value)}`, parameter);
}

/**
 * The values of one item, checked against the model's fields (`fields_get`) and converted to what Odoo 11
 * expects for each field type, before anything is written.
 */
export async function fieldValuesOf(run: OperationRun, model: string, itemIndex: number): Promise<IDataObject> {
	const { values, parameter } = await givenValues(run, model, itemIndex);
	const fields = await checkFieldNames(run.client, model, Object.keys(values), itemIndex, parameter);
	return Object.fromEntries(
		Object.entries(values).map(([name, value]) => [name, selectionKey(name, fields[name], toOdooValue(name, fields[name].type, value, parameter), parameter)]),
	) as IDataObject;
}

/** Create or Update's key fields: the mapper's fields to match on, or the JSON mode's Match On list. */
export function matchFieldsOf(run: OperationRun, itemIndex: number): { keys: string[]; parameter: string } {
	const json = isJsonMode(run, itemIndex);
	const parameter = json ? matchOnProperty.displayName : FIELDS;
	const keys = fieldList(run.context.getNodeParameter(json ? 'matchOn' : 'columns.matchingColumns', itemIndex, []));
	if (keys.length === 0) throw new ParameterError('Choose at least one field to match on', parameter);
	return { keys, parameter };
}
