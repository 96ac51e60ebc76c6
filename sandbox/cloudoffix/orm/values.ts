import { builtinError, OdooError, validationError } from '../errors';
import { pyRepr } from '../pyrepr';
import { decodeBase64 } from './binary';
import type { FieldDef, Model, Table } from './database';

/**
 * What a create or write stores: defaults for the fields it leaves out, incoming values validated as Odoo 11's
 * fields convert them (convert_to_cache / convert_to_column), and the integrity errors PostgreSQL raises.
 */

/**
 * Default values for the fields a create does not set: `default_<field>` from the context first (how clients
 * preset a type or a parent), then the field's own default.
 */
export function defaultValues(model: Model, given: readonly string[]): Record<string, unknown> {
	const skip = new Set(given);
	const defaults: Record<string, unknown> = {};
	for (const field of model.table.fields.values()) {
		if (skip.has(field.name) || field.compute) continue;
		const fromContext = model.env.context[`default_${field.name}`];
		if (fromContext !== undefined) defaults[field.name] = fromContext;
		else if (field.default) defaults[field.name] = field.default(model.env);
	}
	return defaults;
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
			if (isFalsy(value)) return false;
			// An attachment=True field goes through ir.attachment, which decodes the base64 and reads it back encoded.
			return field.attachment ? decodeBase64(String(value)).toString('base64') || false : String(value);
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

/**
 * A NOT NULL or foreign-key violation. PostgreSQL raises IntegrityError and Odoo 11's service layer
 * (odoo/service/model.py, check) turns it into this ValidationError, naming the table found last in quotes in
 * PostgreSQL's message: the record's own table for a missing required value, the referenced or referencing
 * table for a foreign key. Stock Odoo 11 says no more than this (which field is missing stays unsaid), so
 * neither does the sandbox.
 */
export function integrityViolation(table: Table): OdooError {
	return validationError(
		'The operation cannot be completed, probably due to the following:\n' +
			'- deletion: you may be trying to delete a record while other records still reference it\n' +
			'- creation/update: a mandatory field is not correctly set\n\n' +
			`[object with reference: ${table.def.description} - ${table.def.name}]`,
		[
			['odoo/service/model.py', 109, 'wrapper', 'raise ValidationError(msg)'],
		],
	);
}
