import { DateTime } from 'luxon';

import { parseRecordId, toOdooValue } from '../../nodes/CloudOffix/helpers/values';
import { parseJsonArray, parseJsonObject } from '../../nodes/shared/jsonParameters';

/** A ParameterError naming `field`, with a message matching `message`. */
const parameterError = (field: string, message: RegExp) => expect.objectContaining({ name: 'ParameterError', field, message: expect.stringMatching(message) });

/** Odoo's UTC form of the instant JavaScript reads from ISO text: an independent oracle for zone conversion. */
const odooUtcOf = (iso: string) => new Date(iso).toISOString().replace('T', ' ').slice(0, 19);

describe('parseJsonObject', () => {
	it('parses JSON text', () => {
		expect(parseJsonObject('{"name": "Agrolait", "customer": true}', 'values')).toEqual({ name: 'Agrolait', customer: true });
	});

	it('passes an object through as it is', () => {
		const values = { name: 'x' };
		expect(parseJsonObject(values, 'values')).toBe(values);
	});

	it('reads blank text as {}', () => {
		expect(parseJsonObject('  ', 'values')).toEqual({});
	});

	it('refuses invalid JSON, naming the field', () => {
		expect(() => parseJsonObject('{name: "x"}', 'values')).toThrow(parameterError('values', /^"values" must be a JSON object like \{"field": "value"\}, but it is not valid JSON/));
	});

	it.each([
		['an array', '[1, 2]', /not \[1,2\]$/],
		['null', 'null', /not null$/],
		['a string', '"x"', /not "x"$/],
		['a number value', 5, /not 5$/],
		['an array value', [], /not \[\]$/],
		['a date', new Date(0), /not "1970-01-01T00:00:00.000Z"$/],
	])('refuses %s, saying what it got', (_name, input, message) => {
		expect(() => parseJsonObject(input, 'context')).toThrow(parameterError('context', message));
	});
});

describe('parseJsonArray', () => {
	it('parses JSON text, passes arrays through and reads blank text as []', () => {
		const list = [1];
		expect(parseJsonArray('[1, "a", null]', 'args')).toEqual([1, 'a', null]);
		expect(parseJsonArray(list, 'args')).toBe(list);
		expect(parseJsonArray('', 'args')).toEqual([]);
	});

	it('refuses invalid JSON and non-arrays, naming the field', () => {
		expect(() => parseJsonArray('[1,', 'args')).toThrow(parameterError('args', /^"args" must be a JSON array like \[1, 2\], but it is not valid JSON/));
		expect(() => parseJsonArray('{"a": 1}', 'args')).toThrow(parameterError('args', /not \{"a":1\}$/));
		expect(() => parseJsonArray(7, 'args')).toThrow(parameterError('args', /not 7$/));
	});
});

describe('parseRecordId', () => {
	it.each([
		[12, 12],
		['12', 12],
		[' 12 ', 12],
		['007', 7],
		[{ __rl: true, mode: 'id', value: '42' }, 42],
		[{ __rl: true, mode: 'list', value: 7 }, 7],
		[{ __rl: true, mode: 'url', value: 'https://demo.cloudoffix.com/web#id=15&model=res.partner&view_type=form' }, 15],
		[{ __rl: true, mode: 'url', value: 'https://demo.cloudoffix.com/web#model=res.partner&id=16' }, 16],
	])('reads %j as %d', (input, expected) => {
		expect(parseRecordId(input, 'recordId')).toBe(expected);
	});

	it.each([
		[0, /not 0$/],
		[-3, /not -3$/],
		[1.5, /not 1\.5$/],
		['12a', /not "12a"$/],
		['', /not ""$/],
		['1.0', /not "1.0"$/],
		['-4', /not "-4"$/],
		[null, /not null$/],
		[undefined, /not nothing$/],
		[true, /not true$/],
		[Number.NaN, /not null$/], // JSON shows NaN as null; the point is that it is refused
		[2 ** 53, /not 9007199254740992$/],
		[[7, 'Agrolait'], /not \[7,"Agrolait"\]$/],
		[{ __rl: true, mode: 'id', value: 'abc' }, /not "abc"$/],
		[{ __rl: true, mode: 'url', value: 'https://x/web#model=res.partner' }, /not "https:\/\/x\/web#model=res.partner"$/],
	])('refuses %j, naming the field and the value', (input, message) => {
		expect(() => parseRecordId(input, 'recordId')).toThrow(parameterError('recordId', new RegExp(`^"recordId" must be a record ID \\(a whole number above 0\\), ${message.source}`)));
	});
});

describe('toOdooValue', () => {
	it('passes values of unknown types through unchanged', () => {
		const value = { anything: [1] };
		expect(toOdooValue('x_data', 'serialized', value, 'Values (JSON)')).toBe(value);
		expect(toOdooValue('x_data', 'serialized', '', 'Values (JSON)')).toBe('');
	});

	it('names the field and its type, and what it expected, when a value cannot be converted', () => {
		expect(() => toOdooValue('color', 'integer', 'red', 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /^Field "color" \(integer\) needs a whole number, not "red"$/));
	});

	describe('empty scalars', () => {
		const scalarTypes = ['char', 'text', 'html', 'integer', 'float', 'monetary', 'boolean', 'date', 'datetime', 'selection', 'many2one', 'binary', 'reference'];
		it.each(scalarTypes.flatMap((type) => ['', null, false, undefined].map((value) => [type, value])))('%s: %j becomes false, Odoo\'s empty', (type, value) => {
			expect(toOdooValue('f', type as string, value, 'Values (JSON)')).toBe(false);
		});
	});

	describe('many2one', () => {
		it.each([
			[7, 7],
			['7', 7],
			[[7, 'Agrolait'], 7],
			[{ __rl: true, mode: 'list', value: '9' }, 9],
		])('reads %j as the id %d', (value, expected) => {
			expect(toOdooValue('partner_id', 'many2one', value, 'Values (JSON)')).toBe(expected);
		});

		it.each([['Agrolait'], [0], [-1], [[7]], [{ id: 7 }], [true]])('refuses %j', (value) => {
			expect(() => toOdooValue('partner_id', 'many2one', value, 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /^Field "partner_id" \(many2one\) needs a record ID/));
		});
	});

	describe('one2many / many2many', () => {
		it.each([
			[[1, 2], [1, 2]],
			['1,2,3', [1, 2, 3]],
			['[1, 2]', [1, 2]],
			[5, [5]],
			['5', [5]],
			[['3', 4], [3, 4]],
		])('turns the id list %j into one replace command', (value, ids) => {
			expect(toOdooValue('category_id', 'many2many', value, 'Values (JSON)')).toEqual([[6, 0, ids]]);
			expect(toOdooValue('child_ids', 'one2many', value, 'Values (JSON)')).toEqual([[6, 0, ids]]);
		});

		it('never sends a comma-joined string (Odoo refuses "4,564,0")', () => {
			const sent = toOdooValue('category_id', 'many2many', '4,564', 'Values (JSON)');
			expect(typeof sent).not.toBe('string');
			expect(sent).toEqual([[6, 0, [4, 564]]]);
		});

		it.each([[''], [null], [false], [[]], ['[]']])('reads the empty value %j as "no records"', (value) => {
			expect(toOdooValue('category_id', 'many2many', value, 'Values (JSON)')).toEqual([[6, 0, []]]);
		});

		it('reads a flat list as ids, never as a command: [4, 7] is records 4 and 7', () => {
			expect(toOdooValue('category_id', 'many2many', [4, 7], 'Values (JSON)')).toEqual([[6, 0, [4, 7]]]);
		});

		it.each([
			['create', [[0, 0, { name: 'New tag' }]]],
			['update', [[1, 7, { name: 'Renamed' }]]],
			['delete', [[2, 7]]],
			['unlink', [[3, 7]]],
			['link', [[4, 7]]],
			['clear', [[5]]],
			['replace', [[6, 0, [1, 2]]]],
			['replace with nothing', [[6, 0, []]]],
			['create with false as placeholder', [[0, false, {}]]],
			['link with the documented placeholder', [[4, 7, 0]]],
			['clear with placeholders', [[5, 0, 0]]],
			['delete with false as placeholder', [[2, 7, false]]],
			['several commands', [[5], [4, 7], [0, 0, { name: 'x' }], [3, 9]]],
		])('passes the %s command list through unchanged', (_name, commands) => {
			expect(toOdooValue('category_id', 'many2many', commands, 'Values (JSON)')).toBe(commands);
		});

		it('parses commands given as JSON text', () => {
			expect(toOdooValue('order_line', 'one2many', '[[0, 0, {"product_id": 5}], [2, 9]]', 'Values (JSON)')).toEqual([
				[0, 0, { product_id: 5 }],
				[2, 9],
			]);
		});

		it.each([
			['create without values', [[0, 0]], /command 1 \[0,0\] does not fit \[0, 0, \{values\}\] \(create\)/],
			['create with an id', [[0, 1, {}]], /command 1 \[0,1,\{\}\] does not fit \[0, 0, \{values\}\]/],
			['create with a list of values', [[0, 0, []]], /command 1 \S+ does not fit \[0, 0, \{values\}\]/],
			['update without values', [[1, 7]], /command 1 \[1,7\] does not fit \[1, id, \{values\}\] \(update\)/],
			['update without an id', [[1, 0, {}]], /command 1 \S+ does not fit \[1, id, \{values\}\]/],
			['delete without an id', [[2]], /command 1 \[2\] does not fit \[2, id\] \(delete\)/],
			['unlink with a text id', [[3, '7']], /command 1 \S+ does not fit \[3, id\] \(unlink\)/],
			['link with a third value', [[4, 7, 9]], /command 1 \S+ does not fit \[4, id\] \(link\)/],
			['link with four elements', [[4, 7, 0, 0]], /command 1 \S+ does not fit \[4, id\]/],
			['clear with an id', [[5, 1]], /command 1 \S+ does not fit \[5\] \(clear\)/],
			['replace without a list', [[6, 0, 7]], /command 1 \S+ does not fit \[6, 0, \[ids\]\] \(replace\)/],
			['replace with text ids', [[6, 0, ['a']]], /command 1 \S+ does not fit \[6, 0, \[ids\]\]/],
			['replace with a non-placeholder', [[6, 1, [1]]], /command 1 \S+ does not fit \[6, 0, \[ids\]\]/],
			['an unknown command number', [[7, 1]], /command 1 \[7,1\] is not an x2many command \(use \[0, 0, \{values\}\] \(create\), .*\[6, 0, \[ids\]\] \(replace\)\)/],
			['a command number as text', [['4', 1]], /command 1 \["4",1\] is not an x2many command/],
			['an empty command', [[]], /command 1 \[\] is not an x2many command/],
			['a bad second command', [[4, 7], [4]], /command 2 \[4\] does not fit \[4, id\]/],
		])('refuses %s', (_name, commands, message) => {
			expect(() => toOdooValue('category_id', 'many2many', commands, 'Values (JSON)')).toThrow(parameterError('Values (JSON)', new RegExp(`^Field "category_id" \\(many2many\\): ${message.source}`)));
		});

		it('refuses commands mixed with ids', () => {
			expect(() => toOdooValue('category_id', 'many2many', [[4, 1], 5], 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /: item 1 \(\[4,1\]\) is not a record ID .*such as \[\[4, 7\]\]/));
		});

		it('refuses ids that are not ids, and broken JSON', () => {
			expect(() => toOdooValue('category_id', 'many2many', '1,x', 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /: item 2 \("x"\) is not a record ID/));
			expect(() => toOdooValue('category_id', 'many2many', '[[4, 1]', 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /: needs record IDs .* but it is not valid JSON/));
		});
	});

	describe('integer, float, monetary', () => {
		it.each([
			[5, 5],
			['5', 5],
			[' -3 ', -3],
			['+4', 4],
			['1e3', 1000],
		])('integer: reads %j as %d', (value, expected) => {
			expect(toOdooValue('qty', 'integer', value, 'Values (JSON)')).toBe(expected);
		});

		it.each([[5.5], ['5.5'], ['abc'], ['5 apples'], [Number.NaN], [Infinity], [true], [2 ** 53]])('integer: refuses %j', (value) => {
			expect(() => toOdooValue('qty', 'integer', value, 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /^Field "qty" \(integer\) needs a whole number/));
		});

		it.each([
			['12.5', 12.5],
			[12.5, 12.5],
			['.5', 0.5],
			['1e-2', 0.01],
			['-7', -7],
		])('float and monetary: read %j as %d', (value, expected) => {
			expect(toOdooValue('price', 'float', value, 'Values (JSON)')).toBe(expected);
			expect(toOdooValue('amount', 'monetary', value, 'Values (JSON)')).toBe(expected);
		});

		it.each([['12,5'], ['abc'], ['1.2.3'], [Infinity], [{}]])('float and monetary: refuse %j', (value) => {
			expect(() => toOdooValue('price', 'float', value, 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /^Field "price" \(float\) needs a number/));
			expect(() => toOdooValue('amount', 'monetary', value, 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /^Field "amount" \(monetary\) needs a number/));
		});
	});

	describe('boolean', () => {
		it.each([
			[true, true],
			['true', true],
			['TRUE', true],
			[' false ', false],
			[1, true],
			[0, false],
			['1', true],
			['0', false],
		])('reads %j as %j', (value, expected) => {
			expect(toOdooValue('active', 'boolean', value, 'Values (JSON)')).toBe(expected);
		});

		it.each([['yes'], [2], ['constructor'], [[]]])('refuses %j', (value) => {
			expect(() => toOdooValue('active', 'boolean', value, 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /^Field "active" \(boolean\) needs true or false/));
		});
	});

	describe('date', () => {
		it.each([
			['2024-05-31', '2024-05-31'],
			[' 2024-05-31 ', '2024-05-31'],
			['2024-05-31 14:30:00', '2024-05-31'],
			['2024-05-31T14:30:00Z', '2024-05-31'],
			// The date as written: 00:30 in UTC+2 is still 30 May in UTC, but the writer meant 31 May.
			['2024-05-31T00:30:00+02:00', '2024-05-31'],
			['2024-05-31T23:30:00-05:00', '2024-05-31'],
			['2024-02-29', '2024-02-29'],
		])('reads %j as %j', (value, expected) => {
			expect(toOdooValue('date_order', 'date', value, 'Values (JSON)')).toBe(expected);
		});

		it('takes the UTC date of a Date object', () => {
			expect(toOdooValue('date_order', 'date', new Date(Date.UTC(2024, 4, 31, 23, 30)), 'Values (JSON)')).toBe('2024-05-31');
		});

		it('takes the date of an n8n (Luxon) DateTime in its own zone', () => {
			// 00:30 in Istanbul on 31 May is still 30 May in UTC: the written date wins, as for ISO text.
			const dateTime = DateTime.fromISO('2024-05-31T00:30:00', { zone: 'Europe/Istanbul' });
			expect(toOdooValue('date_order', 'date', dateTime, 'Values (JSON)')).toBe('2024-05-31');
			expect(() => toOdooValue('date_order', 'date', DateTime.invalid('no reason'), 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /needs a date/));
		});

		it.each([['2023-02-29'], ['2024-13-01'], ['31/05/2024'], ['2024-5-31'], ['2024-05-31T25:00:00Z'], ['2024-05-31T12:00:00 junk'], [20240531], [new Date('nope')]])('refuses %j', (value) => {
			expect(() => toOdooValue('date_order', 'date', value, 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /^Field "date_order" \(date\) needs a date like 2024-05-31/));
		});
	});

	describe('datetime', () => {
		it('keeps Odoo\'s own UTC form as it is', () => {
			expect(toOdooValue('date_deadline', 'datetime', '2024-05-31 14:30:00', 'Values (JSON)')).toBe('2024-05-31 14:30:00');
		});

		it.each([
			['2024-05-31T14:30:00Z'],
			['2024-05-31T14:30:00+02:00'],
			['2024-05-31T14:30:00-05:00'],
			['2024-06-01T01:00:00+03:00'], // crosses back to the previous UTC day
			['2024-05-31T22:00:00-04:00'], // crosses forward to the next UTC day
			['2024-05-31T14:30:00+05:30'],
			['2024-12-31T23:59:59-01:00'], // crosses into the next year
		])('converts %j to UTC', (iso) => {
			expect(toOdooValue('date_deadline', 'datetime', iso, 'Values (JSON)')).toBe(odooUtcOf(iso));
		});

		it('reads compact and hour-only offsets', () => {
			expect(toOdooValue('d', 'datetime', '2024-05-31T14:30:00+0530', 'Values (JSON)')).toBe('2024-05-31 09:00:00');
			expect(toOdooValue('d', 'datetime', '2024-05-31T14:30:00+02', 'Values (JSON)')).toBe('2024-05-31 12:30:00');
		});

		it('drops fractions of a second and fills in missing seconds', () => {
			expect(toOdooValue('d', 'datetime', '2024-05-31T14:30:00.789Z', 'Values (JSON)')).toBe('2024-05-31 14:30:00');
			expect(toOdooValue('d', 'datetime', '2024-05-31T14:30Z', 'Values (JSON)')).toBe('2024-05-31 14:30:00');
		});

		it('takes a time without a zone as UTC, like Odoo\'s own form', () => {
			expect(toOdooValue('d', 'datetime', '2024-05-31T14:30:00', 'Values (JSON)')).toBe('2024-05-31 14:30:00');
		});

		it('reads a date alone as midnight UTC', () => {
			expect(toOdooValue('d', 'datetime', '2024-05-31', 'Values (JSON)')).toBe('2024-05-31 00:00:00');
		});

		it('converts a Date object to UTC', () => {
			expect(toOdooValue('d', 'datetime', new Date('2024-05-31T16:30:00+02:00'), 'Values (JSON)')).toBe('2024-05-31 14:30:00');
		});

		it('converts an n8n (Luxon) DateTime to UTC from its own zone', () => {
			const dateTime = DateTime.fromISO('2024-05-31T16:30:00', { zone: 'Asia/Kolkata' });
			expect(toOdooValue('d', 'datetime', dateTime, 'Values (JSON)')).toBe('2024-05-31 11:00:00');
		});

		it.each([['2024-05-31T24:00:00Z'], ['2024-05-31 14:60:00'], ['2024-02-30 10:00:00'], ['tomorrow'], ['2024-05-31T14:30:00+2'], [1717165800000], [new Date(Number.NaN)]])('refuses %j', (value) => {
			expect(() => toOdooValue('d', 'datetime', value, 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /^Field "d" \(datetime\) needs a date-time like 2024-05-31 14:30:00 \(UTC\)/));
		});
	});

	describe('selection, text, binary, reference', () => {
		it('passes selection keys as given (membership is the caller\'s check)', () => {
			expect(toOdooValue('state', 'selection', 'draft', 'Values (JSON)')).toBe('draft');
			expect(toOdooValue('priority', 'selection', 3, 'Values (JSON)')).toBe(3);
			expect(() => toOdooValue('state', 'selection', ['draft'], 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /^Field "state" \(selection\) needs a selection key/));
		});

		it('passes text through and writes numbers as text', () => {
			expect(toOdooValue('name', 'char', ' Agrolait ', 'Values (JSON)')).toBe(' Agrolait ');
			expect(toOdooValue('phone', 'char', 5551234, 'Values (JSON)')).toBe('5551234');
			expect(toOdooValue('comment', 'text', 'a\nb', 'Values (JSON)')).toBe('a\nb');
			expect(toOdooValue('body', 'html', '<p>x</p>', 'Values (JSON)')).toBe('<p>x</p>');
		});

		it.each([[true], [{ a: 1 }], [['x']]])('refuses %j for text', (value) => {
			expect(() => toOdooValue('name', 'char', value, 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /^Field "name" \(char\) needs text/));
		});

		it('takes base64 text, dropping line breaks and a data: URL prefix, and encodes bytes', () => {
			const hello = Buffer.from('hello').toString('base64');
			expect(toOdooValue('image', 'binary', hello, 'Values (JSON)')).toBe(hello);
			expect(toOdooValue('image', 'binary', `${hello.slice(0, 4)}\n${hello.slice(4)}`, 'Values (JSON)')).toBe(hello);
			expect(toOdooValue('image', 'binary', `data:text/plain;base64,${hello}`, 'Values (JSON)')).toBe(hello);
			expect(toOdooValue('image', 'binary', Buffer.from('hello'), 'Values (JSON)')).toBe(hello);
		});

		it.each([['aGVsbG8'], ['not base64!'], [42]])('refuses %j as binary', (value) => {
			expect(() => toOdooValue('image', 'binary', value, 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /^Field "image" \(binary\) needs base64 text/));
		});

		it('takes a reference as model,id', () => {
			expect(toOdooValue('ref', 'reference', 'res.partner,7', 'Values (JSON)')).toBe('res.partner,7');
			expect(() => toOdooValue('ref', 'reference', 'res.partner', 'Values (JSON)')).toThrow(parameterError('Values (JSON)', /^Field "ref" \(reference\) needs a reference like res.partner,7/));
		});
	});
});
