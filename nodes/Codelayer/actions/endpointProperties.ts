import type { INodeProperties, NodePropertyTypes } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/updateDisplayOptions';
import type { CatalogField, Endpoint } from '../catalog';
import { fieldLabel } from '../catalog/labels';

/**
 * The editor's parameters of one catalog endpoint, made from its fields. A parameter is named after the
 * wire field it fills, so one wire name has one parameter type on every operation (a test holds the
 * catalog to that). Mandatory fields are parameters of their own; the optional ones, and the mandatory ones
 * Codelayer's own sample sends empty, sit under Additional Fields. The unpublished endpoints add the path
 * and a JSON body that extends or overrides the modelled fields.
 */

/** What the editor offers for each field type: dates get a picker, numbers a number input. */
function parameterType(field: CatalogField): NodePropertyTypes {
	if (field.format) return 'dateTime';
	return field.type === 'integer' || field.type === 'decimal' ? 'number' : 'string';
}

/** Fields the node fills in when left empty: a date-time is now, an IMEI the credential's. */
export function isFilledByNode(field: CatalogField): boolean {
	return field.format === 'datetime' || field.name === 'imei';
}

function hint(field: CatalogField): string {
	if (field.format === 'datetime') return `${field.description} Empty: now, in the Timezone option's zone.`;
	if (field.name === 'imei') return `${field.description} Empty: the credential's IMEI.`;
	return field.description;
}

/**
 * The parameter of a single (non-array) field. One the node fills in is never marked required, though
 * Codelayer requires it: n8n refuses to run a node whose required parameter is empty.
 */
export function valueProperty(field: CatalogField, required: boolean): INodeProperties {
	const type = parameterType(field);
	required &&= !isFilledByNode(field);
	return {
		displayName: fieldLabel(field.name),
		name: field.name,
		type,
		default: type === 'number' ? 0 : '',
		required: required || undefined,
		...(field.sample && type !== 'number' ? { placeholder: field.sample } : {}),
		description: hint(field),
	};
}

/** How an array field's rows are given: as rows in the editor, or as JSON from an expression. */
export const rowsModeName = (field: CatalogField) => `${field.name}Input`;
export const rowsJsonName = (field: CatalogField) => `${field.name}Json`;
export const ROW = 'row';

function rowsProperties(field: CatalogField): INodeProperties[] {
	const label = fieldLabel(field.name);
	return [
		{
			displayName: `${label} Input`,
			name: rowsModeName(field),
			type: 'options',
			options: [
				{ name: 'Rows', value: 'rows', description: `Enter each ${label.toLowerCase()} row in the editor` },
				{ name: 'JSON', value: 'json', description: 'A JSON array of rows, e.g. from an expression' },
			],
			default: 'rows',
		},
		{
			displayName: label,
			name: field.name,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: `Add ${label} Row`,
			default: {},
			description: field.description,
			displayOptions: { show: { [rowsModeName(field)]: ['rows'] } },
			options: [{ displayName: 'Row', name: ROW, values: (field.fields ?? []).map((row) => valueProperty(row, row.mandatory)) }],
		},
		{
			displayName: `${label} (JSON)`,
			name: rowsJsonName(field),
			type: 'json',
			default: '[]',
			description: `${field.description} Each row an object of ${(field.fields ?? []).map((row) => row.name).join(', ')}`,
			displayOptions: { show: { [rowsModeName(field)]: ['json'] } },
		},
	];
}

/**
 * Whether a field is a parameter of its own: the mandatory ones and the rows. The others sit under
 * Additional Fields, where only what the user adds is sent (a number parameter cannot be empty, and a
 * shop's latitude sent as 0 would move it).
 */
export function isShownField(field: CatalogField): boolean {
	return (field.mandatory && !field.emptyAllowed) || field.type === 'array';
}

export const ADDITIONAL_FIELDS = 'additionalFields';
export const PATH = 'path';
export const EXTRA_BODY = 'extraBody';

function unpublishedProperties(endpoint: Endpoint): INodeProperties[] {
	return [
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is the endpoint's guessed path
		{
			displayName: 'Path',
			name: PATH,
			type: 'string',
			default: endpoint.path,
			required: true,
			hint: 'Path not published by Codelayer: this is a guess, change it to what your server uses',
			description: 'Relative to the API base URL of the credential',
		},
		{
			displayName: 'Extra Body (JSON)',
			name: EXTRA_BODY,
			type: 'json',
			default: '{}',
			description: 'More fields for the body, merged last (they win over the fields above); the key is added by the credential',
		},
	];
}

/** Every parameter of an endpoint, shown only for its resource and operation. */
export function endpointProperties(endpoint: Endpoint): INodeProperties[] {
	if (endpoint.fromCredential) return [];
	const shown = endpoint.request.filter(isShownField);
	const additional = endpoint.request.filter((field) => !isShownField(field));
	const properties: INodeProperties[] = [
		...(endpoint.published ? [] : unpublishedProperties(endpoint)),
		...shown.flatMap((field) => (field.type === 'array' ? rowsProperties(field) : [valueProperty(field, field.mandatory)])),
	];
	if (additional.length > 0) {
		properties.push({
			displayName: 'Additional Fields',
			name: ADDITIONAL_FIELDS,
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: additional.map((field) => valueProperty(field, false)),
		});
	}
	return updateDisplayOptions({ show: { resource: [endpoint.resource], operation: [endpoint.operation] } }, properties);
}
