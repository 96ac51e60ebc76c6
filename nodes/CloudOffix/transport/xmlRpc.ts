/**
 * A small XML-RPC codec for Odoo's /xmlrpc/2 endpoints: it writes methodCall bodies and reads methodResponse
 * bodies. It is hand-written (no dependencies) because it is bundled into the node, and it reads with a
 * cursor over the body (indexes, no repeated slicing of the rest), so a search_read of thousands of
 * records costs one pass.
 */

import { UnreadableAnswerError } from '../../shared/requestFailure';

export type XmlRpcValue = null | boolean | number | string | Date | XmlRpcValue[] | { [key: string]: XmlRpcValue };

export interface XmlRpcFault {
	faultCode: number;
	faultString: string;
}

/** A body that is not a well-formed XML-RPC methodResponse. */
export class XmlRpcParseError extends UnreadableAnswerError {
	constructor(message: string) {
		super(message);
		this.name = 'XmlRpcParseError';
	}
}

// ---------------------------------------------------------------------------------------------------------
// Writing

/**
 * Odoo 11 runs xmlrpc.client without allow_none, so it rejects <nil/>; and Odoo reads False as "empty"
 * (a cleared many2one, char or date field). So null and undefined are sent as False, which is also what
 * Python clients of Odoo do by hand.
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
		case 'bigint':
			out.push('<int>', value.toString(), '</int>');
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
 * NaN and ±Infinity go as None/False, which is what JSON.stringify makes of them on the JSON-RPC transport.
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
 * is wrong, with a short excerpt of the body, never more than 200 characters) on malformed XML or a body
 * that is not a methodResponse.
 */
export function parseMethodResponse(xml: string): { value: XmlRpcValue } | { fault: XmlRpcFault } {
	if (typeof xml !== 'string') throw new XmlRpcParseError('Invalid XML-RPC response: the body is not text');
	return new ResponseReader(xml).readResponse();
}

const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const SLASH = 0x2f;
const EXCERPT_LENGTH = 80;
/** Odoo values nest a few levels; a limit keeps a hostile body from exhausting the stack. */
const MAX_NESTING = 200;

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
		this.skipProlog();
		if (this.pos >= this.xml.length) this.fail('the body is empty');
		if (!this.xml.startsWith('<methodResponse', this.pos)) this.fail('the body is not an XML-RPC methodResponse');
		if (this.expectOpen('methodResponse').selfClosing) this.fail('<methodResponse> is empty');
		this.skipMisc();
		const body = this.readTag('<params> or <fault>');
		let result: { value: XmlRpcValue } | { fault: XmlRpcFault };
		if (isOpening(body, 'params')) result = { value: this.readParams(body) };
		else if (isOpening(body, 'fault')) result = { fault: this.readFault(body) };
		else return this.fail(`expected <params> or <fault>, found ${describeTag(body)}`, body.start);
		this.expectClose('methodResponse');
		this.skipMisc();
		if (this.pos < this.xml.length) this.fail('unexpected content after </methodResponse>');
		return result;
	}

	/** Exactly one <param>: a Python server (Odoo) always answers a 1-tuple. */
	private readParams(params: Tag): XmlRpcValue {
		if (params.selfClosing) this.fail('<params> holds no <param>', params.start);
		const param = this.expectOpen('param');
		if (param.selfClosing) this.fail('<param> holds no <value>', param.start);
		const value = this.readValue();
		this.expectClose('param');
		this.expectClose('params');
		return value;
	}

	private readFault(fault: Tag): XmlRpcFault {
		if (fault.selfClosing) this.fail('<fault> holds no <value>', fault.start);
		const start = this.pos;
		const value = this.readValue();
		this.expectClose('fault');
		if (!isStruct(value)) return this.fail('<fault> does not hold a struct', start);
		return { faultCode: toFaultCode(value.faultCode), faultString: toFaultString(value.faultString) };
	}

	/** `<value>` holding one typed element, or bare text (a string), or nothing (an empty string). */
	private readValue(): XmlRpcValue {
		if (this.expectOpen('value').selfClosing) return '';
		const text = this.readText();
		if (this.atClosingTag()) {
			this.expectClose('value');
			return text;
		}
		if (!isBlank(text)) this.fail('text mixed with a typed element inside <value>');
		const value = this.readTypedValue(this.readTag('a typed element'));
		this.expectClose('value');
		return value;
	}

	private readTypedValue(tag: Tag): XmlRpcValue {
		// Apache's extensions come namespaced (<ex:nil/>, <ex:i8>); Python's reader drops the prefix too.
		const type = tag.name.slice(tag.name.indexOf(':') + 1);
		switch (type) {
			case 'int':
			case 'i1':
			case 'i2':
			case 'i4':
			case 'i8':
			case 'biginteger':
				return this.parseInteger(this.readScalar(tag), tag);
			case 'double':
			case 'float':
			case 'bigdecimal':
				return this.parseDouble(this.readScalar(tag), tag);
			case 'boolean':
				return this.parseBoolean(this.readScalar(tag), tag);
			case 'string':
				return this.readScalar(tag);
			case 'base64':
				// Odoo's binary fields are base64 text anyway; Python wraps base64 every 76 characters.
				return this.readScalar(tag).replace(/\s+/g, '');
			case 'dateTime.iso8601':
				return toOdooDateTime(this.readScalar(tag));
			case 'nil':
				this.readScalar(tag);
				return null;
			case 'array':
				return this.nested(() => this.readArray(tag));
			case 'struct':
				return this.nested(() => this.readStruct(tag));
			default:
				return this.fail(`unsupported XML-RPC type ${describeTag(tag)}`, tag.start);
		}
	}

	/** The text of a scalar element, up to its closing tag. */
	private readScalar(tag: Tag): string {
		if (tag.selfClosing) return '';
		const text = this.readText();
		this.expectClose(tag.name);
		return text;
	}

	/** Python's reader also takes an <array> without <data>; so does this one. */
	private readArray(array: Tag): XmlRpcValue[] {
		const items: XmlRpcValue[] = [];
		if (array.selfClosing || this.atClosingTag()) {
			if (!array.selfClosing) this.expectClose(array.name);
			return items;
		}
		if (!this.expectOpen('data').selfClosing) {
			while (!this.atClosingTag()) items.push(this.readValue());
			this.expectClose('data');
		}
		this.expectClose(array.name);
		return items;
	}

	private readStruct(struct: Tag): Struct {
		const members: Struct = {};
		if (struct.selfClosing) return members;
		while (!this.atClosingTag()) this.readMember(members);
		this.expectClose(struct.name);
		return members;
	}

	private readMember(into: Struct): void {
		const member = this.expectOpen('member');
		if (member.selfClosing) this.fail('<member> is empty', member.start);
		const name = this.expectOpen('name');
		const key = name.selfClosing ? '' : this.readText();
		if (!name.selfClosing) this.expectClose('name');
		setMember(into, key, this.readValue());
		this.expectClose('member');
	}

	private nested<T>(read: () => T): T {
		if (++this.nesting > MAX_NESTING) this.fail(`values nest deeper than ${MAX_NESTING} levels`);
		const value = read();
		this.nesting--;
		return value;
	}

	private parseInteger(text: string, tag: Tag): number {
		const trimmed = text.trim();
		// Values beyond 2^53 lose precision as JS numbers; Odoo's ids and counts are far below that.
		if (!/^[+-]?\d+$/.test(trimmed)) this.fail(`"${clip(trimmed)}" is not a valid ${describeTag(tag)}`, tag.start);
		return Number(trimmed);
	}

	private parseDouble(text: string, tag: Tag): number {
		const trimmed = text.trim();
		if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
		// Python writes repr(float): 'inf', '-inf' and 'nan' are possible.
		if (/^[+-]?inf(inity)?$/i.test(trimmed)) return trimmed.startsWith('-') ? -Infinity : Infinity;
		if (/^[+-]?nan$/i.test(trimmed)) return NaN;
		return this.fail(`"${clip(trimmed)}" is not a valid ${describeTag(tag)}`, tag.start);
	}

	private parseBoolean(text: string, tag: Tag): boolean {
		const trimmed = text.trim().toLowerCase();
		if (trimmed === '1' || trimmed === 'true') return true;
		if (trimmed === '0' || trimmed === 'false') return false;
		return this.fail(`"${clip(trimmed)}" is not a valid ${describeTag(tag)}`, tag.start);
	}

	// --- Lexing: tags, text, and what XML allows between them ---

	private skipProlog(): void {
		if (this.xml.charCodeAt(0) === 0xfeff) this.pos = 1;
		this.skipMisc();
	}

	/** Whitespace, comments and processing instructions (the `<?xml …?>` declaration among them). */
	private skipMisc(): void {
		const { xml } = this;
		for (;;) {
			while (this.pos < xml.length && isXmlWhitespace(xml.charCodeAt(this.pos))) this.pos++;
			if (xml.startsWith('<!--', this.pos)) this.skipPast('-->', 'comment');
			else if (xml.startsWith('<?', this.pos)) this.skipPast('?>', 'processing instruction');
			else return;
		}
	}

	private skipPast(terminator: string, what: string): void {
		const end = this.xml.indexOf(terminator, this.pos);
		if (end === -1) this.fail(`unterminated ${what}`);
		this.pos = end + terminator.length;
	}

	private atClosingTag(): boolean {
		this.skipMisc();
		return this.xml.charCodeAt(this.pos) === LESS_THAN && this.xml.charCodeAt(this.pos + 1) === SLASH;
	}

	private expectOpen(name: string): Tag {
		this.skipMisc();
		const tag = this.readTag(`<${name}>`);
		if (!isOpening(tag, name)) this.fail(`expected <${name}>, found ${describeTag(tag)}`, tag.start);
		return tag;
	}

	private expectClose(name: string): void {
		this.skipMisc();
		const tag = this.readTag(`</${name}>`);
		if (!tag.closing || tag.name !== name) this.fail(`expected </${name}>, found ${describeTag(tag)}`, tag.start);
	}

	/** Reads the tag at `pos` (`expected` is for the error messages). Attributes are skipped: XML-RPC defines none. */
	private readTag(expected: string): Tag {
		const { xml } = this;
		const start = this.pos;
		if (start >= xml.length) this.fail(`unexpected end of body, expected ${expected}`);
		if (xml.charCodeAt(start) !== LESS_THAN) this.fail(`expected ${expected}, found text`);
		const closing = xml.charCodeAt(start + 1) === SLASH;
		const nameStart = closing ? start + 2 : start + 1;
		let nameEnd = nameStart;
		while (nameEnd < xml.length && isTagNameCharacter(xml.charCodeAt(nameEnd))) nameEnd++;
		if (nameEnd === nameStart) this.fail('expected a tag name');
		const end = xml.indexOf('>', nameEnd);
		if (end === -1 || xml.lastIndexOf('<', end) !== start) this.fail('unterminated tag');
		this.pos = end + 1;
		const selfClosing = !closing && xml.charCodeAt(end - 1) === SLASH;
		return { name: xml.slice(nameStart, nameEnd), closing, selfClosing, start };
	}

	/**
	 * Character data up to the next element tag, with entities decoded, CDATA sections taken as they are
	 * and comments and processing instructions dropped. Leaves `pos` on that tag's '<'.
	 */
	private readText(): string {
		const { xml } = this;
		let text = '';
		for (;;) {
			const lessThan = xml.indexOf('<', this.pos);
			if (lessThan === -1) this.fail('unexpected end of body');
			if (lessThan > this.pos) text += this.decodeCharacterData(this.pos, lessThan);
			this.pos = lessThan;
			if (xml.startsWith('<![CDATA[', lessThan)) text += this.readCdata();
			else if (xml.startsWith('<!--', lessThan)) this.skipPast('-->', 'comment');
			else if (xml.startsWith('<?', lessThan)) this.skipPast('?>', 'processing instruction');
			else return text;
		}
	}

	private readCdata(): string {
		const contentStart = this.pos + '<![CDATA['.length;
		const end = this.xml.indexOf(']]>', contentStart);
		if (end === -1) this.fail('unterminated CDATA section');
		this.pos = end + ']]>'.length;
		return normalizeLineBreaks(this.xml.slice(contentStart, end));
	}

	/** Decodes xml[from, to): one slice, and a piece list only when there are entities. */
	private decodeCharacterData(from: number, to: number): string {
		const raw = normalizeLineBreaks(this.xml.slice(from, to));
		let ampersand = raw.indexOf('&');
		if (ampersand === -1) return raw;
		const pieces: string[] = [];
		let copiedUpTo = 0;
		while (ampersand !== -1) {
			const semicolon = raw.indexOf(';', ampersand);
			// The longest reference XML allows here is '&#x10FFFF;'.
			if (semicolon === -1 || semicolon - ampersand > 10) this.fail('a bare "&" or an unterminated entity', from);
			pieces.push(raw.slice(copiedUpTo, ampersand), this.decodeEntity(raw.slice(ampersand + 1, semicolon), from));
			copiedUpTo = semicolon + 1;
			ampersand = raw.indexOf('&', copiedUpTo);
		}
		pieces.push(raw.slice(copiedUpTo));
		return pieces.join('');
	}

	private decodeEntity(entity: string, at: number): string {
		const named = NAMED_ENTITIES[entity];
		if (named !== undefined) return named;
		const codePoint = /^#x[0-9a-fA-F]+$/.test(entity)
			? parseInt(entity.slice(2), 16)
			: /^#[0-9]+$/.test(entity)
				? parseInt(entity.slice(1), 10)
				: NaN;
		if (!isXmlCharacter(codePoint)) this.fail(`unknown or invalid entity "&${clip(entity)};"`, at);
		return String.fromCodePoint(codePoint);
	}

	/** Every error names the problem and shows a short excerpt around where it was found. */
	private fail(problem: string, at = this.pos): never {
		const from = Math.max(0, at - 20);
		const excerpt = this.xml.slice(from, from + EXCERPT_LENGTH).replace(/\s+/g, ' ');
		throw new XmlRpcParseError(`Invalid XML-RPC response: ${problem} (at character ${at}, near "${excerpt}")`);
	}
}

const NAMED_ENTITIES: Record<string, string | undefined> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
};

function isOpening(tag: Tag, name: string): boolean {
	return !tag.closing && tag.name === name;
}

function describeTag(tag: Tag): string {
	return `<${tag.closing ? '/' : ''}${tag.name}>`;
}

function isXmlWhitespace(code: number): boolean {
	return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

function isTagNameCharacter(code: number): boolean {
	return !isXmlWhitespace(code) && code !== GREATER_THAN && code !== SLASH && code !== LESS_THAN && code !== 0x21;
}

function isXmlCharacter(codePoint: number): boolean {
	if (!Number.isInteger(codePoint)) return false;
	if (codePoint < 0x20) return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d;
	return codePoint <= 0xd7ff || (codePoint >= 0xe000 && codePoint <= 0xfffd) || (codePoint >= 0x10000 && codePoint <= 0x10ffff);
}

function isBlank(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		if (!isXmlWhitespace(text.charCodeAt(index))) return false;
	}
	return true;
}

/** An XML parser turns CR LF and lone CR into LF before anything else (a written &#13; survives). */
function normalizeLineBreaks(text: string): string {
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function clip(text: string): string {
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function isStruct(value: XmlRpcValue): value is Struct {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A fault's text is what the user needs; an odd faultCode is kept as 0 rather than failing the parse. */
function toFaultCode(code: XmlRpcValue | undefined): number {
	const number = typeof code === 'string' ? Number(code) : code;
	return typeof number === 'number' && Number.isFinite(number) ? number : 0;
}

function toFaultString(text: XmlRpcValue | undefined): string {
	if (typeof text === 'string') return text;
	return text === undefined || text === null ? '' : JSON.stringify(text);
}

/** A member named `__proto__` must become data, not replace the object's prototype. */
function setMember(struct: Struct, name: string, value: XmlRpcValue): void {
	if (name === '__proto__') {
		Object.defineProperty(struct, name, { value, enumerable: true, writable: true, configurable: true });
	} else {
		struct[name] = value;
	}
}

const ISO_DATE_TIME = /^(\d{4})-?(\d{2})-?(\d{2})[T ](\d{2}):?(\d{2}):?(\d{2})(?:[.,]\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Returns Odoo's own 'YYYY-MM-DD HH:MM:SS' (UTC) rather than a Date: the JSON-RPC transport hands out
 * such strings, and the node must give the same items over every transport. (Odoo itself sends its
 * dates as strings; this is for other values.) A form this does not recognise is passed through as
 * text, as Python's DateTime does.
 */
function toOdooDateTime(text: string): string {
	const trimmed = text.trim();
	const match = ISO_DATE_TIME.exec(trimmed);
	if (!match) return trimmed;
	const [, year, month, day, hours, minutes, seconds, zone] = match;
	if (zone === undefined || zone === 'Z') return `${year}-${month}-${day} ${hours}:${minutes}:${seconds}`;
	const offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
	const utc = new Date(Date.UTC(+year, +month - 1, +day, +hours, +minutes, +seconds) - offsetMinutes * 60_000);
	return utc.toISOString().slice(0, 19).replace('T', ' ');
}
