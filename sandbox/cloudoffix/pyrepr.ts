/**
 * Python's repr() and type names of JSON-like values. Odoo 11 builds several error texts with %r (domain leaves, the
 * tuple that str() of an except_orm gives, XML-RPC fault strings), so clients see Python syntax verbatim and so must we.
 */

/** A Python tuple: repr() writes it with parentheses and a trailing comma when it holds one item. */
export class PyTuple {
	constructor(readonly items: readonly unknown[]) {}
}

const tupleArrays = new WeakSet<unknown[]>();

/** Marks an array the sandbox builds where Odoo builds a tuple, so that repr() shows parentheses. */
export function asTuple<T extends unknown[]>(items: T): T {
	tupleArrays.add(items);
	return items;
}

export function pyRepr(value: unknown): string {
	if (value === null || value === undefined) return 'None';
	if (Array.isArray(value) && tupleArrays.has(value)) return pyTuple(value);
	if (value === true) return 'True';
	if (value === false) return 'False';
	if (typeof value === 'number') return pyNumber(value);
	if (typeof value === 'string') return pyString(value);
	if (value instanceof PyTuple) return pyTuple(value.items);
	if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
	if (typeof value === 'object') {
		const members = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${pyString(key)}: ${pyRepr(item)}`);
		return `{${members.join(', ')}}`;
	}
	return pyString(String(value));
}

function pyTuple(items: readonly unknown[]): string {
	if (items.length === 1) return `(${pyRepr(items[0])},)`;
	return `(${items.map(pyRepr).join(', ')})`;
}

/** JSON numbers carry no int/float distinction; integral values print as Python ints. */
function pyNumber(value: number): string {
	if (Number.isNaN(value)) return 'nan';
	if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
	// Python writes a one-digit exponent with two digits (1e-07), JavaScript with one (1e-7).
	return String(value).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Python picks double quotes only when the text holds a single quote and no double quote. */
function pyString(text: string): string {
	const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
	let out = quote;
	for (const char of text) out += escapeChar(char, quote);
	return out + quote;
}

const NAMED_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(char: string, quote: string): string {
	if (char === quote) return `\\${quote}`;
	const named = NAMED_ESCAPES[char];
	if (named) return named;
	const code = char.codePointAt(0) ?? 0;
	if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
	return char;
}

/** Python's float repr: an integral float keeps its ".0" (9705.0), which JavaScript drops. */
export function pyFloat(value: number): string {
	if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
	return pyNumber(value);
}

/** Python's type name of a JSON value, as error messages print it ("'list' object has no attribute 'get'"). */
export function pyTypeName(value: unknown): string {
	if (value === null || value === undefined) return 'NoneType';
	if (typeof value === 'boolean') return 'bool';
	if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
	if (typeof value === 'string') return 'str';
	return Array.isArray(value) ? 'list' : 'dict';
}

/**
 * Python bytes returned by a method (render_qweb_pdf's PDF). XML-RPC's marshaller sends bytes as <base64>; Odoo 11's
 * JSON answers are json.dumps(..., default=ustr), and ustr() decodes bytes as UTF-8, else (odoo/loglevels.py
 * get_encodings: 'utf-8', 'utf8', then 'latin1') as Latin-1, which always succeeds: a binary file arrives as text,
 * one character per byte, never as base64.
 */
export class PyBytes {
	constructor(readonly bytes: Buffer) {}

	toJSON(): string {
		try {
			return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes);
		} catch {
			return this.bytes.toString('latin1');
		}
	}
}

/**
 * A recordset a method returns as such (ir.model.data.xmlid_to_object): odoo.api's call_kw hands it to the
 * transport unchanged. JSON answers it as ustr(recordset), BaseModel.__str__: "res.partner(3,)".
 */
export class PyRecordSet {
	constructor(
		readonly model: string,
		readonly ids: readonly number[],
	) {}

	toJSON(): string {
		return `${this.model}${pyRepr(new PyTuple(this.ids))}`;
	}
}
