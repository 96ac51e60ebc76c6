import { z } from 'zod';

import { describeValue } from '../../shared/jsonParameters';
import type { CatalogField, Endpoint } from './types';

/**
 * The zod schema of an endpoint's request body, built from the catalog: the node checks what it is about
 * to send with it, the sandbox checks what it receives. Values come in as text or numbers and leave in the
 * wire form of Codelayer's own samples: every value a string ("359", "235.50"), rows as objects.
 */

const INTEGER_TEXT = /^-?\d+$/;
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const FORMATS: Record<NonNullable<CatalogField['format']>, { pattern: RegExp; example: string }> = {
	datetime: { pattern: /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/, example: '2021-01-03 07:06:08' },
	date: { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, example: '2020-11-03' },
};

/** Whether the text is in the format and names a real moment (no 13th month, no 30 February, no 24:00). */
function inFormat(text: string, format: { pattern: RegExp }): boolean {
	const parts = format.pattern.exec(text)?.slice(1).map(Number);
	if (!parts) return false;
	const [year, month, day, hour = 0, minute = 0, second = 0] = parts;
	const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()].every((part, index) => part === [year, month, day, hour, minute, second][index]);
}

/** "from 1 to 9999", "up to 99", "at least 1", or nothing. */
function bounds(field: CatalogField, unit = ''): string {
	const { min, max } = field;
	if (min !== undefined && max !== undefined) return min === max ? ` of exactly ${min}${unit}` : ` from ${min} to ${max}${unit}`;
	if (max !== undefined) return ` up to ${max}${unit}`;
	return min !== undefined ? ` of at least ${min}${unit}` : '';
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/** Text or a number, as the fields take them: anything else (an object, a list, true from an expression) is named. */
function isScalar(value: unknown): value is string | number {
	return typeof value === 'string' || typeof value === 'number';
}

/** A number or numeric text, in range, as text. */
function numberSchema(field: CatalogField): z.ZodType<string, z.ZodTypeDef, unknown> {
	const integer = field.type === 'integer';
	const expected = `${integer ? 'a whole number' : 'a number'}${bounds(field)}`;
	return z.unknown().transform((value, context) => {
		const text = !isScalar(value) ? '' : typeof value === 'number' ? String(value) : value.trim();
		const number = Number(text);
		const wellFormed = (integer ? INTEGER_TEXT : DECIMAL_TEXT).test(text) && Number.isFinite(number);
		const inRange = (field.min === undefined || number >= field.min) && (field.max === undefined || number <= field.max);
		if (!wellFormed || !inRange) {
			context.addIssue({ code: z.ZodIssueCode.custom, message: `must be ${expected}, not ${describeValue(value)}` });
			return z.NEVER;
		}
		return text;
	});
}

/** Text of the documented length (a single character for Character), in its format when it has one. */
function textSchema(field: CatalogField): z.ZodType<string, z.ZodTypeDef, unknown> {
	const min = field.type === 'character' ? 1 : field.min;
	const max = field.type === 'character' ? 1 : field.max;
	const format = field.format ? FORMATS[field.format] : undefined;
	const length = field.type === 'character' ? ' of one character' : bounds({ ...field, min, max }, ' characters');
	return z.unknown().transform((value, context) => {
		const text = String(value);
		const problem = !isScalar(value)
			? `must be text${length}`
			: (min !== undefined && text.length < min) || (max !== undefined && text.length > max)
				? `must be text${length}`
				: format && !inFormat(text, format)
					? `must look like ${format.example}`
					: undefined;
		if (problem) {
			context.addIssue({ code: z.ZodIssueCode.custom, message: `${problem}, not ${describeValue(value)}` });
			return z.NEVER;
		}
		return text;
	});
}

/** Rows of a mandatory list: at least one unless the catalog says how many (a return of no items is no return). */
function rowsSchema(field: CatalogField): z.ZodType<Array<Record<string, unknown>>, z.ZodTypeDef, unknown> {
	const rows = z.array(objectSchema(field.fields ?? []), { invalid_type_error: 'must be a list of rows' });
	const min = field.min ?? (field.mandatory ? 1 : undefined);
	return min === undefined ? rows : rows.min(min, `needs at least ${min} ${min === 1 ? 'row' : 'rows'}`);
}

function valueSchema(field: CatalogField): z.ZodTypeAny {
	if (field.type === 'array') return rowsSchema(field);
	return field.type === 'integer' || field.type === 'decimal' ? numberSchema(field) : textSchema(field);
}

/**
 * A mandatory field must be there and, unless Codelayer's own sample sends it empty, not be empty; an
 * optional one may be left out (or sent empty, which the node leaves out).
 */
function fieldSchema(field: CatalogField): z.ZodTypeAny {
	const value = valueSchema(field);
	const required = field.mandatory;
	return z.unknown().transform((input, context) => {
		if (isEmpty(input)) {
			if (required && !(field.emptyAllowed && input === '')) context.addIssue({ code: z.ZodIssueCode.custom, message: 'is required' });
			return input;
		}
		const result = value.safeParse(input);
		if (result.success) return result.data as unknown;
		for (const issue of result.error.issues) context.addIssue({ code: z.ZodIssueCode.custom, message: issue.message, path: issue.path });
		return z.NEVER;
	});
}

function objectSchema(fields: readonly CatalogField[]): z.ZodType<Record<string, unknown>, z.ZodTypeDef, unknown> {
	// Fields the catalog does not list pass through: a real server ignores them, and the unpublished endpoints take any.
	return z.object(Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)]))).passthrough();
}

const schemas = new WeakMap<Endpoint, z.ZodType<Record<string, unknown>, z.ZodTypeDef, unknown>>();

/** The request schema of an endpoint (the key aside). */
export function requestSchema(endpoint: Endpoint): z.ZodType<Record<string, unknown>, z.ZodTypeDef, unknown> {
	let schema = schemas.get(endpoint);
	if (!schema) schemas.set(endpoint, (schema = objectSchema(endpoint.request)));
	return schema;
}

/** One problem with a body: the field's path (rows counted from 1) and what is wrong with it. */
export interface RequestProblem {
	field: string;
	problem: string;
}

/** Checks a body against the endpoint's schema: the body as it goes on the wire, or every problem found. */
export function checkRequest(
	endpoint: Endpoint,
	body: Record<string, unknown>,
): { body: Record<string, unknown> } | { problems: RequestProblem[] } {
	const result = requestSchema(endpoint).safeParse(body);
	if (result.success) return { body: result.data };
	return {
		problems: result.error.issues.map((issue) => ({
			field: issue.path
				.map((part) => (typeof part === 'number' ? `[${part + 1}]` : part))
				.join('.')
				.replace(/\.\[/g, '['),
			problem: issue.message,
		})),
	};
}
