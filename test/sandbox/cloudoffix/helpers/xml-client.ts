import { post, type RawResponse } from './http';

/**
 * A test-side XML-RPC client, written apart from the sandbox's codec so that each checks the other: requests are
 * marshalled as Python's xmlrpc.client does, responses read by a small cursor-based reader.
 */

export type XmlValue = null | boolean | number | string | XmlValue[] | { [key: string]: XmlValue } | Double;

/** A <double>: kept apart from <int> so tests can see which one the server sent. */
export class Double {
	constructor(readonly value: number) {}
}

export interface XmlOutcome {
	raw: RawResponse;
	ok?: XmlValue;
	fault?: { faultCode: number | string; faultString: string };
}

export async function xmlCall(url: string, path: string, method: string, params: unknown[]): Promise<XmlOutcome> {
	const raw = await post(`${url}${path}`, methodCall(method, params), { 'Content-Type': 'text/xml' });
	const reader = new Reader(raw.text);
	reader.skipProlog();
	reader.open('methodResponse');
	if (reader.peekTag() === 'fault') {
		reader.open('fault');
		const fault = reader.value() as { faultCode: number | string; faultString: string };
		return { raw, fault };
	}
	reader.open('params');
	reader.open('param');
	return { raw, ok: reader.value() };
}

export function methodCall(method: string, params: unknown[]): string {
	return `<?xml version='1.0'?>\n<methodCall>\n<methodName>${method}</methodName>\n<params>\n${params.map((param) => `<param>\n${marshal(param)}</param>\n`).join('')}</params>\n</methodCall>\n`;
}

function marshal(value: unknown): string {
	if (value === null || value === undefined) return '<value><nil/></value>\n';
	if (typeof value === 'boolean') return `<value><boolean>${value ? 1 : 0}</boolean></value>\n`;
	if (typeof value === 'number') return Number.isInteger(value) ? `<value><int>${value}</int></value>\n` : `<value><double>${value}</double></value>\n`;
	if (typeof value === 'string') return `<value><string>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</string></value>\n`;
	if (value instanceof Date) return `<value><dateTime.iso8601>${value.toISOString().slice(0, 19).replace(/-/g, '')}</dateTime.iso8601></value>\n`;
	if (Array.isArray(value)) return `<value><array><data>\n${value.map(marshal).join('')}</data></array></value>\n`;
	const members = Object.entries(value as object).map(([key, item]) => `<member>\n<name>${key}</name>\n${marshal(item)}</member>\n`);
	return `<value><struct>\n${members.join('')}</struct></value>\n`;
}

class Reader {
	private at = 0;

	constructor(private readonly xml: string) {}

	skipProlog(): void {
		this.skipSpace();
		if (this.xml.startsWith('<?xml', this.at)) this.at = this.xml.indexOf('?>', this.at) + 2;
	}

	peekTag(): string {
		this.skipSpace();
		return /^<([\w.]+)/.exec(this.xml.slice(this.at))?.[1] ?? '';
	}

	open(tag: string): void {
		this.expect(`<${tag}>`);
	}

	value(): XmlValue {
		this.open('value');
		const tag = this.peekTag();
		let result: XmlValue;
		if (tag === 'struct') result = this.struct();
		else if (tag === 'array') result = this.array();
		else if (tag === 'nil') {
			this.expect('<nil/>');
			result = null;
		} else {
			this.open(tag);
			const text = this.textUntil(`</${tag}>`);
			result = scalar(tag, text);
		}
		this.expect('</value>');
		return result;
	}

	private struct(): { [key: string]: XmlValue } {
		this.open('struct');
		const result: { [key: string]: XmlValue } = {};
		while (this.peekTag() === 'member') {
			this.open('member');
			this.open('name');
			const name = this.textUntil('</name>');
			result[name] = this.value();
			this.expect('</member>');
		}
		this.expect('</struct>');
		return result;
	}

	private array(): XmlValue[] {
		this.open('array');
		this.open('data');
		const items: XmlValue[] = [];
		while (this.peekTag() === 'value') items.push(this.value());
		this.expect('</data>');
		this.expect('</array>');
		return items;
	}

	private textUntil(end: string): string {
		const stop = this.xml.indexOf(end, this.at);
		if (stop < 0) throw new Error(`missing ${end}`);
		const text = this.xml.slice(this.at, stop);
		this.at = stop + end.length;
		return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
	}

	private expect(token: string): void {
		this.skipSpace();
		if (!this.xml.startsWith(token, this.at)) throw new Error(`expected ${token} at ${this.xml.slice(this.at, this.at + 40)}`);
		this.at += token.length;
	}

	private skipSpace(): void {
		while (/\s/.test(this.xml[this.at] ?? '')) this.at++;
	}
}

function scalar(tag: string, text: string): XmlValue {
	switch (tag) {
		case 'int':
		case 'i4':
			return Number(text);
		case 'boolean':
			return text === '1';
		case 'double':
			return new Double(Number(text));
		case 'string':
			return text;
		default:
			throw new Error(`unexpected XML-RPC type ${tag}`);
	}
}

/** Plain JSON-like data (doubles as numbers) for comparisons. */
export function plain(value: XmlValue | undefined): unknown {
	if (value instanceof Double) return value.value;
	if (Array.isArray(value)) return value.map(plain);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
	return value;
}
