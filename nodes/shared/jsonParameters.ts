import { ParameterError } from './parameterError';

// Reading JSON that users type into node parameters, with errors naming the parameter.

/**
 * The outcome of reading user text. A result object rather than an exception, so the callers can throw
 * their ParameterError outside any catch clause (n8n's lint forbids throwing other errors inside one).
 */
export type Reading<T> = { ok: true; value: T } | { ok: false; reason: string };

export function readJson(text: string): Reading<unknown> {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
	}
}

/** A value shown inside an error message: short, because it is user data and may be large. */
export function describeValue(value: unknown): string {
	const text = value === undefined ? 'nothing' : jsonOf(value);
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function jsonOf(value: unknown): string {
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return Object.prototype.toString.call(value);
	}
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return Object.prototype.toString.call(value) === '[object Object]';
}

interface JsonShape<T> {
	what: string;
	example: string;
	matches: (value: unknown) => value is T;
	/** What blank text means: n8n JSON parameters are often cleared rather than set to {} or []. */
	empty: () => T;
}

const JSON_OBJECT: JsonShape<Record<string, unknown>> = {
	what: 'a JSON object',
	example: '{"field": "value"}',
	matches: isPlainObject,
	empty: () => ({}),
};

const JSON_ARRAY: JsonShape<unknown[]> = {
	what: 'a JSON array',
	example: '[1, 2]',
	matches: Array.isArray,
	empty: () => [],
};

function parseJsonShaped<T>(input: unknown, field: string, shape: JsonShape<T>): T {
	const isText = typeof input === 'string';
	if (isText && input.trim() === '') return shape.empty();
	const json: Reading<unknown> = isText ? readJson(input) : { ok: true, value: input };
	if (!json.ok) {
		throw new ParameterError(`"${field}" must be ${shape.what} like ${shape.example}, but it is ${json.reason}`, field);
	}
	if (!shape.matches(json.value)) {
		throw new ParameterError(`"${field}" must be ${shape.what} like ${shape.example}, not ${describeValue(json.value)}`, field);
	}
	return json.value;
}

/** Parses JSON text or passes an object through; blank text is {}. */
export function parseJsonObject(input: unknown, field: string): Record<string, unknown> {
	return parseJsonShaped(input, field, JSON_OBJECT);
}

/** Parses JSON text or passes an array through; blank text is []. */
export function parseJsonArray(input: unknown, field: string): unknown[] {
	return parseJsonShaped(input, field, JSON_ARRAY);
}

