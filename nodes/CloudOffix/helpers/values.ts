import { describeValue, isPlainObject, readJson, type Reading } from '../../shared/jsonParameters';
import { readDateInput } from '../../shared/dateText';
import { ParameterError } from '../../shared/parameterError';

/**
 * The items of a list given as an array, as JSON array text ("[1, 2]"), or as comma-separated text
 * ("1, 2"; pieces trimmed, empty pieces dropped so a trailing comma from a joined expression is harmless).
 * Blank text is the empty list; any other single value is a list of one.
 */
export function readList(value: unknown): Reading<unknown[]> {
	if (Array.isArray(value)) return { ok: true, value };
	if (typeof value !== 'string') return { ok: true, value: [value] };
	const text = value.trim();
	if (!text.startsWith('[')) return { ok: true, value: splitCommaList(text) };
	const json = readJson(text);
	if (!json.ok) return json;
	return Array.isArray(json.value) ? { ok: true, value: json.value } : { ok: false, reason: 'not a JSON array' };
}

export function splitCommaList(text: string): string[] {
	return text
		.split(',')
		.map((piece) => piece.trim())
		.filter((piece) => piece !== '');
}

/**
 * The id text inside an n8n resource-locator value ({ __rl: true, mode, value }; workflows built in code
 * often leave out __rl, so a mode and a value are enough); anything else as it is. The record locator's
 * "By URL" mode holds a web-client link such as https://x.cloudoffix.com/web#id=12&model=res.partner,
 * whose record id is its `id=` parameter.
 */
function unwrapLocator(value: unknown): unknown {
	if (!isPlainObject(value) || typeof value.mode !== 'string' || !('value' in value)) return value;
	if (value.mode !== 'url' || typeof value.value !== 'string') return value.value;
	return /[#?&]id=(\d+)/.exec(value.value)?.[1] ?? value.value;
}

/** A record id (a safe whole number above 0) from a number or digits-only text; undefined otherwise. */
function recordIdFrom(value: unknown): number | undefined {
	const id = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

const RECORD_ID = 'a record ID (a whole number above 0)';

/** A record id from a number, a numeric string, or an n8n resource-locator value. */
export function parseRecordId(input: unknown, field: string): number {
	const value = unwrapLocator(input);
	const id = recordIdFrom(value);
	if (id === undefined) throw new ParameterError(`"${field}" must be ${RECORD_ID}, not ${describeValue(value)}`, field);
	return id;
}

export type OdooFieldType =
	| 'char'
	| 'text'
	| 'html'
	| 'integer'
	| 'float'
	| 'monetary'
	| 'boolean'
	| 'date'
	| 'datetime'
	| 'selection'
	| 'many2one'
	| 'one2many'
	| 'many2many'
	| 'binary'
	| 'reference'
	// Other types (custom or later Odoo versions) are allowed and passed through unchanged.
	| string;

/** Converts one value; `fail` throws, naming the field (with `problem` in place of the generic expectation). */
type Convert = (value: unknown, fail: (problem?: string) => never) => unknown;

interface FieldRule {
	/** What the field accepts, for the error message. */
	expected: string;
	convert: Convert;
	/** x2many fields have no scalar "empty": an empty value there means "no records" (handled by convert). */
	list?: true;
}

/** Odoo reads every empty scalar as false, so '' / null / false (what a read returned) all write back as false. */
function isEmpty(value: unknown): boolean {
	return value === '' || value === null || value === undefined || value === false;
}

const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function toNumber(value: unknown): number | undefined {
	const number = typeof value === 'string' && DECIMAL_TEXT.test(value.trim()) ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

const toText: Convert = (value, fail) => {
	if (typeof value === 'string') return value;
	// Numbers are text in a char field too (phone numbers, codes coming from spreadsheets).
	return typeof value === 'number' ? String(value) : fail();
};

const toInteger: Convert = (value, fail) => {
	const number = toNumber(value);
	return number !== undefined && Number.isSafeInteger(number) ? number : fail();
};

const toFloat: Convert = (value, fail) => toNumber(value) ?? fail();

const BOOLEAN_TEXT: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };

const toBoolean: Convert = (value, fail) => {
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === 0) return value === 1;
	const key = typeof value === 'string' ? value.trim().toLowerCase() : '';
	return Object.hasOwn(BOOLEAN_TEXT, key) ? BOOLEAN_TEXT[key] : fail();
};

function isValidDate(value: unknown): value is Date {
	return value instanceof Date && !Number.isNaN(value.getTime());
}

/** Odoo's UTC date-time form, "YYYY-MM-DD HH:MM:SS" (fractions of a second dropped). */
function odooDateTime(date: Date): string {
	const iso = date.toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/**
 * A date field keeps the calendar date as written: "2024-05-01T00:30:00+02:00" is 1 May where it was
 * written, although it is still 30 April in UTC. A Date object carries no zone of its own, so its UTC date
 * is used (the n8n server's zone would make the result depend on where the workflow runs).
 */
const toDate: Convert = (value, fail) => {
	if (isValidDate(value)) return value.toISOString().slice(0, 10);
	const read = readDateInput(value);
	return read ? read.writtenDate : fail();
};

/** A datetime field is stored in UTC: a time with a zone is converted, one without is taken as UTC already (Odoo's own form). */
const toDateTime: Convert = (value, fail) => {
	if (isValidDate(value)) return odooDateTime(value);
	const read = readDateInput(value);
	return read ? odooDateTime(read.instant) : fail();
};

/** The selection key as given: whether it is one of the field's keys is the caller's check. */
const toSelection: Convert = (value, fail) => (typeof value === 'string' || typeof value === 'number' ? value : fail());

/** An id, or the [id, "name"] pair a read returned (so records can be copied field by field). */
const toMany2one: Convert = (value, fail) => {
	const id = Array.isArray(value) && value.length === 2 && typeof value[1] === 'string' ? value[0] : unwrapLocator(value);
	return recordIdFrom(id) ?? fail();
};

const BASE64_TEXT = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 text (line breaks allowed, a data: URL prefix dropped) or bytes, which are encoded. */
const toBinary: Convert = (value, fail) => {
	if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
	if (typeof value !== 'string') return fail();
	const base64 = value.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
	// Odoo decodes with Python's base64 module, which refuses unpadded text.
	return BASE64_TEXT.test(base64) && base64.length % 4 === 0 ? base64 : fail();
};

const toReference: Convert = (value, fail) =>
	typeof value === 'string' && /^[a-z0-9_]+(\.[a-z0-9_]+)*,\s*\d+$/i.test(value.trim()) ? value.trim() : fail();

/** The "unused" slot of an x2many command: Odoo's documentation writes it as 0 ([5, 0, 0]), Python clients as False. */
function isPlaceholder(value: unknown): boolean {
	return value === 0 || value === false;
}

function isRecordId(value: unknown): boolean {
	return typeof value === 'number' && recordIdFrom(value) !== undefined;
}

function isRecordIdList(value: unknown): boolean {
	return Array.isArray(value) && value.every(isRecordId);
}

/** What follows each x2many command number (Odoo 11, fields._RelationalMulti.write). */
const X2MANY_COMMANDS: Record<number, { usage: string; operands: Array<(operand: unknown) => boolean> }> = {
	0: { usage: '[0, 0, {values}] (create)', operands: [isPlaceholder, isPlainObject] },
	1: { usage: '[1, id, {values}] (update)', operands: [isRecordId, isPlainObject] },
	2: { usage: '[2, id] (delete)', operands: [isRecordId] },
	3: { usage: '[3, id] (unlink)', operands: [isRecordId] },
	4: { usage: '[4, id] (link)', operands: [isRecordId] },
	5: { usage: '[5] (clear)', operands: [] },
	6: { usage: '[6, 0, [ids]] (replace)', operands: [isPlaceholder, isRecordIdList] },
};

const X2MANY_USAGE = Object.values(X2MANY_COMMANDS)
	.map(({ usage }) => usage)
	.join(', ');

/** The command's problem, or undefined when it fits. Trailing placeholders up to 3 elements are allowed ([4, id, 0]). */
function x2manyCommandProblem(command: unknown[], position: number): string | undefined {
	const [code, ...operands] = command;
	const shape = typeof code === 'number' ? X2MANY_COMMANDS[code] : undefined;
	const where = `command ${position} ${describeValue(command)}`;
	if (!shape) return `${where} is not an x2many command (use ${X2MANY_USAGE})`;
	const fits =
		operands.length <= 2 &&
		shape.operands.every((check, index) => check(operands[index])) &&
		operands.slice(shape.operands.length).every(isPlaceholder);
	return fits ? undefined : `${where} does not fit ${shape.usage}`;
}

/**
 * x2many values: a list of ids becomes one replace command [[6, 0, ids]]; a list of commands (every item a
 * list) passes through unchanged after checking. Never a comma-joined string: Odoo refuses "4,564,0"
 * ("Wrong value for ..."), the bug users of n8n's own Odoo node run into. A flat list is always ids:
 * [4, 7] means records 4 and 7, not the command "link 7".
 */
const toX2many: Convert = (value, fail) => {
	const list = readList(isEmpty(value) ? [] : unwrapLocator(value));
	if (!list.ok) return fail(`needs record IDs (1,2,3 or [1,2,3]) or x2many commands, but it is ${list.reason}`);
	const items = list.value;
	if (items.length > 0 && items.every((item) => Array.isArray(item))) {
		const commands = items as unknown[][];
		const problem = commands.map((command, index) => x2manyCommandProblem(command, index + 1)).find(Boolean);
		return problem ? fail(problem) : items;
	}
	const ids = items.map(
		(item, index) =>
			recordIdFrom(item) ??
			fail(`item ${index + 1} (${describeValue(item)}) is not ${RECORD_ID}; give record IDs, or a list of commands such as [[4, 7]]`),
	);
	return [[6, 0, ids]];
};

const TEXT_RULE: FieldRule = { expected: 'text', convert: toText };
const DECIMAL_RULE: FieldRule = { expected: 'a number', convert: toFloat };
const X2MANY_RULE: FieldRule = { expected: 'record IDs or x2many commands', convert: toX2many, list: true };

const FIELD_RULES: Record<string, FieldRule> = {
	char: TEXT_RULE,
	text: TEXT_RULE,
	html: TEXT_RULE,
	integer: { expected: 'a whole number', convert: toInteger },
	float: DECIMAL_RULE,
	monetary: DECIMAL_RULE,
	boolean: { expected: 'true or false', convert: toBoolean },
	date: { expected: 'a date like 2024-05-31 (or an ISO date-time)', convert: toDate },
	datetime: { expected: 'a date-time like 2024-05-31 14:30:00 (UTC) or an ISO date-time with a zone', convert: toDateTime },
	selection: { expected: 'a selection key', convert: toSelection },
	many2one: { expected: RECORD_ID, convert: toMany2one },
	one2many: X2MANY_RULE,
	many2many: X2MANY_RULE,
	binary: { expected: 'base64 text', convert: toBinary },
	reference: { expected: 'a reference like res.partner,7', convert: toReference },
};

/**
 * Prepares a value for an Odoo field of the given type (from fields_get) for create/write. Empty scalars
 * ('', null, false) become false, Odoo's empty; whether the field may be empty is the server's check.
 * Types not known here pass through unchanged: the server knows them better. A bad value is reported
 * under `parameter`, the node parameter it was given in.
 */
export function toOdooValue(fieldName: string, type: OdooFieldType, value: unknown, parameter: string): unknown {
	const rule = Object.hasOwn(FIELD_RULES, type) ? FIELD_RULES[type] : undefined;
	if (!rule) return value;
	if (!rule.list && isEmpty(value)) return false;
	const fail = (problem?: string): never => {
		const detail = problem ? `: ${problem}` : ` needs ${rule.expected}, not ${describeValue(value)}`;
		throw new ParameterError(`Field "${fieldName}" (${type})${detail}`, parameter);
	};
	return rule.convert(value, fail);
}
