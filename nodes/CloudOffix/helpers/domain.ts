import { ParameterError } from '../../shared/parameterError';
import { describeValue, readJson, type Reading } from '../../shared/jsonParameters';
import { readList } from './values';

/** Odoo 11's term operators (odoo/osv/expression.py TERM_OPERATORS); Odoo matches them exactly, case included. */
export const ODOO_OPERATORS: readonly string[] = [
	'=',
	'!=',
	'<=',
	'<',
	'>',
	'>=',
	'=?',
	'=like',
	'=ilike',
	'like',
	'not like',
	'ilike',
	'not ilike',
	'in',
	'not in',
	'child_of',
	'parent_of',
];

export type DomainTerm = [string, string, unknown];
export type DomainPrefixOperator = '&' | '|' | '!';
export type Domain = Array<DomainTerm | DomainPrefixOperator>;

/** A condition as typed in the n8n UI: the value is text (an expression may still give another type). */
export interface FilterCondition {
	field: string;
	operator: string;
	value: string;
}

const PREFIX_OPERATORS: readonly string[] = ['&', '|', '!'];
const LIST_OPERATORS: readonly string[] = ['in', 'not in', 'child_of', 'parent_of'];
/** Pattern operators compare text, so their value is never turned into a number or a boolean. */
const TEXT_OPERATORS: readonly string[] = ['=like', '=ilike', 'like', 'not like', 'ilike', 'not ilike'];
const OPERATOR_HINT = `use one of ${ODOO_OPERATORS.join(', ')}`;
/** The conditions parameter, as the editor names it. */
const CONDITIONS = 'Conditions';

function isOdooOperator(operator: unknown): operator is string {
	return typeof operator === 'string' && ODOO_OPERATORS.includes(operator);
}

function isPrefixOperator(element: unknown): element is DomainPrefixOperator {
	return typeof element === 'string' && PREFIX_OPERATORS.includes(element);
}

/**
 * Numbers written plainly ("12", "-3.5"). A leading zero, "+" or an exponent marks a code (a zip such as
 * "01234"), and digits beyond what a double holds exactly mark a barcode: those stay text.
 */
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

function plainNumber(text: string): number | undefined {
	const number = PLAIN_NUMBER.test(text) ? Number(text) : undefined;
	return number !== undefined && Number.isSafeInteger(Math.trunc(number)) ? number : undefined;
}

/**
 * A condition value typed as text, as Odoo needs it. Numbers must be numbers: on a many2one field Odoo
 * takes text as a name to search for, so "7" would look for a partner named 7. "true" and "false" are
 * booleans, and false is also Odoo's empty (["partner_id", "=", false] finds records without a partner).
 * Text in double quotes is a JSON string and stays text ("\"12\"" for a char field holding digits).
 */
function scalarFromText(text: string): unknown {
	const trimmed = text.trim();
	const number = plainNumber(trimmed);
	if (number !== undefined) return number;
	const lower = trimmed.toLowerCase();
	if (lower === 'true' || lower === 'false') return lower === 'true';
	const quoted = /^".*"$/s.test(trimmed) ? readJson(trimmed) : undefined;
	return quoted?.ok ? quoted.value : text;
}

/** in / not in / child_of / parent_of take a list: a JSON array as written, or a comma list of values. */
function listValue(value: unknown, operator: string, position: number): unknown[] {
	const list = readList(value);
	if (!list.ok) {
		throw new ParameterError(`Condition ${position}: "${operator}" needs a comma list or a JSON array, but the value is ${list.reason}`, CONDITIONS);
	}
	const isCommaText = typeof value === 'string' && !value.trim().startsWith('[');
	return isCommaText ? list.value.map((item) => scalarFromText(item as string)) : list.value;
}

function conditionValue(operator: string, value: unknown, position: number): unknown {
	if (LIST_OPERATORS.includes(operator)) return listValue(value, operator, position);
	if (typeof value === 'string' && !TEXT_OPERATORS.includes(operator)) return scalarFromText(value);
	return value;
}

function conditionTerm({ field, operator, value }: FilterCondition, position: number): DomainTerm {
	const name = typeof field === 'string' ? field.trim() : '';
	if (name === '') throw new ParameterError(`Condition ${position}: the field name is empty`, CONDITIONS);
	if (!isOdooOperator(operator)) {
		throw new ParameterError(`Condition ${position}: operator ${describeValue(operator)} is not an Odoo operator (${OPERATOR_HINT})`, CONDITIONS);
	}
	return [name, operator, conditionValue(operator, value, position)];
}

/** Builds a domain from UI conditions joined by AND or OR; no conditions give [] (every record). */
export function buildDomain(conditions: FilterCondition[], combinator: 'and' | 'or'): Domain {
	const terms = conditions.map((condition, index) => conditionTerm(condition, index + 1));
	// Odoo ANDs terms with no operator between them; OR needs one prefix "|" per joint between two terms.
	const joints: DomainPrefixOperator[] = combinator === 'or' ? terms.slice(1).map(() => '|') : [];
	return [...joints, ...terms];
}

/** Python-style domains, as copied from Odoo code or the developer tools, are not JSON: say so. */
function jsonHint(text: string): string {
	const looksPython = /[()']|\b(True|False|None)\b/.test(text);
	return looksPython ? ' (write it as JSON: [ ] instead of ( ), double quotes, true/false/null instead of True/False/None)' : '';
}

function readDomainInput(input: unknown): Reading<unknown> {
	if (typeof input !== 'string') return { ok: true, value: input };
	if (input.trim() === '') return { ok: true, value: [] };
	const json = readJson(input);
	return json.ok ? json : { ok: false, reason: `${json.reason}${jsonHint(input)}` };
}

/**
 * A single condition written without the outer list (["name", "=", "x"]) is wrapped. People drop the
 * outer brackets when there is one condition, and such a list cannot be a domain as it stands (its first
 * element is neither a condition nor "&", "|", "!"), so reading it as one condition is unambiguous.
 */
function isBareTerm(list: unknown[]): boolean {
	return list.length === 3 && typeof list[0] === 'string' && !isPrefixOperator(list[0]) && isOdooOperator(list[1]);
}

function domainElement(element: unknown, position: number, field: string): DomainTerm | DomainPrefixOperator {
	if (isPrefixOperator(element)) return element;
	const where = `"${field}": item ${position}`;
	if (!Array.isArray(element) || element.length !== 3) {
		throw new ParameterError(`${where} (${describeValue(element)}) is not a condition [field, operator, value] nor "&", "|", "!"`, field);
	}
	const [name, operator, value] = element as unknown[];
	if (typeof name !== 'string' || name.trim() === '') {
		throw new ParameterError(`${where} needs a field name (text) first, not ${describeValue(name)}`, field);
	}
	if (!isOdooOperator(operator)) {
		throw new ParameterError(`${where}: operator ${describeValue(operator)} is not an Odoo operator (${OPERATOR_HINT})`, field);
	}
	return [name, operator, value];
}

const OPERANDS_NEEDED: Record<DomainPrefixOperator, number> = { '!': 1, '&': 2, '|': 2 };

/**
 * Prefix arity, read right to left: a condition is one operand; "!" takes one and gives one back, "&" and
 * "|" take two and give one back. Operands left over at the start are ANDed by Odoo, so any count is fine.
 */
function checkArity(domain: Domain, field: string): void {
	let operands = 0;
	for (let index = domain.length - 1; index >= 0; index--) {
		const element = domain[index];
		const needed = isPrefixOperator(element) ? OPERANDS_NEEDED[element] : 0;
		if (operands < needed) {
			const found = operands === 0 ? 'none follows' : `only ${operands} follows`;
			throw new ParameterError(`"${field}": "${element as string}" at item ${index + 1} needs ${needed === 1 ? 'a condition' : 'two conditions'} after it, but ${found}`, field);
		}
		operands += 1 - needed;
	}
}

/** Parses and checks a raw domain given as JSON text or as an already-parsed list; blank text is []. */
export function parseDomain(input: unknown, field: string): Domain {
	const json = readDomainInput(input);
	if (!json.ok) throw new ParameterError(`"${field}" must be a domain like [["is_company", "=", true]], but it is ${json.reason}`, field);
	if (!Array.isArray(json.value)) {
		throw new ParameterError(`"${field}" must be a list of conditions like [["is_company", "=", true]], not ${describeValue(json.value)}`, field);
	}
	const list = isBareTerm(json.value) ? [json.value] : json.value;
	const domain = list.map((element, index) => domainElement(element, index + 1, field));
	checkArity(domain, field);
	return domain;
}
