/**
 * XML-RPC for Odoo 11's /xmlrpc/2/object: writes the methodCall of an execute_kw and reads the
 * methodResponse; the request itself goes through n8n's HTTP helper like the JSON-RPC ones.
 *
 * Why an Odoo-specific codec rather than a general XML-RPC library: Odoo 11 answers only with Python 3's
 * `xmlrpc.client.dumps((result,), methodresponse=1, allow_none=False)` (a fault: `dumps(Fault(code, text))`),
 * a small fixed subset of XML-RPC, and the node must give the same items as over JSON-RPC. So this reads
 * exactly that subset, in one pass of a cursor over the body (each text is sliced out once, never the rest
 * of the body), into the values JSON-RPC gives: a dateTime.iso8601 becomes Odoo's 'YYYY-MM-DD HH:MM:SS' text
 * rather than a Date, and text keeps the carriage returns Python writes raw (an XML parser would make them
 * line feeds).
 *
 * Accepted, because Python writes it: an optional `<?xml version='1.0'?>` declaration; <int>, <double>
 * (Python's repr), <boolean> (0/1), <string>, <dateTime.iso8601> (YYYYMMDDTHH:MM:SS), <array><data>,
 * <struct>/<member>/<name>, <fault>; text escaped as &amp; &lt; &gt;; whitespace between tags; <base64> (what
 * Python's marshaller writes for bytes, e.g. render_qweb_pdf's PDF), decoded straight into a Buffer.
 * Refused with an XmlRpcParseError, because Odoo 11 never writes it: <nil/> (without allow_none a None
 * result is a fault), <i4>, <i8> and the other
 * extension or namespaced (ex:) types, bare text or nothing in a <value>, empty-element tags, attributes,
 * CDATA, comments, processing instructions, any other entity or character reference.
 */

import { UnreadableAnswerError } from '../../shared/requestFailure';

/** What a response holds: no null (Odoo cannot send None) and no Date (dates come back as Odoo's text). */
export type XmlRpcValue = boolean | number | string | Buffer | XmlRpcValue[] | { [key: string]: XmlRpcValue };

export interface XmlRpcFault {
	faultCode: number;
	faultString: string;
}

/** A body that is not a methodResponse as Odoo 11 writes it (malformed, cut short, or not XML-RPC at all). */
export class XmlRpcParseError extends UnreadableAnswerError {
	constructor(message: string) {
		super(message);
		this.name = 'XmlRpcParseError';
	}
}

// ---------------------------------------------------------------------------------------------------------
// Writing

/**
 * null and undefined are sent as False: Odoo reads False as "empty" wherever a value may be missing (a
 * cleared many2one, char or date field, an unset limit), and it is what Python clients send, since their
 * xmlrpc.client will not write None. (Odoo's own reader would take <nil/>: allow_none only limits writing.)
 */
const NONE_AS_FALSE = '<boolean>0</boolean>';

/** `<?xml…><methodCall><methodName>…</methodName><params>…</params></methodCall>` */
export function serializeMethodCall(method: string, params: unknown[]): string {
	const out: string[] = ['<?xml version="1.0"?><methodCall><methodName>', escapeXmlText(method), '</methodName><params>'];
	const ancestors = new Set<object>();
	for (const param of params) {
		out.push('<param>');
		writeValue(out, param, ancestors);
		out.push('</param>');
	}
	out.push('</params></methodCall>');
	return out.join('');
}

/** Pieces are pushed onto one array and joined once: no string grows by repeated concatenation. */
function writeValue(out: string[], value: unknown, ancestors: Set<object>): void {
	out.push('<value>');
	writeTypedValue(out, value, ancestors);
	out.push('</value>');
}

function writeTypedValue(out: string[], value: unknown, ancestors: Set<object>): void {
	if (value === null || value === undefined) {
		out.push(NONE_AS_FALSE);
		return;
	}
	switch (typeof value) {
		case 'boolean':
			out.push(value ? '<boolean>1</boolean>' : '<boolean>0</boolean>');
			return;
		case 'number':
			out.push(formatNumber(value));
			return;
		case 'string':
			out.push('<string>', escapeXmlText(value), '</string>');
			return;
		case 'object':
			writeObject(out, value, ancestors);
			return;
		default:
			throw new Error(`XML-RPC cannot encode a ${typeof value}`);
	}
}

/**
 * Safe integers are <int> (Python reads any size, Odoo ids and counts fit); everything else is <double>.
 * NaN and ±Infinity go as False, like null: JSON.stringify makes them null on the JSON-RPC transport.
 */
function formatNumber(value: number): string {
	if (Number.isSafeInteger(value)) return `<int>${value}</int>`;
	if (!Number.isFinite(value)) return NONE_AS_FALSE;
	return `<double>${value}</double>`;
}

function writeObject(out: string[], value: object, ancestors: Set<object>): void {
	if (value instanceof Date) {
		out.push('<dateTime.iso8601>', formatDateTime(value), '</dateTime.iso8601>');
		return;
	}
	if (ancestors.has(value)) throw new Error('XML-RPC cannot encode a circular structure');
	ancestors.add(value);
	if (Array.isArray(value)) writeArray(out, value, ancestors);
	else if (isPlainObject(value)) writeStruct(out, value, ancestors);
	else throw new Error(`XML-RPC cannot encode a ${value.constructor?.name ?? 'object'}`);
	ancestors.delete(value);
}

function writeArray(out: string[], items: unknown[], ancestors: Set<object>): void {
	out.push('<array><data>');
	for (const item of items) writeValue(out, item, ancestors);
	out.push('</data></array>');
}

/** Undefined members are left out, as JSON.stringify does on the JSON-RPC transport. */
function writeStruct(out: string[], struct: Record<string, unknown>, ancestors: Set<object>): void {
	out.push('<struct>');
	for (const [name, member] of Object.entries(struct)) {
		if (member === undefined) continue;
		out.push('<member><name>', escapeXmlText(name), '</name>');
		writeValue(out, member, ancestors);
		out.push('</member>');
	}
	out.push('</struct>');
}

function isPlainObject(value: object): value is Record<string, unknown> {
	const prototype: unknown = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

/** `YYYYMMDDTHH:MM:SS` in UTC: the form Python's xmlrpc.client writes and reads, and Odoo stores UTC. */
function formatDateTime(date: Date): string {
	if (Number.isNaN(date.getTime())) throw new Error('XML-RPC cannot encode an invalid Date');
	const day = `${String(date.getUTCFullYear()).padStart(4, '0')}${pad2(date.getUTCMonth() + 1)}${pad2(date.getUTCDate())}`;
	return `${day}T${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
}

function pad2(value: number): string {
	return String(value).padStart(2, '0');
}

const CHARACTERS_TO_ESCAPE = /[&<>\r]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
/** XML 1.0 cannot carry these control characters at all, not even as character references. */
const FORBIDDEN_CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/; // eslint-disable-line no-control-regex

/**
 * Escapes &, < and > as Python's xmlrpc.client does, plus a carriage return: a raw one would be turned
 * into a line feed by the server's XML parser, so Windows line breaks in text fields would not survive.
 */
function escapeXmlText(text: string): string {
	const forbidden = FORBIDDEN_CONTROL_CHARACTER.exec(text);
	if (forbidden) {
		const code = forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
		throw new Error(`XML-RPC cannot carry the control character U+${code} (XML 1.0 forbids it)`);
	}
	return text.replace(CHARACTERS_TO_ESCAPE, (character) => ESCAPES[character]);
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/**
 * Parses a methodResponse: returns { value } or { fault }. Throws an XmlRpcParseError (message says what
 * is wrong, with a short excerpt of the body, never more than 200 characters) on a body that is not a
 * methodResponse as Odoo writes it.
 */
export function parseMethodResponse(xml: string): { value: XmlRpcValue } | { fault: XmlRpcFault } {
	if (typeof xml !== 'string') throw new XmlRpcParseError('Invalid XML-RPC response: the body is not text');
	return new ResponseReader(xml).readResponse();
}

const LESS_THAN = 0x3c;
const SLASH = 0x2f;
const EXCERPT_LENGTH = 80;
/** Odoo values nest a few levels; a limit keeps a hostile body from exhausting the stack. */
const MAX_NESTING = 200;
/** Python writes `<?xml version='1.0'?>` (no encoding: the body is UTF-8). */
const DECLARATION = /^<\?xml version=(['"])1\.0\1\?>/;
/** `<name>`, `</name>` or `<name/>`: Python writes no attributes and no space inside a tag. */
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)(\/?)>/y;
/** Markup Python never writes, named in the error. */
const OTHER_MARKUP: ReadonlyArray<[string, string]> = [
	['<!--', 'comment'],
	['<![CDATA[', 'CDATA section'],
	['<?', 'processing instruction or XML declaration'],
];
/** Python's escape() writes these three and no other entity or character reference. */
const ENTITY = /&(?:amp|lt|gt);/g;
const OTHER_AMPERSAND = /&(?!(?:amp|lt|gt);)/;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** How each scalar type's text reads; undefined when it is not what Python writes for that type. */
const SCALARS = new Map<string, (text: string) => XmlRpcValue | undefined>([
	// str(int); Python refuses ints beyond 32 bits, so every <int> is exact as a JS number.
	['int', (text) => (/^-?\d+$/.test(text) ? Number(text) : undefined)],
	['double', parseDouble],
	['boolean', (text) => (text === '1' ? true : text === '0' ? false : undefined)],
	['string', (text) => text],
	['dateTime.iso8601', toOdooDateTime],
	// bytes (binary fields themselves come as <string>): encodebytes' lines of 76 characters, whitespace skipped.
	['base64', (text) => (/^[A-Za-z0-9+/=\s]*$/.test(text) ? Buffer.from(text, 'base64') : undefined)],
]);

interface Tag {
	name: string;
	closing: boolean;
	selfClosing: boolean;
	/** Index of the tag's '<', for error messages. */
	start: number;
}

type Struct = { [key: string]: XmlRpcValue };

/** A recursive-descent reader over the tags of one body; `pos` is the only state that moves. */
class ResponseReader {
	private pos = 0;

	private nesting = 0;

	constructor(private readonly xml: string) {}

	readResponse(): { value: XmlRpcValue } | { fault: XmlRpcFault } {
		this.pos = DECLARATION.exec(this.xml)?.[0].length ?? 0;
		this.skipWhitespace();
		if (this.pos >= this.xml.length) this.fail('the body is empty');
		if (!this.xml.startsWith('<methodResponse', this.pos)) {
			this.rejectOtherMarkup();
			this.fail('the body is not an XML-RPC methodResponse');
		}
		this.expectOpen('methodResponse');
		this.skipWhitespace();
		const body = this.readTag('<params> or <fault>');
		let result: { value: XmlRpcValue } | { fault: XmlRpcFault };
		if (isOpening(body, 'params')) result = { value: this.readParams() };
		else if (isOpening(body, 'fault')) result = { fault: this.readFault() };
		else return this.fail(`expected <params> or <fault>, found ${describeTag(body)}`, body.start);
		this.expectClose('methodResponse');
		this.skipWhitespace();
		if (this.pos < this.xml.length) this.fail('unexpected content after </methodResponse>');
		return result;
	}

	/** Exactly one <param>: Odoo answers a 1-tuple. */
	private readParams(): XmlRpcValue {
		this.expectOpen('param');
		const value = this.readValue();
		this.expectClose('param');
		this.expectClose('params');
		return value;
	}

	/** Odoo's /xmlrpc/2 faults always hold an int faultCode and a string faultString. */
	private readFault(): XmlRpcFault {
		const start = this.pos;
		const value = this.readValue();
		this.expectClose('fault');
		if (!isStruct(value) || typeof value.faultCode !== 'number' || typeof value.faultString !== 'string') {
			return this.fail('<fault> does not hold an int faultCode and a string faultString', start);
		}
		return { faultCode: value.faultCode, faultString: value.faultString };
	}

	/** `<value>` holding one typed element: Python never writes bare text or an empty <value>. */
	private readValue(): XmlRpcValue {
		this.expectOpen('value');
		this.skipWhitespace();
		const tag = this.readTag('a typed element in <value>');
		if (tag.closing) this.fail('<value> holds no typed element', tag.start);
		const value = this.readTypedValue(tag);
		this.expectClose('value');
		return value;
	}

	private readTypedValue(tag: Tag): XmlRpcValue {
		const scalar = SCALARS.get(tag.name);
		const container = tag.name === 'array' || tag.name === 'struct';
		if (!scalar && !container) return this.fail(`unsupported XML-RPC type ${describeTag(tag)}`, tag.start);
		// Even an empty value is written out in full: <string></string>, <array><data></data></array>.
		if (tag.selfClosing) return this.fail(`unexpected empty element ${describeTag(tag)}`, tag.start);
		if (!scalar) return this.nested(() => (tag.name === 'array' ? this.readArray() : this.readStruct()));
		const text = this.readText();
		this.expectClose(tag.name);
		const value = scalar(text);
		return value === undefined ? this.fail(`"${clip(text)}" is not a valid ${describeTag(tag)}`, tag.start) : value;
	}

	private readArray(): XmlRpcValue[] {
		const items: XmlRpcValue[] = [];
		this.expectOpen('data');
		while (!this.atClosingTag()) items.push(this.readValue());
		this.expectClose('data');
		this.expectClose('array');
		return items;
	}

	private readStruct(): Struct {
		const members: Struct = {};
		while (!this.atClosingTag()) this.readMember(members);
		this.expectClose('struct');
		return members;
	}

	private readMember(into: Struct): void {
		this.expectOpen('member');
		this.expectOpen('name');
		const name = this.readText();
		this.expectClose('name');
		setMember(into, name, this.readValue());
		this.expectClose('member');
	}

	private nested<T>(read: () => T): T {
		if (++this.nesting > MAX_NESTING) this.fail(`values nest deeper than ${MAX_NESTING} levels`);
		const value = read();
		this.nesting--;
		return value;
	}

	// --- Lexing: tags, the text inside scalars, and the whitespace Python puts between tags ---

	private skipWhitespace(): void {
		while (this.pos < this.xml.length && isXmlWhitespace(this.xml.charCodeAt(this.pos))) this.pos++;
	}

	private atClosingTag(): boolean {
		this.skipWhitespace();
		return this.xml.charCodeAt(this.pos) === LESS_THAN && this.xml.charCodeAt(this.pos + 1) === SLASH;
	}

	private expectOpen(name: string): void {
		this.skipWhitespace();
		const tag = this.readTag(`<${name}>`);
		if (!isOpening(tag, name)) this.fail(`expected <${name}>, found ${describeTag(tag)}`, tag.start);
	}

	private expectClose(name: string): void {
		this.skipWhitespace();
		const tag = this.readTag(`</${name}>`);
		if (!tag.closing || tag.name !== name) this.fail(`expected </${name}>, found ${describeTag(tag)}`, tag.start);
	}

	/** Reads the tag at `pos` (`expected` is for the error messages). */
	private readTag(expected: string): Tag {
		const start = this.pos;
		if (start >= this.xml.length) this.fail(`unexpected end of body, expected ${expected}`);
		if (this.xml.charCodeAt(start) !== LESS_THAN) this.fail(`expected ${expected}, found text`);
		TAG.lastIndex = start;
		const match = TAG.exec(this.xml);
		if (!match || (match[1] && match[3])) {
			this.rejectOtherMarkup();
			return this.fail(this.xml.indexOf('>', start) === -1 ? 'unterminated tag' : 'malformed tag (XML-RPC tags carry no attributes)');
		}
		this.pos = TAG.lastIndex;
		return { name: match[2], closing: match[1] === '/', selfClosing: match[3] === '/', start };
	}

	private rejectOtherMarkup(): void {
		const markup = OTHER_MARKUP.find(([opening]) => this.xml.startsWith(opening, this.pos));
		if (markup) this.fail(`unexpected ${markup[1]} (Odoo writes none)`);
	}

	/** The text of a scalar, up to the next tag, with its entities decoded. Leaves `pos` on that tag's '<'. */
	private readText(): string {
		const from = this.pos;
		const to = this.xml.indexOf('<', from);
		if (to === -1) this.fail('unexpected end of body');
		this.pos = to;
		const raw = this.xml.slice(from, to);
		if (!raw.includes('&')) return raw;
		const other = OTHER_AMPERSAND.exec(raw);
		if (other) this.fail('unsupported entity or bare "&" (Odoo writes only &amp; &lt; &gt;)', from + other.index);
		return raw.replace(ENTITY, (entity) => ENTITIES[entity]);
	}

	/** Every error names the problem and shows a short excerpt around where it was found. */
	private fail(problem: string, at = this.pos): never {
		const from = Math.max(0, at - 20);
		const excerpt = this.xml.slice(from, from + EXCERPT_LENGTH).replace(/\s+/g, ' ');
		throw new XmlRpcParseError(`Invalid XML-RPC response: ${problem} (at character ${at}, near "${excerpt}")`);
	}
}

function isOpening(tag: Tag, name: string): boolean {
	return !tag.closing && !tag.selfClosing && tag.name === name;
}

function describeTag(tag: Tag): string {
	return `<${tag.closing ? '/' : ''}${tag.name}${tag.selfClosing ? '/' : ''}>`;
}

function isXmlWhitespace(code: number): boolean {
	return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

function clip(text: string): string {
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function isStruct(value: XmlRpcValue): value is Struct {
	return typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** A member named `__proto__` must become data, not replace the object's prototype. */
function setMember(struct: Struct, name: string, value: XmlRpcValue): void {
	if (name === '__proto__') {
		Object.defineProperty(struct, name, { value, enumerable: true, writable: true, configurable: true });
	} else {
		struct[name] = value;
	}
}

/** Python writes repr(float): '3.25', '7.0', '1e-07', '1e+16', and 'inf', '-inf' or 'nan'. */
function parseDouble(text: string): number | undefined {
	if (/^-?\d+(?:\.\d+)?(?:e[+-]\d+)?$/.test(text)) return Number(text);
	if (text === 'inf' || text === '-inf') return text === 'inf' ? Infinity : -Infinity;
	return text === 'nan' ? NaN : undefined;
}

/**
 * Python writes a datetime as YYYYMMDDTHH:MM:SS (its naive part); JSON-RPC gives the same datetime as
 * Odoo's 'YYYY-MM-DD HH:MM:SS', so this returns that text rather than a Date.
 */
function toOdooDateTime(text: string): string | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2}:\d{2}:\d{2})$/.exec(text);
	return match ? `${match[1]}-${match[2]}-${match[3]} ${match[4]}` : undefined;
}
