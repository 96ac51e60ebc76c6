import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readDateInput, wallClock } from '../../shared/dateText';
import { describeValue, isPlainObject, parseJsonArray, parseJsonObject } from '../../shared/jsonParameters';
import { ParameterError } from '../../shared/parameterError';
import type { CatalogField, Endpoint } from '../catalog';
import { fieldLabel } from '../catalog/labels';
import { checkRequest } from '../catalog/schema';
import { ADDITIONAL_FIELDS, EXTRA_BODY, ROW, isShownField, rowsJsonName, rowsModeName } from './endpointProperties';

/** What the body of one item needs besides its parameters. */
export interface BodyDefaults {
	/** The IANA zone date-times are written in (the Timezone option, else the workflow's). */
	timezone: string;
	/** The credential's IMEI, for an `imei` field left empty. */
	imei: string;
	now: Date;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/**
 * Codelayer's date forms. A date-time left empty is now; one given without a zone is taken as written (it is
 * the device's wall clock), one with a zone is read on the Timezone option's clock. Text that is not a date
 * is passed on for the schema to report.
 */
function dateValue(field: CatalogField, value: unknown, defaults: BodyDefaults): unknown {
	if (isEmpty(value)) return field.format === 'datetime' ? wallClock(defaults.now, defaults.timezone) : value;
	const read = readDateInput(value instanceof Date ? value.toISOString() : value);
	if (!read) return value;
	const written = read.zoned ? wallClock(read.instant, defaults.timezone) : `${read.writtenDate} ${read.writtenTime}`;
	return field.format === 'date' ? written.slice(0, 10) : written;
}

/** A device IMEI as the credential takes it (and the login checks it). */
const CREDENTIAL_IMEI = /^\d{14,16}$/;

/** An IMEI left empty is the credential's, which must then be one: the field's own bounds are looser. */
function credentialImei(field: CatalogField, defaults: BodyDefaults): string {
	if (!CREDENTIAL_IMEI.test(defaults.imei)) {
		const label = fieldLabel(field.name);
		throw new ParameterError(`The credential's IMEI ${describeValue(defaults.imei)} is not 14 to 16 digits: fix it in the credential, or fill in "${label}"`, label);
	}
	return defaults.imei;
}

function fieldValue(field: CatalogField, value: unknown, defaults: BodyDefaults): unknown {
	if (field.format) return dateValue(field, value, defaults);
	if (field.name === 'imei' && isEmpty(value)) return credentialImei(field, defaults);
	return value;
}

function rowValues(field: CatalogField, row: IDataObject, defaults: BodyDefaults): IDataObject {
	const values: IDataObject = { ...row };
	for (const rowField of field.fields ?? []) values[rowField.name] = fieldValue(rowField, row[rowField.name], defaults) as IDataObject[string];
	return values;
}

/** An array field's rows, from the editor's rows or the JSON parameter. */
function rowsOf(context: IExecuteFunctions, field: CatalogField, itemIndex: number, defaults: BodyDefaults): IDataObject[] {
	const json = context.getNodeParameter(rowsModeName(field), itemIndex, 'rows') === 'json';
	const rows = json
		? parseJsonArray(context.getNodeParameter(rowsJsonName(field), itemIndex, '[]'), `${fieldLabel(field.name)} (JSON)`)
		: (context.getNodeParameter(`${field.name}.${ROW}`, itemIndex, []) as unknown[]);
	return rows.map((row, index) => {
		if (!isPlainObject(row)) throw new ParameterError(`"${fieldLabel(field.name)}" row ${index + 1} is not an object of fields`, fieldLabel(field.name));
		return rowValues(field, row as IDataObject, defaults);
	});
}

/** The value an item gives a field, before checking: its parameter, or its entry under Additional Fields. */
function givenValue(context: IExecuteFunctions, field: CatalogField, itemIndex: number, defaults: BodyDefaults): unknown {
	if (field.type === 'array') return rowsOf(context, field, itemIndex, defaults);
	const value = isShownField(field)
		? context.getNodeParameter(field.name, itemIndex, undefined)
		: (context.getNodeParameter(ADDITIONAL_FIELDS, itemIndex, {}) as IDataObject)[field.name];
	return fieldValue(field, value, defaults);
}

/**
 * The body of one item's call, checked against the catalog's schema before anything is sent: the first
 * problem is reported naming the item and the field. Empty optional fields are left out; a mandatory one
 * Codelayer's own sample sends empty goes as "". An unpublished endpoint's Extra Body is merged last.
 */
export function requestBodyOf(context: IExecuteFunctions, endpoint: Endpoint, itemIndex: number, defaults: BodyDefaults): IDataObject {
	const body: IDataObject = {};
	for (const field of endpoint.request) {
		const value = givenValue(context, field, itemIndex, defaults);
		if (!isEmpty(value)) body[field.name] = value as IDataObject[string];
		else if (endpoint.published && field.mandatory) body[field.name] = '';
	}
	if (!endpoint.published) Object.assign(body, parseJsonObject(context.getNodeParameter(EXTRA_BODY, itemIndex, '{}'), 'Extra Body (JSON)'));
	const checked = checkRequest(endpoint, body);
	if ('body' in checked) return checked.body as IDataObject;
	const [{ field, problem }] = checked.problems;
	const { parameter, place } = placeOf(field);
	throw new ParameterError(`${place} ${problem}`, parameter);
}

/** A path segment as Codelayer's are (sales, route_details): no scheme, no "..", no spaces or query. */
const PATH_SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9_.~-]*$/;

/**
 * The path a call goes to, relative to the credential's server (leading slashes dropped): a full URL would be
 * appended to the server's address rather than replace it, and ".." would climb to another endpoint.
 */
export function requestPath(value: unknown, parameter: string): string {
	const typed = String(value ?? '').trim();
	const path = typed.replace(/^\/+/, '');
	if (path === '') throw new ParameterError('Give the path to call, e.g. sales/route_details', parameter);
	// One leading slash is dropped; two start the URL of another server (//host/x), refused like any URL. Every
	// segment is checked: %2e%2e, backslashes, ?, #, whitespace and control characters are no part of a Codelayer path.
	if (typed.startsWith('//') || !path.split('/').every((segment) => PATH_SEGMENT.test(segment) && segment !== '..')) {
		throw new ParameterError(`${describeValue(typed)} is not a path on the server, like sales/route_details (the server is the credential's)`, parameter);
	}
	return path;
}

/** Where a schema problem is, as the editor names it: `sales[2].qty` is "Sales" row 2, "Quantity". */
function placeOf(path: string): { parameter: string; place: string } {
	const match = /^(\w+)(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(path);
	if (!match) return { parameter: path, place: `"${path}"` };
	const [, name, row, rowField] = match;
	const parameter = fieldLabel(name);
	if (row === undefined) return { parameter, place: `"${parameter}"` };
	return { parameter, place: `"${parameter}" row ${row}${rowField ? `, "${fieldLabel(rowField)}"` : ''}` };
}
