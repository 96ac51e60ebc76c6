import type { FieldDef } from './database';

/**
 * How one domain leaf tests one value, as PostgreSQL evaluates the SQL Odoo 11 writes for it: NULL matches no
 * comparison, LIKE patterns keep % and _ active, values are cast to the column's type before comparing, text
 * compares by collation.
 */

type ValueTest = (value: unknown) => boolean;

/** One leaf on one stored value, with SQL NULL semantics (false and null are NULL; booleans treat NULL as false). */
export function scalarTest(field: FieldDef, operator: string, right: unknown): ValueTest {
	const normalize = normalizerFor(field);
	const empty = field.type === 'boolean' ? (value: unknown) => !value : isEmpty;
	if (operator === '=?') return isEmpty(right) ? () => true : scalarTest(field, '=', right);
	if (operator === 'in' || operator === 'not in') {
		const items = listOf(right);
		const values = new Set(items.filter((item) => !isEmpty(item)).map(normalize));
		const withNull = items.some(isEmpty);
		const inList = (value: unknown): boolean => (empty(value) ? withNull : values.has(normalize(value)));
		if (operator === 'in') return inList;
		return (value) => (empty(value) ? !withNull : !values.has(normalize(value)));
	}
	if (field.type === 'boolean' && (operator === '=' || operator === '!=')) {
		const wanted = Boolean(right) === (operator === '=');
		return (value) => Boolean(value) === wanted;
	}
	if (operator.endsWith('like')) return likeTest(operator, right, empty);
	if (isEmpty(right)) {
		if (operator === '=') return empty;
		if (operator === '!=') return (value) => !empty(value);
		return () => false;
	}
	const target = normalize(right);
	const compare = comparisonFor(operator);
	return (value) => !empty(value) && compare(normalize(value), target);
}

function comparisonFor(operator: string): (a: unknown, b: unknown) => boolean {
	const order = (a: unknown, b: unknown): number => compareValues(a as string | number, b as string | number);
	switch (operator) {
		case '=':
			return (a, b) => a === b;
		case '!=':
			return (a, b) => a !== b;
		case '<':
			return (a, b) => order(a, b) < 0;
		case '>':
			return (a, b) => order(a, b) > 0;
		case '<=':
			return (a, b) => order(a, b) <= 0;
		default:
			return (a, b) => order(a, b) >= 0;
	}
}

/** A value as SQL orders it: null is NULL. */
export type SortValue = string | number | null;

const collator = new Intl.Collator('en');

/** Compares two values as PostgreSQL orders them, null (empty) after everything (NULLS LAST); sorting uses it too. */
export function compareValues(a: SortValue, b: SortValue): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return collator.compare(String(a), String(b));
}

/**
 * like/ilike wrap the value in % (Odoo leaves % and _ in it active); =like/=ilike use it as the pattern. An empty
 * wrapped pattern also matches NULL: Odoo adds "OR field IS NULL" then.
 */
function likeTest(operator: string, right: unknown, empty: ValueTest): ValueTest {
	const negative = operator.startsWith('not ');
	const base = negative ? operator.slice(4) : operator;
	const wrapped = !base.startsWith('=');
	const text = right === false || right === null || right === undefined ? '' : String(right);
	const pattern = likePattern(wrapped ? `%${text}%` : text, base.endsWith('ilike'));
	const nullMatches = wrapped && text === '';
	return (value) => {
		if (empty(value)) return nullMatches;
		return pattern.test(String(value)) !== negative;
	};
}

function likePattern(pattern: string, caseInsensitive: boolean): RegExp {
	let source = '';
	for (let index = 0; index < pattern.length; index++) {
		const char = pattern[index];
		if (char === '\\' && index + 1 < pattern.length) source += escapeRegExp(pattern[++index]);
		else if (char === '%') source += '.*';
		else if (char === '_') source += '.';
		else source += escapeRegExp(char);
	}
	return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
}

function escapeRegExp(char: string): string {
	return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Values compared as PostgreSQL would after casting: numbers as numbers, datetimes in one format. */
function normalizerFor(field: FieldDef): (value: unknown) => unknown {
	switch (field.type) {
		case 'integer':
		case 'float':
		case 'monetary':
		case 'many2one':
		case 'one2many':
		case 'many2many':
			return (value) => (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value);
		case 'datetime':
			return (value) => (typeof value === 'string' ? normalizeDatetime(value) : value);
		case 'boolean':
			return (value) => Boolean(value);
		default:
			return (value) => value;
	}
}

function normalizeDatetime(value: string): string {
	const text = value.replace('T', ' ').replace(/(\.\d+)?Z?$/, '');
	return text.length === 10 ? `${text} 00:00:00` : text;
}

/** SQL's NULL: false, null, or an empty list of ids. */
export function isEmpty(value: unknown): boolean {
	return value === false || value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** The right side of in / not in as a list (a lone value is a list of one). */
export function listOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	return isEmpty(value) ? [] : [value];
}
