import { buildDomain, ODOO_OPERATORS, parseDomain, type Domain, type FilterCondition } from '../../nodes/CloudOffix/helpers/domain';

/** A ParameterError naming `field`, with a message matching `message`. */
const parameterError = (field: string, message: RegExp) => expect.objectContaining({ name: 'ParameterError', field, message: expect.stringMatching(message) });

const condition = (field: string, operator: string, value: string): FilterCondition => ({ field, operator, value });

/**
 * A tiny evaluator of prefix domains for equality terms, written from Odoo's rules (prefix operators,
 * implicit AND of what is left): used to check what a built domain means rather than how it looks.
 */
function matches(domain: Domain, record: Record<string, unknown>): boolean {
	const stack: boolean[] = [];
	for (const element of [...domain].reverse()) {
		if (element === '!') stack.push(!stack.pop());
		else if (element === '&') stack.push(Boolean(stack.pop()) && Boolean(stack.pop()));
		else if (element === '|') stack.push(Boolean(stack.pop()) || Boolean(stack.pop()));
		else stack.push(record[element[0]] === element[2]);
	}
	return stack.every(Boolean);
}

describe('ODOO_OPERATORS', () => {
	it('lists the 17 Odoo 11 term operators and nothing else', () => {
		expect([...ODOO_OPERATORS].sort()).toEqual(
			['=', '!=', '<=', '<', '>', '>=', '=?', '=like', '=ilike', 'like', 'not like', 'ilike', 'not ilike', 'in', 'not in', 'child_of', 'parent_of'].sort(),
		);
	});
});

describe('buildDomain', () => {
	it('gives [] for no conditions, whatever the combinator', () => {
		expect(buildDomain([], 'and')).toEqual([]);
		expect(buildDomain([], 'or')).toEqual([]);
	});

	it('ANDs by listing the terms without operators (Odoo ANDs them implicitly)', () => {
		const domain = buildDomain([condition('is_company', '=', 'true'), condition('name', 'ilike', 'agro')], 'and');
		expect(domain).toEqual([
			['is_company', '=', true],
			['name', 'ilike', 'agro'],
		]);
	});

	it('ORs n terms with n-1 leading "|" in prefix notation', () => {
		const conditions = [condition('a', '=', '1'), condition('b', '=', '2'), condition('c', '=', '3')];
		const domain = buildDomain(conditions, 'or');
		expect(domain.slice(0, 2)).toEqual(['|', '|']);
		expect(domain.slice(2)).toEqual([
			['a', '=', 1],
			['b', '=', 2],
			['c', '=', 3],
		]);
	});

	it('means OR and AND as named: a record meeting only the last condition matches OR, not AND', () => {
		const conditions = [condition('a', '=', '1'), condition('b', '=', '2'), condition('c', '=', '3')];
		const onlyLast = { a: 0, b: 0, c: 3 };
		expect(matches(buildDomain(conditions, 'or'), onlyLast)).toBe(true);
		expect(matches(buildDomain(conditions, 'and'), onlyLast)).toBe(false);
		expect(matches(buildDomain(conditions, 'and'), { a: 1, b: 2, c: 3 })).toBe(true);
		expect(matches(buildDomain(conditions, 'or'), { a: 0, b: 0, c: 0 })).toBe(false);
	});

	it('adds no "|" for a single OR condition', () => {
		expect(buildDomain([condition('a', '=', 'x')], 'or')).toEqual([['a', '=', 'x']]);
	});

	it('builds domains that parseDomain accepts unchanged (correct arity)', () => {
		const conditions = [condition('a', '=', '1'), condition('b', 'in', '1,2'), condition('c', 'ilike', 'x'), condition('d', '!=', 'false')];
		for (const combinator of ['and', 'or'] as const) {
			const domain = buildDomain(conditions, combinator);
			expect(parseDomain(domain, 'domain')).toEqual(domain);
		}
	});

	describe.each(ODOO_OPERATORS.map((operator) => [operator]))('operator %s', (operator) => {
		// The value "5" shows which conversion each operator gets: a list, text kept, or a number.
		const isList = ['in', 'not in', 'child_of', 'parent_of'].includes(operator);
		const isPattern = operator.includes('like');
		const expected = isList ? [5] : isPattern ? '5' : 5;

		it(`is accepted and converts "5" to ${JSON.stringify(expected)}`, () => {
			expect(buildDomain([condition('x', operator, '5')], 'and')).toEqual([['x', operator, expected]]);
		});
	});

	it.each([
		['12', 12],
		['-3.5', -3.5],
		['0', 0],
		[' 42 ', 42],
		['true', true],
		['false', false],
		['False', false],
		['Agrolait', 'Agrolait'],
		['', ''],
	])('converts the value text %j for "=" to %j', (text, expected) => {
		expect(buildDomain([condition('x', '=', text)], 'and')).toEqual([['x', '=', expected]]);
	});

	it.each([
		['007', 'a leading zero marks a code such as a zip'],
		['+5', 'an explicit sign is not how plain numbers are written'],
		['1e3', 'an exponent is not a plain number'],
		['12345678901234567890', 'a barcode beyond exact double precision'],
		['1,5', 'a comma is not a decimal point'],
	])('keeps %j as text (%s)', (text) => {
		expect(buildDomain([condition('x', '=', text)], 'and')[0]).toEqual(['x', '=', text]);
	});

	it('keeps JSON-quoted text as text, so char fields holding digits can be matched', () => {
		expect(buildDomain([condition('ref', '=', '"12"')], 'and')).toEqual([['ref', '=', '12']]);
	});

	it('uses false as Odoo\'s empty: "false" finds records with no partner', () => {
		expect(buildDomain([condition('partner_id', '=', 'false')], 'and')).toEqual([['partner_id', '=', false]]);
		expect(buildDomain([condition('partner_id', '=?', 'false')], 'and')).toEqual([['partner_id', '=?', false]]);
	});

	it('keeps pattern values as typed, even when they look like numbers or booleans', () => {
		expect(buildDomain([condition('name', 'like', 'true'), condition('ref', '=like', '12%')], 'and')).toEqual([
			['name', 'like', 'true'],
			['ref', '=like', '12%'],
		]);
	});

	it.each([
		['1,2,3', [1, 2, 3]],
		[' 1 , 2 ,3, ', [1, 2, 3]],
		['a,b', ['a', 'b']],
		['draft, 7, false', ['draft', 7, false]],
		['[1, "2", null]', [1, '2', null]],
		['', []],
		['[]', []],
	])('reads the "in" value %j as %j (comma list converted, JSON array as written)', (text, expected) => {
		expect(buildDomain([condition('state', 'in', text)], 'and')).toEqual([['state', 'in', expected]]);
	});

	it('wraps a single id for child_of / parent_of', () => {
		expect(buildDomain([condition('parent_id', 'child_of', '5'), condition('id', 'parent_of', '9')], 'and')).toEqual([
			['parent_id', 'child_of', [5]],
			['id', 'parent_of', [9]],
		]);
	});

	it('passes values an expression already typed, wrapping them in a list for list operators', () => {
		const typed = [
			{ field: 'a', operator: '=', value: 7 },
			{ field: 'b', operator: 'in', value: [1, 2] },
			{ field: 'c', operator: 'not in', value: 3 },
		] as unknown as FilterCondition[];
		expect(buildDomain(typed, 'and')).toEqual([
			['a', '=', 7],
			['b', 'in', [1, 2]],
			['c', 'not in', [3]],
		]);
	});

	it('trims the field name, and allows dotted paths', () => {
		expect(buildDomain([condition(' partner_id.country_id.code ', '=', 'US')], 'and')).toEqual([['partner_id.country_id.code', '=', 'US']]);
	});

	it('refuses an empty field name, naming the condition and the "Conditions" parameter', () => {
		const conditions = [condition('name', '=', 'x'), condition('  ', '=', 'x')];
		expect(() => buildDomain(conditions, 'and')).toThrow(parameterError('Conditions', /^Condition 2: the field name is empty/));
	});

	it('refuses an unknown operator, listing the Odoo ones', () => {
		const conditions = [condition('name', '=', 'x'), condition('name', 'contains', 'x')];
		expect(() => buildDomain(conditions, 'or')).toThrow(parameterError('Conditions', /^Condition 2: operator "contains" is not an Odoo operator \(use one of =, !=, <=.*parent_of\)$/));
	});

	it('refuses operators in another case, as Odoo matches them exactly', () => {
		expect(() => buildDomain([condition('name', 'ILIKE', 'x')], 'and')).toThrow(parameterError('Conditions', /^Condition 1: operator "ILIKE"/));
	});

	it('refuses a list value that starts as JSON but is not valid JSON', () => {
		expect(() => buildDomain([condition('id', 'in', '[1, 2')], 'and')).toThrow(parameterError('Conditions', /^Condition 1: "in" needs a comma list or a JSON array, but the value is not valid JSON/));
	});
});

describe('parseDomain', () => {
	const term = (name: string) => [name, '=', 1];

	it('parses JSON text', () => {
		expect(parseDomain('[["is_company", "=", true], ["customer", "!=", false]]', 'domain')).toEqual([
			['is_company', '=', true],
			['customer', '!=', false],
		]);
	});

	it('takes an already-parsed list', () => {
		const domain = ['|', term('a'), term('b')];
		expect(parseDomain(domain, 'domain')).toEqual(domain);
	});

	it('reads blank text and [] as the empty domain (every record)', () => {
		expect(parseDomain('', 'domain')).toEqual([]);
		expect(parseDomain('  \n', 'domain')).toEqual([]);
		expect(parseDomain('[]', 'domain')).toEqual([]);
	});

	it('wraps one condition given without the outer list', () => {
		expect(parseDomain('["name", "=", "x"]', 'domain')).toEqual([['name', '=', 'x']]);
		expect(parseDomain(['id', 'in', [1, 2]], 'domain')).toEqual([['id', 'in', [1, 2]]]);
	});

	it('accepts every Odoo operator in a term', () => {
		const domain = ODOO_OPERATORS.map((operator) => ['x', operator, 1]);
		expect(parseDomain(domain, 'domain')).toEqual(domain);
	});

	it.each([
		['"|" with two operands', ['|', term('a'), term('b')]],
		['"&" with two operands', ['&', term('a'), term('b')]],
		['"!" with one operand', ['!', term('a')]],
		['nested operators', ['&', '|', term('a'), term('b'), '!', term('c')]],
		['an operator followed by a group and a term', ['|', '&', term('a'), term('b'), term('c')]],
		['left-over terms (implicitly ANDed)', ['|', term('a'), term('b'), term('c')]],
		['terms only', [term('a'), term('b'), term('c')]],
		['a term before an operator group', [term('a'), '|', term('b'), term('c')]],
	])('accepts %s', (_name, domain) => {
		expect(parseDomain(domain, 'domain')).toEqual(domain);
	});

	it.each([
		['"|" with one operand', ['|', term('a')], /"\|" at item 1 needs two conditions after it, but only 1 follows/],
		['"&" with none', ['&'], /"&" at item 1 needs two conditions after it, but none follows/],
		['"!" alone', ['!'], /"!" at item 1 needs a condition after it, but none follows/],
		['an operator at the end', [term('a'), '&'], /"&" at item 2 needs two conditions/],
		['"|" "|" with two terms', ['|', '|', term('a'), term('b')], /"\|" at item 1 needs two conditions after it, but only 1 follows/],
		['"!" before "&" with one term', ['!', '&', term('a')], /"&" at item 2/],
	])('refuses %s, naming the field', (_name, domain, message) => {
		expect(() => parseDomain(domain, 'myDomain')).toThrow(parameterError('myDomain', message));
	});

	it('refuses invalid JSON, naming the field', () => {
		expect(() => parseDomain('[["name", "=", ]', 'domain')).toThrow(parameterError('domain', /^"domain" must be a domain like .*not valid JSON/));
	});

	it('says how to write a Python-style domain as JSON', () => {
		expect(() => parseDomain("[('is_company', '=', True)]", 'domain')).toThrow(parameterError('domain', /write it as JSON.*True\/False\/None/));
	});

	it('does not give the Python hint for other JSON mistakes', () => {
		expect(() => parseDomain('[["a", "=", 1],]', 'domain')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('write it as JSON') }));
	});

	it.each([
		['an object', '{"name": "x"}'],
		['a number', '5'],
		['null', 'null'],
	])('refuses %s instead of a list', (_name, text) => {
		expect(() => parseDomain(text, 'domain')).toThrow(parameterError('domain', /^"domain" must be a list of conditions/));
	});

	it.each([
		['a two-element term', [['name', '=']], /item 1 \(\["name","="\]\) is not a condition/],
		['a four-element term', [['name', '=', 1, 2]], /item 1 .* is not a condition/],
		['a bare string', [term('a'), 'and'], /item 2 \("and"\) is not a condition/],
		['a number', [5], /item 1 \(5\) is not a condition/],
		['an empty field name', [['', '=', 1]], /item 1 needs a field name \(text\) first, not ""/],
		['a numeric field (Odoo\'s TRUE_LEAF is not supported)', [[1, '=', 1]], /item 1 needs a field name/],
		['an unknown operator', [['name', 'contains', 'x']], /item 1: operator "contains" is not an Odoo operator \(use one of =/],
		['an upper-case operator', [['name', 'ILIKE', 'x']], /item 1: operator "ILIKE"/],
		['a non-text operator', [['name', 1, 'x']], /item 1: operator 1 is not an Odoo operator/],
	])('refuses %s, naming the field and the item', (_name, domain, message) => {
		expect(() => parseDomain(domain, 'filterDomain')).toThrow(parameterError('filterDomain', message));
	});

	it('does not wrap a flat list that is not a single condition', () => {
		// ["!", "=", "x"] starts with an operator: it is read as a (broken) domain, not as one condition.
		expect(() => parseDomain(['!', '=', 'x'], 'domain')).toThrow(parameterError('domain', /item 2 \("="\) is not a condition/));
	});
});
