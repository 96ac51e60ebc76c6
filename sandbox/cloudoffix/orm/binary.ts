import { OdooError } from '../errors';

/**
 * Binary values as Odoo 11 handles them: base64 text on the wire and in read(), bytes underneath. Decoding follows
 * Python's base64.b64decode (binascii.a2b_base64 without validate): characters outside the alphabet are skipped,
 * and the padding must add up.
 */

const NOT_BASE64 = /[^A-Za-z0-9+/=]/g;

/** base64.b64decode(value), with binascii's errors for text that does not decode. */
export function decodeBase64(value: string): Buffer {
	// Canonical base64 (what every client sends, and the avatars every new partner gets) decodes as it is: two
	// passes in C++, as binascii's are in C, where the regular expressions below cost a create more than the rest.
	const bytes = Buffer.from(value, 'base64');
	if (bytes.toString('base64') === value) return bytes;
	const text = value.replace(NOT_BASE64, '');
	const data = text.replace(/=+$/, '');
	if (data.includes('=')) return Buffer.from(data.slice(0, data.indexOf('=')), 'base64');
	if (data.length % 4 === 1) {
		throw binasciiError(`Invalid base64-encoded string: number of data characters (${data.length}) cannot be 1 more than a multiple of 4`);
	}
	const padding = text.length - data.length;
	if (data.length % 4 !== 0 && data.length % 4 + padding < 4) throw binasciiError('Incorrect padding');
	return Buffer.from(data, 'base64');
}

function binasciiError(message: string): OdooError {
	return new OdooError({ name: 'binascii.Error', args: [message] });
}

/** The number of bytes a base64 text decodes to. */
export function decodedLength(value: string): number {
	const text = value.replace(NOT_BASE64, '');
	const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	return Math.max(0, Math.floor((text.length * 3) / 4) - padding);
}

/** odoo.tools.human_size: '12.34 Kb' (False for nothing). */
export function humanSize(bytes: number): string | false {
	if (!bytes) return false;
	const units = ['bytes', 'Kb', 'Mb', 'Gb', 'Tb'];
	let size = bytes;
	let unit = 0;
	while (size >= 1024 && unit < units.length - 1) {
		size /= 1024;
		unit++;
	}
	return `${size.toFixed(2)} ${units[unit]}`;
}
