import { builtinError } from './errors';
import { FloatValue } from './orm/read';
import { pyFloat, PyBytes, PyRecordSet } from './pyrepr';

/**
 * XML-RPC as Python's xmlrpc.client speaks it (Odoo 11 uses it on both ends): methodCall parsing with every
 * value type, and methodResponse / fault serialization byte for byte like Marshaller (allow_none=False, so a
 * None result cannot be sent).
 */

export interface MethodCall {
	methodName: string;
	params: unknown[];
}

interface XmlNode {
	name: string;
	children: XmlNode[];
	text: string;
}

export class XmlRpcParseError extends Error {}

export function parseMethodCall(xml: string): MethodCall {
	const root = parseXml(xml);
	if (root.name !== 'methodCall') throw new XmlRpcParseError(`unexpected root element ${root.name}`);
	const methodName = child(root, 'methodName')?.text.trim();
	if (!methodName) throw new XmlRpcParseError('missing methodName');
	const params = child(root, 'params')?.children.filter((node) => node.name === 'param') ?? [];
	return { methodName, params: params.map((param) => parseValue(required(param, 'value'))) };
}

function parseValue(value: XmlNode): unknown {
	const typed = value.children[0];
	// A <value> without a type element is a string.
	if (!typed) return value.text;
	const text = typed.text;
	switch (typed.name) {
		case 'string':
			return text;
		case 'int':
		case 'i4':
		case 'i8':
			return parseInteger(text);
		case 'boolean':
			if (text.trim() !== '0' && text.trim() !== '1') throw new XmlRpcParseError(`bad boolean value ${text}`);
			return text.trim() === '1';
		case 'double':
			return parseNumber(text);
		case 'nil':
			return null;
		case 'dateTime.iso8601':
			return parseDateTime(text);
		case 'base64':
			// Odoo keeps binaries as base64 text; the sandbox stores what it receives.
			return text.replace(/\s+/g, '');
		case 'array':
			return (child(typed, 'data')?.children ?? []).filter((node) => node.name === 'value').map(parseValue);
		case 'struct':
			return Object.fromEntries(
				typed.children
					.filter((node) => node.name === 'member')
					.map((member) => [required(member, 'name').text, parseValue(required(member, 'value'))]),
			);
		default:
			throw new XmlRpcParseError(`unknown value type ${typed.name}`);
	}
}

function parseInteger(text: string): number {
	if (!/^\s*[+-]?\d+\s*$/.test(text)) throw new XmlRpcParseError(`bad integer ${text}`);
	return Number(text);
}

function parseNumber(text: string): number {
	const number = Number(text);
	if (text.trim() === '' || Number.isNaN(number)) throw new XmlRpcParseError(`bad double ${text}`);
	return number;
}

/**
 * Python gives Odoo an xmlrpc.client.DateTime here; the sandbox hands the ORM the server's string format
 * ('YYYY-MM-DD HH:MM:SS'), which is what Odoo's fields accept.
 */
function parseDateTime(text: string): string {
	const match = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(text.trim());
	if (!match) throw new XmlRpcParseError(`bad dateTime ${text}`);
	const [, year, month, day, hour, minute, second] = match;
	return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

function child(node: XmlNode, name: string): XmlNode | undefined {
	return node.children.find((candidate) => candidate.name === name);
}

function required(node: XmlNode, name: string): XmlNode {
	const found = child(node, name);
	if (!found) throw new XmlRpcParseError(`<${node.name}> without <${name}>`);
	return found;
}

/** A small non-validating XML reader: elements, text, entities, CDATA; declarations and comments skipped. */
function parseXml(xml: string): XmlNode {
	const stack: XmlNode[] = [{ name: '#document', children: [], text: '' }];
	const token = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>|([^<]+)/g;
	let match: RegExpExecArray | null;
	let consumed = 0;
	while ((match = token.exec(xml)) !== null) {
		if (match.index !== consumed) throw new XmlRpcParseError('not well-formed');
		consumed = token.lastIndex;
		const top = stack[stack.length - 1];
		const [, cdata, closing, name, selfClosing, text] = match;
		if (cdata !== undefined) top.text += cdata;
		else if (text !== undefined) top.text += decodeEntities(text);
		else if (name === undefined) continue;
		else if (closing) {
			if (top.name !== name || stack.length === 1) throw new XmlRpcParseError(`mismatched tag ${name}`);
			stack.pop();
		} else {
			const node: XmlNode = { name, children: [], text: '' };
			top.children.push(node);
			if (!selfClosing) stack.push(node);
		}
	}
	if (consumed !== xml.length || stack.length !== 1) throw new XmlRpcParseError('no element found');
	const root = stack[0].children[0];
	if (!root) throw new XmlRpcParseError('no element found');
	return root;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
		if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
		if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
		const decoded = ENTITIES[entity];
		if (decoded === undefined) throw new XmlRpcParseError(`undefined entity ${whole}`);
		return decoded;
	});
}

const XML_HEAD = "<?xml version='1.0'?>\n<methodResponse>\n";

export function methodResponse(result: unknown): string {
	return `${XML_HEAD}<params>\n<param>\n${marshal(result)}</param>\n</params>\n</methodResponse>\n`;
}

export function faultResponse(faultCode: number | string, faultString: string): string {
	return `${XML_HEAD}<fault>\n${marshal({ faultCode, faultString })}</fault>\n</methodResponse>\n`;
}

/** Python's Marshaller.dump, one value per line as it writes them. */
function marshal(value: unknown): string {
	if (value === null || value === undefined) throw builtinError('TypeError', 'cannot marshal None unless allow_none is enabled', MARSHAL_FRAMES);
	if (typeof value === 'boolean') return `<value><boolean>${value ? 1 : 0}</boolean></value>\n`;
	if (value instanceof FloatValue) return `<value><double>${pyFloat(value.value)}</double></value>\n`;
	if (typeof value === 'number') return marshalNumber(value);
	if (typeof value === 'string') return `<value><string>${escapeXml(value)}</string></value>\n`;
	if (value instanceof PyBytes) return `<value><base64>\n${encodeBytes(value.bytes)}</base64></value>\n`;
	if (value instanceof PyRecordSet) throw recordSetMarshalError();
	if (Array.isArray(value)) return `<value><array><data>\n${value.map(marshal).join('')}</data></array></value>\n`;
	if (typeof value === 'object') {
		const members = Object.entries(value as Record<string, unknown>).map(
			([name, item]) => `<member>\n<name>${escapeXml(name)}</name>\n${marshal(item)}</member>\n`,
		);
		return `<value><struct>\n${members.join('')}</struct></value>\n`;
	}
	return `<value><string>${escapeXml(String(value))}</string></value>\n`;
}

/** Python's base64.encodebytes, which dump_bytes writes: lines of 76 characters, each ending in a newline. */
function encodeBytes(bytes: Buffer): string {
	const text = bytes.toString('base64');
	let out = '';
	for (let start = 0; start < text.length; start += 76) out += `${text.slice(start, start + 76)}\n`;
	return out;
}

/**
 * A recordset has no marshaller: Marshaller.__dump falls back to dump_instance, which dumps the object's __dict__ as
 * a struct (env, _ids, _prefetch), then the environment's (cr first), the cursor's, its connection pool's, until
 * the pool's threading lock, which has no __dict__. That TypeError is what Odoo 11 answers (fault 1); worked out from
 * xmlrpc/client.py and odoo/sql_db.py, not captured from a server.
 */
function recordSetMarshalError() {
	return builtinError('TypeError', "cannot marshal <class '_thread.lock'> objects", [
		...MARSHAL_FRAMES,
		['/usr/lib/python3.11/xmlrpc/client.py', 616, 'dump_instance', 'self.dump_struct(value.__dict__, write)'],
		['/usr/lib/python3.11/xmlrpc/client.py', 594, 'dump_struct', 'dump(v, write)'],
		['/usr/lib/python3.11/xmlrpc/client.py', 525, '__dump', 'raise TypeError("cannot marshal %s objects" % type(value))'],
	]);
}

function marshalNumber(value: number): string {
	if (!Number.isInteger(value)) return `<value><double>${pyFloat(value)}</double></value>\n`;
	if (value > 2 ** 31 - 1 || value < -(2 ** 31)) throw builtinError('OverflowError', 'int exceeds XML-RPC limits', MARSHAL_FRAMES);
	return `<value><int>${value}</int></value>\n`;
}

const MARSHAL_FRAMES = [
	['odoo/service/wsgi_server.py', 129, 'wsgi_xmlrpc', 'response = xmlrpclib.dumps((result,), methodresponse=1, allow_none=False)'],
	['/usr/lib/python3.11/xmlrpc/client.py', 1038, 'dumps', 'data = m.dumps(params)'],
	['/usr/lib/python3.11/xmlrpc/client.py', 502, 'dumps', 'dump(v, write)'],
] as const;

/** Python's xml escape for XML-RPC strings: &, < and > only. */
function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
