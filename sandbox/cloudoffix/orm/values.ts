import { builtinError, OdooError } from '../errors';
import { pyRepr } from '../pyrepr';
import type { Model } from './model';
import type { FieldDef, Rec } from './schema';
import { integrityViolation } from './integrity';
import { sortRecords } from './order';

/**
 * Values crossing the API, converted as Odoo 11's fields do: incoming values are validated into what is stored
 * (convert_to_cache / convert_to_column), outgoing ones become what read() returns (convert_to_read).
 */

/** A float or monetary value as read: JSON writes a number, XML-RPC a <double> even when it is integral. */
export class FloatValue {
	constructor(readonly value: number) {}

	toJSON(): number {
		return this.value;
	}
}

/** The stored value for an incoming scalar (x2many values go through commands, not here). */
export function toStored(model: Model, field: FieldDef, value: unknown): unknown {
	switch (field.type) {
		case 'char':
		case 'text':
		case 'html':
			// '' stays '': Odoo stores it, and it satisfies NOT NULL.
			return value === false || value === null || value === undefined ? false : typeof value === 'string' ? value : pyText(value);
		case 'integer':
			return value === false || value === null ? false : toInteger(value);
		case 'float':
		case 'monetary':
			return value === false || value === null ? false : toFloat(value);
		case 'boolean':
			return pyTruthy(value);
		case 'date':
			return isFalsy(value) ? false : toDateText(value, 10);
		case 'datetime':
			return isFalsy(value) ? false : toDateText(value, 19);
		case 'selection':
			return isFalsy(value) ? false : toSelection(model, field, value);
		case 'binary':
			return isFalsy(value) ? false : String(value);
		case 'many2one':
			return isFalsy(value) ? false : toReference(model, field, value);
		default:
			return value;
	}
}

function isFalsy(value: unknown): boolean {
	return value === false || value === null || value === undefined || value === '';
}

/** Python's truthiness, which bool(value) applies to boolean fields. */
function pyTruthy(value: unknown): boolean {
	if (Array.isArray(value)) return value.length > 0;
	if (value && typeof value === 'object') return Object.keys(value).length > 0;
	return Boolean(value);
}

/** Python's str() of a non-text value given to a text field. */
function pyText(value: unknown): string {
	if (value === true) return 'True';
	return typeof value === 'number' ? String(value) : pyRepr(value);
}

function toInteger(value: unknown): number {
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'number') return Math.trunc(value);
	if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value);
	throw builtinError('ValueError', `invalid literal for int() with base 10: ${pyRepr(value)}`);
}

function toFloat(value: unknown): number {
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
	throw builtinError('ValueError', `could not convert string to float: ${pyRepr(value)}`);
}

/**
 * Odoo 11 keeps the first 10 (date) or 19 (datetime) characters, pads a bare date with 00:00:00 and checks the
 * result with strptime: an ISO "T" or a timezone is refused, as it is by the real server.
 */
function toDateText(value: unknown, length: 10 | 19): string {
	let text = typeof value === 'string' ? value.slice(0, length) : pyRepr(value);
	if (length === 19 && text.length === 10) text += ' 00:00:00';
	const pattern = length === 10 ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
	const format = length === 10 ? '%Y-%m-%d' : '%Y-%m-%d %H:%M:%S';
	if (!pattern.test(text) || Number.isNaN(Date.parse(`${text.replace(' ', 'T')}Z`))) {
		throw builtinError('ValueError', `time data ${pyRepr(text)} does not match format '${format}'`);
	}
	return text;
}

function toSelection(model: Model, field: FieldDef, value: unknown): string {
	if (field.selection?.some(([key]) => key === value)) return value as string;
	throw builtinError('ValueError', `Wrong value for ${model.name}.${field.name}: ${pyRepr(value)}`);
}

/** A many2one takes an id ([id, name] pairs are accepted); a missing id breaks the foreign key. */
function toReference(model: Model, field: FieldDef, value: unknown): number {
	const id = Array.isArray(value) ? value[0] : value;
	const number = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id;
	if (typeof number !== 'number' || !Number.isInteger(number)) {
		throw new OdooError({ name: 'psycopg2.DataError', args: [`invalid input syntax for type integer: ${JSON.stringify(String(id))}\n`] });
	}
	const comodel = model.comodel(field);
	if (!comodel.record(number)) throw integrityViolation(comodel.table);
	return number;
}

/** What read() returns for one field of one record. */
export type ReadConverter = (rec: Rec) => unknown;

export function readConverter(model: Model, field: FieldDef, load: unknown): ReadConverter {
	const name = field.name;
	const get = field.compute || field.type === 'one2many' ? (rec: Rec) => model.value(rec, name) : (rec: Rec) => rec[name];
	switch (field.type) {
		case 'integer':
			return (rec) => (get(rec) as number) || 0;
		case 'float':
		case 'monetary':
			return (rec) => new FloatValue((get(rec) as number) || 0);
		case 'boolean':
			return (rec) => Boolean(get(rec));
		case 'many2one':
			return manyToOneReader(model, field, get, load);
		case 'one2many':
		case 'many2many':
			return x2manyReader(model, field);
		case 'binary':
			return model.env.context.bin_size ? (rec) => humanSize(get(rec)) : (rec) => get(rec) ?? false;
		default:
			return (rec) => get(rec) ?? false;
	}
}

/** [id, display name], or the bare id with load='_classic_write'; a dangling reference reads as false. */
function manyToOneReader(model: Model, field: FieldDef, get: ReadConverter, load: unknown): ReadConverter {
	const comodel = model.comodel(field);
	const withName = load !== '_classic_write';
	return (rec) => {
		const id = get(rec);
		const target = typeof id === 'number' ? comodel.record(id) : undefined;
		if (!target) return false;
		return withName ? [target.id, comodel.displayName(target)] : target.id;
	};
}

/** x2many ids in the comodel's order, without archived records (Odoo reads them through a search). */
function x2manyReader(model: Model, field: FieldDef): ReadConverter {
	const comodel = model.comodel(field);
	return (rec) => {
		const ids = model.relatedIds(rec, field);
		const visible = ids.map((id) => comodel.record(id)).filter((target): target is Rec => !!target && !comodel.isHidden(target));
		return sortRecords(comodel, visible, null).map((target) => target.id);
	};
}

/** Binary fields read with bin_size in the context give a human size instead of the data (odoo.tools.human_size). */
function humanSize(value: unknown): string | false {
	if (typeof value !== 'string' || value === '') return false;
	const units = ['bytes', 'Kb', 'Mb', 'Gb', 'Tb'];
	let size = Math.floor((value.length * 3) / 4);
	let unit = 0;
	while (size >= 1024 && unit < units.length - 1) {
		size /= 1024;
		unit++;
	}
	return `${size.toFixed(2)} ${units[unit]}`;
}
