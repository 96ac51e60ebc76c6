import { readFileSync } from 'fs';
import { join } from 'path';

import {
	parseMethodResponse,
	serializeMethodCall,
	XmlRpcParseError,
	type XmlRpcFault,
	type XmlRpcValue,
} from '../../nodes/CloudOffix/transport/xmlRpc';

/** Bodies from test/fixtures/xmlrpc (see its README for where each one comes from). */
const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/xmlrpc', name), 'utf8');

/** Wraps one `<value>…</value>` the way Python's xmlrpc.client lays out a methodResponse. */
const response = (valueXml: string) =>
	`<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n${valueXml}\n</param>\n</params>\n</methodResponse>\n`;

function valueOf(parsed: { value: XmlRpcValue } | { fault: XmlRpcFault }): XmlRpcValue {
	if (!('value' in parsed)) throw new Error(`expected a value, got fault ${JSON.stringify(parsed.fault)}`);
	return parsed.value;
}

function faultOf(parsed: { value: XmlRpcValue } | { fault: XmlRpcFault }): XmlRpcFault {
	if (!('fault' in parsed)) throw new Error(`expected a fault, got ${JSON.stringify(parsed.value)}`);
	return parsed.fault;
}

const parseValue = (valueXml: string) => valueOf(parseMethodResponse(response(valueXml)));

/** Serializes one parameter, then reads its <params> back as if a server had answered it. */
function roundTrip(value: unknown): XmlRpcValue {
	const call = serializeMethodCall('echo', [value]);
	const params = call.slice(call.indexOf('<params>'), call.lastIndexOf('</params>') + '</params>'.length);
	return valueOf(parseMethodResponse(`<?xml version="1.0"?><methodResponse>${params}</methodResponse>`));
}

/** The `<value>` of the only parameter of a serialized call. */
function serializedValue(value: unknown): string {
	const call = serializeMethodCall('m', [value]);
	return call.slice(call.indexOf('<param>') + '<param>'.length, call.lastIndexOf('</param>'));
}

/** Capture 73 cut off inside a string, as a dropped connection would leave it. */
const truncated73 = () => {
	const body = fixture('73_xmlrpc_raw_version.xml');
	return body.slice(0, body.indexOf('final') + 3);
};

function parseError(xml: string): XmlRpcParseError {
	let thrown: unknown;
	try {
		parseMethodResponse(xml);
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(XmlRpcParseError);
	return thrown as XmlRpcParseError;
}

describe('serializeMethodCall', () => {
	it('writes the same call as Python xmlrpc.client (apart from its line breaks and declaration quotes)', () => {
		const python = fixture('python_execute_kw_call.xml').replace(/\n/g, '').replace("<?xml version='1.0'?>", '<?xml version="1.0"?>');
		const ours = serializeMethodCall('execute_kw', [
			'testdb',
			1,
			'admin',
			'res.partner',
			'search_read',
			[[['is_company', '=', true]]],
			{ fields: ['name', 'country_id', 'create_date'], limit: 2, ratio: 0.5, note: 'a & b < c > d' },
		]);
		expect(ours).toBe(python);
	});

	it('writes the envelope, with the method name escaped, for no parameters', () => {
		expect(serializeMethodCall('version', [])).toBe(
			'<?xml version="1.0"?><methodCall><methodName>version</methodName><params></params></methodCall>',
		);
		expect(serializeMethodCall('a&b<c>', [])).toContain('<methodName>a&amp;b&lt;c&gt;</methodName>');
	});

	it.each([
		[42, '<int>42</int>'],
		[-7, '<int>-7</int>'],
		[0, '<int>0</int>'],
		[-0, '<int>0</int>'],
		[Number.MAX_SAFE_INTEGER, '<int>9007199254740991</int>'],
		[2 ** 53, '<double>9007199254740992</double>'],
		[1.5, '<double>1.5</double>'],
		[-0.25, '<double>-0.25</double>'],
		[1e-7, '<double>1e-7</double>'],
		[true, '<boolean>1</boolean>'],
		[false, '<boolean>0</boolean>'],
		['', '<string></string>'],
		['plain', '<string>plain</string>'],
	])('writes %p as %s', (value, expected) => {
		expect(serializedValue(value)).toBe(`<value>${expected}</value>`);
	});

	it('sends null, undefined, NaN and Infinity as False (Odoo 11 has no allow_none)', () => {
		for (const value of [null, undefined, NaN, Infinity, -Infinity]) {
			expect(serializedValue(value)).toBe('<value><boolean>0</boolean></value>');
		}
	});

	it('escapes &, < and > like Python, and a carriage return so that it survives the server parser', () => {
		expect(serializedValue('Tom & Jerry <b>"x"</b> \'y\' ]]>')).toBe(
			'<value><string>Tom &amp; Jerry &lt;b&gt;"x"&lt;/b&gt; \'y\' ]]&gt;</string></value>',
		);
		expect(serializedValue('a\r\nb\tc\nd')).toBe('<value><string>a&#13;\nb\tc\nd</string></value>');
		expect(serializedValue('Ödeme — 東京 🚀')).toBe('<value><string>Ödeme — 東京 🚀</string></value>');
	});

	it('refuses control characters that XML 1.0 cannot carry', () => {
		expect(() => serializeMethodCall('m', ['bell\u0007'])).toThrow('U+0007');
		expect(() => serializeMethodCall('m', [{ 'key\u0000': 1 }])).toThrow('U+0000');
	});

	it('writes a Date in UTC as YYYYMMDDTHH:MM:SS', () => {
		expect(serializedValue(new Date('2026-11-23T23:10:59.999Z'))).toBe(
			'<value><dateTime.iso8601>20261123T23:10:59</dateTime.iso8601></value>',
		);
		expect(serializedValue(new Date('2026-01-02T03:04:05+05:30'))).toBe(
			'<value><dateTime.iso8601>20260101T21:34:05</dateTime.iso8601></value>',
		);
		expect(() => serializeMethodCall('m', [new Date('not a date')])).toThrow('invalid Date');
	});

	it('writes arrays and structs, skipping undefined members and sending undefined items as False', () => {
		expect(serializedValue([1, 'a', undefined, []])).toBe(
			'<value><array><data><value><int>1</int></value><value><string>a</string></value>' +
				'<value><boolean>0</boolean></value><value><array><data></data></array></value></data></array></value>',
		);
		expect(serializedValue({ a: 1, skipped: undefined, 'x&y': { b: null }, empty: {} })).toBe(
			'<value><struct><member><name>a</name><value><int>1</int></value></member>' +
				'<member><name>x&amp;y</name><value><struct><member><name>b</name><value><boolean>0</boolean></value></member></struct></value></member>' +
				'<member><name>empty</name><value><struct></struct></value></member></struct></value>',
		);
		const withoutPrototype = Object.assign(Object.create(null) as Record<string, unknown>, { id: 3 });
		expect(serializedValue(withoutPrototype)).toBe('<value><struct><member><name>id</name><value><int>3</int></value></member></struct></value>');
	});

	it('writes the same object twice when it is shared, but refuses a cycle', () => {
		const shared = { id: 1 };
		expect(roundTrip([shared, { again: shared }])).toEqual([{ id: 1 }, { again: { id: 1 } }]);
		const cyclic: Record<string, unknown> = { name: 'loop' };
		cyclic.self = cyclic;
		expect(() => serializeMethodCall('m', [cyclic])).toThrow('circular');
		const cyclicArray: unknown[] = [];
		cyclicArray.push([cyclicArray]);
		expect(() => serializeMethodCall('m', [cyclicArray])).toThrow('circular');
	});

	it('refuses values XML-RPC has no type for', () => {
		class Partner {
			id = 1;
		}
		expect(() => serializeMethodCall('m', [() => 1])).toThrow('cannot encode a function');
		expect(() => serializeMethodCall('m', [Symbol('s')])).toThrow('cannot encode a symbol');
		// n8n values are JSON, and JSON-RPC cannot send a BigInt either.
		expect(() => serializeMethodCall('m', [BigInt('123456789012345678901')])).toThrow('cannot encode a bigint');
		expect(() => serializeMethodCall('m', [new Map()])).toThrow('cannot encode a Map');
		expect(() => serializeMethodCall('m', [{ nested: new Partner() }])).toThrow('cannot encode a Partner');
	});
});

describe('round trips', () => {
	// No carriage return here: it goes out as &#13; for Odoo's parser and comes back raw (see the parsing tests).
	it.each([
		['an int', 42],
		['a negative int', -2147483648],
		['a large safe int', 2 ** 40],
		['a double', 3.141592653589793],
		['a tiny double', 5e-324],
		['a huge double', 1.7976931348623157e308],
		['true', true],
		['false', false],
		['an empty string', ''],
		['a string with markup and entities', '<b>&amp; "q" \'a\' ]]> &#13;</b>'],
		['a string with surrounding whitespace', '  padded\t\n '],
		['astral characters', '🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢'],
		['an empty array', []],
		['an empty struct', {}],
	])('%s', (_name, value) => {
		expect(roundTrip(value)).toEqual(value);
	});

	it('nested structures as Odoo uses them (domain, kwargs, one2many commands)', () => {
		const value = {
			domain: ['|', ['name', 'ilike', 'a&b'], ['id', 'in', [1, 2, 3]]],
			fields: ['name', 'order_line'],
			context: { lang: 'en_US', tz: 'Europe/Istanbul', active_test: false },
			values: { order_line: [[0, 0, { product_id: 7, price_unit: 9.99, name: '<Line>' }], [2, 15, false]] },
			deep: { a: [{ b: [{ c: [[[]]] }] }] },
		};
		expect(roundTrip(value)).toEqual(value);
	});

	it('null comes back as false, and a Date as the Odoo-style UTC string', () => {
		expect(roundTrip({ parent_id: null, date: new Date('2026-11-23T23:10:59Z') })).toEqual({
			parent_id: false,
			date: '2026-11-23 23:10:59',
		});
	});
});

describe('parseMethodResponse on real Odoo 11 bodies', () => {
	it('reads the version() struct (capture 73)', () => {
		expect(valueOf(parseMethodResponse(fixture('73_xmlrpc_raw_version.xml')))).toEqual({
			server_version: '11.0',
			server_version_info: [11, 0, 0, 'final', 0, ''],
			server_serie: '11.0',
			protocol_version: 1,
		});
	});

	it('reads the wrong-password fault 3 "Access denied" (capture 74)', () => {
		expect(faultOf(parseMethodResponse(fixture('74_xmlrpc_raw_fault_wrong_pw.xml')))).toEqual({
			faultCode: 3,
			faultString: 'Access denied',
		});
	});

	it('reads the unknown-model fault 2 (capture 75)', () => {
		expect(faultOf(parseMethodResponse(fixture('75_xmlrpc_raw_fault_bad_model.xml')))).toEqual({
			faultCode: 2,
			faultString: "Object no.such.model doesn't exist",
		});
	});

	it('reads the long fault 2 of a missing record (capture 69, encoded as Odoo encodes it)', () => {
		expect(faultOf(parseMethodResponse(fixture('69_fault_missing_record.xml')))).toEqual({
			faultCode: 2,
			faultString:
				"('One of the records you are trying to modify has already been deleted (Document type: Contact).\\n\\n(Records: (999999,), User: 1)', None)",
		});
	});

	it('reads the access-error fault 4 (capture 68)', () => {
		const fault = faultOf(parseMethodResponse(fixture('68_fault_access_error.xml')));
		expect(fault.faultCode).toBe(4);
		expect(fault.faultString).toMatch(/^\('Sorry, you are not allowed to access this document\..*\(Operation: read, User: 5\)', None\)$/);
	});

	it('reads a search_read result (capture 64) and False fields (capture 72)', () => {
		expect(valueOf(parseMethodResponse(fixture('64_search_read.xml')))).toEqual([
			{ id: 8, name: 'ASUSTeK', country_id: [227, 'Taiwan'], create_date: '2026-11-23 23:10:59' },
			{ id: 9, name: 'Agrolait', country_id: [20, 'Belgium'], create_date: '2026-11-23 23:10:59' },
		]);
		expect(valueOf(parseMethodResponse(fixture('72_read_false_fields.xml')))).toEqual([
			{ id: 1, name: 'YourCompany', parent_id: false, comment: 'touched', date: false },
		]);
	});

	it('reads every type an Odoo 11 answer holds (Python xmlrpc.client with Odoo 11\'s marshaller patch)', () => {
		expect(valueOf(parseMethodResponse(fixture('python_all_types.xml')))).toEqual({
			int: 42,
			negative: -7,
			zero: 0,
			int_max: 2147483647,
			double: 3.25,
			integral_double: 7,
			tiny: 1e-7,
			huge: 1e16,
			true: true,
			false: false,
			text: 'Tom & Jerry <cartoon> "quoted" \'single\'',
			unicode: 'Ödeme — 東京 🚀',
			multiline: 'a\nb\tc',
			empty: '',
			when: '2026-11-23 23:10:59',
			image_small: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
			no_items: [],
			no_fields: {},
			'a&b<c>': 'member names are escaped too',
			nested: [
				{ id: 1, tags: [1, 2, [3, 'x']] },
				{ id: 2, partner_id: [7, 'Agrolait'], child: { deep: { deeper: true } } },
			],
		});
	});
});

describe('parseMethodResponse value types', () => {
	it.each([
		['<value><int>17</int></value>', 17],
		['<value><int>-2147483648</int></value>', -2147483648],
		['<value><double>2.5</double></value>', 2.5],
		['<value><double>-0.25</double></value>', -0.25],
		['<value><double>7.0</double></value>', 7],
		['<value><double>1e-07</double></value>', 1e-7],
		['<value><double>1.5e+300</double></value>', 1.5e300],
		['<value><double>inf</double></value>', Infinity],
		['<value><double>-inf</double></value>', -Infinity],
		['<value><boolean>1</boolean></value>', true],
		['<value><boolean>0</boolean></value>', false],
		['<value><string>text</string></value>', 'text'],
		['<value><string></string></value>', ''],
		['<value><string>  padded\t</string></value>', '  padded\t'],
		['<value><dateTime.iso8601>20261123T23:10:59</dateTime.iso8601></value>', '2026-11-23 23:10:59'],
		['<value><array><data>\n</data></array></value>', []],
		['<value><struct>\n</struct></value>', {}],
	])('%s', (xml, expected) => {
		expect(parseValue(xml)).toEqual(expected);
	});

	it('reads nan', () => {
		expect(parseValue('<value><double>nan</double></value>')).toBeNaN();
	});

	it('decodes the three entities Python writes, in text and in member names', () => {
		expect(parseValue('<value><string>&amp;&lt;&gt; &amp;lt; a&amp;b</string></value>')).toBe('&<> &lt; a&b');
		expect(parseValue('<value><struct><member><name>a&amp;b</name><value><string>&lt;x&gt;</string></value></member></struct></value>')).toEqual({
			'a&b': '<x>',
		});
	});

	it('keeps carriage returns and control characters as Odoo holds them (Python writes them raw; JSON-RPC gives them too)', () => {
		expect(parseValue('<value><string>line 1\r\nline 2\rline 3\u0007</string></value>')).toBe('line 1\r\nline 2\rline 3\u0007');
	});

	it('reads a body with any whitespace between tags, and without the declaration', () => {
		const body = '<methodResponse>\r\n  <params>\n\t<param>\n    <value>\n      <array><data>\n        <value> <int>1</int> </value>\n      </data></array>\n    </value>\n  </param>\n</params>\n</methodResponse>';
		expect(valueOf(parseMethodResponse(body))).toEqual([1]);
		expect(valueOf(parseMethodResponse(`<?xml version="1.0"?>${body}`))).toEqual([1]);
	});

	it('keeps a __proto__ member as data instead of a prototype', () => {
		const value = parseValue(
			'<value><struct><member><name>__proto__</name><value><struct><member><name>polluted</name><value><boolean>1</boolean></value></member></struct></value></member></struct></value>',
		) as Record<string, unknown>;
		expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
		expect(Object.keys(value)).toEqual(['__proto__']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('reads <base64> (bytes, as render_qweb_pdf returns them) into a Buffer, its line breaks skipped', () => {
		// Odoo 11 sends binary fields as <string> (wsgi_server.py _patch_xmlrpc_marshaller), but Python bytes as <base64>.
		const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xe2, 0xe3, 0xcf, 0xd3, 0x00, 0xff]);
		const wrapped = `${bytes.toString('base64').slice(0, 8)}\n${bytes.toString('base64').slice(8)}\n`;
		const value = parseValue(`<value><array><data><value><base64>\n${wrapped}</base64></value><value><string>pdf</string></value></data></array></value>`) as XmlRpcValue[];
		expect(Buffer.isBuffer(value[0])).toBe(true);
		expect((value[0] as Buffer).equals(bytes)).toBe(true);
		expect(value[1]).toBe('pdf');
	});

	it('lets a repeated member name win last, as Python does', () => {
		expect(
			parseValue('<value><struct><member><name>a</name><value><int>1</int></value></member><member><name>a</name><value><int>2</int></value></member></struct></value>'),
		).toEqual({ a: 2 });
	});
});

/** Runs `xml` and checks that it fails as an XmlRpcParseError whose message matches `message`. */
function expectRejected(xml: string, message: RegExp): void {
	const error = parseError(xml);
	expect(error.message).toMatch(/^Invalid XML-RPC response: /);
	expect(error.message).toMatch(message);
}

describe('parseMethodResponse refuses what Odoo 11 never writes', () => {
	it.each([
		// allow_none=False: a None result is a fault, never <nil/>.
		['<nil/>', '<value><nil/></value>', /unsupported XML-RPC type <nil\/>/],
		['<nil></nil>', '<value><nil></nil></value>', /unsupported XML-RPC type <nil>/],
		['Apache <ex:nil/>', '<value><ex:nil/></value>', /unsupported XML-RPC type <ex:nil\/>/],
		['Apache <ex:i8>', '<value><ex:i8>5</ex:i8></value>', /unsupported XML-RPC type <ex:i8>/],
		['<i1>', '<value><i1>5</i1></value>', /unsupported XML-RPC type <i1>/],
		['<i2>', '<value><i2>5</i2></value>', /unsupported XML-RPC type <i2>/],
		['<i4> (Python writes <int>)', '<value><i4>5</i4></value>', /unsupported XML-RPC type <i4>/],
		['<i8>', '<value><i8>5</i8></value>', /unsupported XML-RPC type <i8>/],
		['<biginteger>', '<value><biginteger>5</biginteger></value>', /unsupported XML-RPC type <biginteger>/],
		['<bigdecimal>', '<value><bigdecimal>5.0</bigdecimal></value>', /unsupported XML-RPC type <bigdecimal>/],
		['<float> (Python writes <double>)', '<value><float>5.0</float></value>', /unsupported XML-RPC type <float>/],
		['<base64> with text that is not base64', '<value><base64>not base64!</base64></value>', /"not base64!" is not a valid <base64>/],
		['an unknown type', '<value><date>2020</date></value>', /unsupported XML-RPC type <date>/],
		['bare text in <value>', '<value>bare text</value>', /expected a typed element in <value>, found text/],
		['an empty <value></value>', '<value></value>', /<value> holds no typed element/],
		['an empty <value/>', '<value/>', /expected <value>, found <value\/>/],
		['an empty <string/>', '<value><string/></value>', /unexpected empty element <string\/>/],
		['an empty <array/>', '<value><array/></value>', /unexpected empty element <array\/>/],
		['an empty <struct/>', '<value><struct/></value>', /unexpected empty element <struct\/>/],
		['an <array> without <data>', '<value><array></array></value>', /expected <data>, found <\/array>/],
		['an empty <data/>', '<value><array><data/></array></value>', /expected <data>, found <data\/>/],
		['an empty <name/>', '<value><struct><member><name/><value><int>1</int></value></member></struct></value>', /expected <name>, found <name\/>/],
		['a CDATA section', '<value><string><![CDATA[a <b>]]></string></value>', /unexpected CDATA section/],
		['a comment between tags', '<value><array><data><!-- x --></data></array></value>', /unexpected comment/],
		['a comment inside text', '<value><string>a<!-- x -->b</string></value>', /unexpected comment/],
		['a processing instruction', '<value><string>a<?pi x?></string></value>', /unexpected processing instruction/],
		['an attribute', '<value><string xml:space="preserve">a</string></value>', /malformed tag \(XML-RPC tags carry no attributes\)/],
		['a space inside a tag', '<value ><int>1</int></value>', /malformed tag/],
		['&quot;', '<value><string>&quot;</string></value>', /unsupported entity or bare "&".*near ".*&quot;/],
		['&apos;', '<value><string>&apos;</string></value>', /unsupported entity or bare "&"/],
		['&nbsp;', '<value><string>&nbsp;</string></value>', /unsupported entity or bare "&"/],
		['a decimal character reference', '<value><string>&#13;</string></value>', /unsupported entity or bare "&".*near ".*&#13;/],
		['a hexadecimal character reference', '<value><string>&#x41;</string></value>', /unsupported entity or bare "&"/],
		['a bare ampersand', '<value><string>Tom & Jerry</string></value>', /unsupported entity or bare "&"/],
		['an int with a sign', '<value><int>+3</int></value>', /"\+3" is not a valid <int>/],
		['an int with spaces', '<value><int> 3 </int></value>', /" 3 " is not a valid <int>/],
		['an uppercase exponent', '<value><double>-1E3</double></value>', /"-1E3" is not a valid <double>/],
		['a double without a leading digit', '<value><double>.5</double></value>', /"\.5" is not a valid <double>/],
		['"Infinity"', '<value><double>Infinity</double></value>', /"Infinity" is not a valid <double>/],
		['boolean "true"', '<value><boolean>true</boolean></value>', /"true" is not a valid <boolean>/],
		['a dateTime with dashes', '<value><dateTime.iso8601>2026-11-23T23:10:59</dateTime.iso8601></value>', /is not a valid <dateTime.iso8601>/],
		['a dateTime with a zone', '<value><dateTime.iso8601>20261123T23:10:59Z</dateTime.iso8601></value>', /is not a valid <dateTime.iso8601>/],
		['a dateTime with an offset', '<value><dateTime.iso8601>20261124T01:10:59+02:00</dateTime.iso8601></value>', /is not a valid <dateTime.iso8601>/],
		['a dateTime with spaces', '<value><dateTime.iso8601> 20261123T23:10:59 </dateTime.iso8601></value>', /is not a valid <dateTime.iso8601>/],
		['free text as a dateTime', '<value><dateTime.iso8601>sometime</dateTime.iso8601></value>', /"sometime" is not a valid <dateTime.iso8601>/],
	])('%s', (_name, valueXml, message) => {
		expectRejected(response(valueXml), message);
	});

	it.each([
		['a byte order mark', `\uFEFF${fixture('73_xmlrpc_raw_version.xml')}`, /the body is not an XML-RPC methodResponse/],
		['a declaration with an encoding', `<?xml version='1.0' encoding='iso-8859-1'?>\n<methodResponse/>`, /unexpected processing instruction or XML declaration/],
		['a second declaration', `<?xml version='1.0'?>\n${fixture('74_xmlrpc_raw_fault_wrong_pw.xml')}`, /unexpected processing instruction or XML declaration/],
		['a comment before the response', `<!-- proxy -->${fixture('74_xmlrpc_raw_fault_wrong_pw.xml')}`, /unexpected comment/],
		['a comment after the response', `${fixture('74_xmlrpc_raw_fault_wrong_pw.xml')}<!-- proxy -->`, /unexpected content after <\/methodResponse>/],
		[
			'a faultCode sent as a string (the legacy /xmlrpc/ route)',
			'<methodResponse><fault><value><struct><member><name>faultCode</name><value><string>warning -- x</string></value></member>' +
				'<member><name>faultString</name><value><string></string></value></member></struct></value></fault></methodResponse>',
			/<fault> does not hold an int faultCode and a string faultString/,
		],
		['a fault without members', '<methodResponse><fault><value><struct></struct></value></fault></methodResponse>', /<fault> does not hold an int faultCode/],
		['a fault that is not a struct', '<methodResponse><fault><value><int>3</int></value></fault></methodResponse>', /<fault> does not hold an int faultCode/],
	])('%s', (_name, xml, message) => {
		expectRejected(xml, message);
	});
});

describe('parseMethodResponse on malformed bodies', () => {
	it.each([
		['an empty body', '', /the body is empty/],
		['a blank body', '  \n ', /the body is empty/],
		['an HTML error page', '<!DOCTYPE html>\n<html><title>404 Not Found</title></html>', /not an XML-RPC methodResponse.*404 Not Found/],
		['a JSON body', '{"jsonrpc": "2.0", "result": 1}', /not an XML-RPC methodResponse/],
		['a methodCall', '<?xml version="1.0"?><methodCall><methodName>x</methodName></methodCall>', /not an XML-RPC methodResponse/],
		['an empty methodResponse', '<methodResponse/>', /expected <methodResponse>, found <methodResponse\/>/],
		['neither params nor fault', '<methodResponse><result></result></methodResponse>', /expected <params> or <fault>, found <result>/],
		['no param', '<methodResponse><params></params></methodResponse>', /expected <param>, found <\/params>/],
		['two params', response('<value><string>a</string></value></param><param><value><string>b</string></value>'), /expected <\/params>, found <param>/],
		['a truncated body', truncated73(), /unexpected end of body/],
		['a body cut between tags', fixture('73_xmlrpc_raw_version.xml').slice(0, 56), /unexpected end of body, expected <value>/],
		['a tag cut in the middle', '<methodResponse><params><param><value><str', /unterminated tag/],
		['a mismatched closing tag', response('<value><string>x</int></value>'), /expected <\/string>, found <\/int>/],
		['a bad int', response('<value><int>12a</int></value>'), /"12a" is not a valid <int>/],
		['an empty int', response('<value><int></int></value>'), /"" is not a valid <int>/],
		['a bad double', response('<value><double>1.2.3</double></value>'), /"1.2.3" is not a valid <double>/],
		['a bad boolean', response('<value><boolean>yes</boolean></value>'), /"yes" is not a valid <boolean>/],
		['stray text between tags', response('<value><array><data>oops</data></array></value>'), /expected <value>, found text/],
		['a member without a name', response('<value><struct><member><value><int>1</int></value></member></struct></value>'), /expected <name>, found <value>/],
		['an empty member', response('<value><struct><member/></struct></value>'), /expected <member>, found <member\/>/],
		['content after the response', `${fixture('74_xmlrpc_raw_fault_wrong_pw.xml')}<extra/>`, /unexpected content after <\/methodResponse>/],
		['values nested too deeply', response(`${'<value><array><data>'.repeat(300)}${'</data></array></value>'.repeat(300)}`), /nest deeper than 200/],
	])('rejects %s', (_name, xml, message) => {
		expectRejected(xml, message);
	});

	it('rejects a body that is not text', () => {
		expect(() => parseMethodResponse(undefined as unknown as string)).toThrow('the body is not text');
	});

	it('says where the problem is but echoes at most a short excerpt of a large body', () => {
		const huge = `<html>${'x'.repeat(1_000_000)}</html>`;
		const error = parseError(huge);
		const excerpt = /near "(.*)"\)$/.exec(error.message)?.[1] ?? '';
		expect(excerpt.length).toBeLessThanOrEqual(200);
		expect(excerpt.startsWith('<html>xxx')).toBe(true);
		expect(error.message.length).toBeLessThan(300);

		const deep = parseError(response(`<value><array><data>${'<value><int>1</int></value>'.repeat(50_000)}<value><int>x</int></value></data></array></value>`));
		expect(deep.message).toMatch(/"x" is not a valid <int> \(at character \d+, near ".*<int>x<\/int>.*"\)$/);
		expect(deep.message.length).toBeLessThan(300);
	});
});

describe('large responses', () => {
	const partner = (id: number) => ({
		id,
		name: `Partner ${id} & Sons <Ltd>`,
		active: id % 2 === 0,
		credit_limit: id + 0.5,
		country_id: [id % 250, 'Türkiye'],
		category_id: [1, 2, 3],
		comment: null,
		create_date: new Date(Date.UTC(2026, 10, 23, 23, 10, 59)),
	});

	it('serializes and parses a 5,000-record search_read', () => {
		const records = Array.from({ length: 5_000 }, (_, index) => partner(index + 1));
		const parsed = roundTrip(records) as Array<Record<string, XmlRpcValue>>;
		expect(parsed).toHaveLength(5_000);
		expect(parsed[4_999]).toEqual({
			id: 5_000,
			name: 'Partner 5000 & Sons <Ltd>',
			active: true,
			credit_limit: 5_000.5,
			country_id: [0, 'Türkiye'],
			category_id: [1, 2, 3],
			comment: false,
			create_date: '2026-11-23 23:10:59',
		});
	});

	it('parses a 5,000-struct body laid out as Python writes it', () => {
		const records = fixture('64_search_read.xml');
		const oneRecord = records.slice(records.indexOf('<value><struct>'), records.indexOf('</struct></value>') + '</struct></value>'.length);
		const body = response(`<value><array><data>\n${`${oneRecord}\n`.repeat(5_000)}</data></array></value>`);
		const parsed = valueOf(parseMethodResponse(body)) as XmlRpcValue[];
		expect(parsed).toHaveLength(5_000);
		expect(parsed[2_500]).toEqual({ id: 8, name: 'ASUSTeK', country_id: [227, 'Taiwan'], create_date: '2026-11-23 23:10:59' });
	});
});
