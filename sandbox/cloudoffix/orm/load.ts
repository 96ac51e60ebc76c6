import { OdooError } from '../errors';
import type { FieldDef, Model } from './database';
import { createRecord } from './write';

/**
 * `load(fields, data)`, Odoo 11's import method (BaseModel.load): rows of strings, one column per field, many2one
 * columns also as `field/.id` (a database id). Each row is converted as ir.fields' converters do and created in a
 * savepoint of its own; a row that fails adds an error message and the rows go on, and at the end any error rolls
 * the whole call back: the answer is then `ids: false` with every message. Messages carry the row (`rows.from`,
 * `rows.to`, `record`, 0-based), the field and Odoo's text. External ids (the `id` column) are not modelled here.
 */
export interface LoadMessage {
	type: 'error' | 'warning';
	rows: { from: number; to: number };
	record: number;
	field: string;
	message: string;
}

export interface LoadResult {
	ids: number[] | false;
	messages: LoadMessage[];
}

interface Column {
	field: FieldDef;
	/** `field/.id`: the value is a database id. */
	databaseId: boolean;
}

class ConversionError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
	}
}

const TRUE_WORDS = new Set(['1', 'true', 'yes']);
const FALSE_WORDS = new Set(['0', 'false', 'no']);

export function loadRecords(model: Model, fields: unknown, data: unknown): LoadResult {
	if (!Array.isArray(fields) || !Array.isArray(data)) throw new OdooError({ name: 'builtins.TypeError', args: ['load() takes a list of fields and a list of rows'], exceptionType: 'internal_error' });
	const columns = fields.map((name) => columnOf(model, String(name)));
	const messages: LoadMessage[] = [];
	const ids: number[] = [];
	const journal = model.env.registry.journal;
	const whole = journal.savepoint();
	data.forEach((row, index) => {
		const message = (field: string, text: string, type: LoadMessage['type'] = 'error') =>
			messages.push({ type, rows: { from: index, to: index }, record: index, field, message: text });
		const values: Record<string, unknown> = {};
		try {
			if (!Array.isArray(row)) throw new ConversionError('', 'a row must be a list of strings');
			columns.forEach((column, position) => {
				values[column.field.name] = convert(model, column, String(row[position] ?? ''), (text) => message(column.field.name, text, 'warning'));
			});
		} catch (error) {
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- sandbox code: a bug in it must surface as the crash it is
			if (!(error instanceof ConversionError)) throw error;
			message(error.field, error.message);
			return;
		}
		const rowSavepoint = journal.savepoint();
		try {
			ids.push(createRecord(model, values));
		} catch (error) {
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- sandbox code: a bug in it must surface as the crash it is
			if (!(error instanceof OdooError)) throw error;
			rowSavepoint.rollback();
			message('', error.odooMessage);
		}
	});
	if (messages.some((entry) => entry.type === 'error')) {
		whole.rollback();
		return { ids: false, messages };
	}
	return { ids, messages };
}

function columnOf(model: Model, path: string): Column {
	const databaseId = path.endsWith('/.id');
	const name = databaseId ? path.slice(0, -'/.id'.length) : path;
	const field = model.field(name);
	if (!field) throw new OdooError({ name: 'builtins.ValueError', args: [`Invalid field '${name}' on model '${model.name}'`], exceptionType: 'internal_error' });
	if (databaseId && field.type !== 'many2one') throw new OdooError({ name: 'builtins.ValueError', args: [`'${path}': only many2one columns take database ids here`], exceptionType: 'internal_error' });
	return { field, databaseId };
}

/** ir.fields' converters of Odoo 11, for the types the node sends through load; '' is "not set" (False). */
function convert(model: Model, { field, databaseId }: Column, text: string, warn: (text: string) => void): unknown {
	const bad = (what: string) => new ConversionError(field.name, `'${text}' does not seem to be ${what} for field '${field.name}'`);
	if (text === '') return false;
	switch (field.type) {
		case 'char':
		case 'text':
		case 'html':
			return text;
		case 'integer':
			if (!/^[+-]?\d+$/.test(text.trim())) throw bad('an integer');
			return Number(text);
		case 'float':
		case 'monetary':
			if (text.trim() === '' || !Number.isFinite(Number(text))) throw bad('a number');
			return Number(text);
		case 'boolean': {
			const word = text.trim().toLowerCase();
			if (TRUE_WORDS.has(word)) return true;
			if (FALSE_WORDS.has(word)) return false;
			warn(`Unknown value '${text}' for boolean field '${field.name}', assuming 'yes'`);
			return true;
		}
		case 'selection': {
			const option = field.selection?.find(([value, label]) => value === text || label.toLowerCase() === text.toLowerCase());
			if (!option) throw new ConversionError(field.name, `Value '${text}' not found in selection field '${field.name}'`);
			return option[0];
		}
		case 'date':
			if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw bad('a valid date');
			return text;
		case 'datetime':
			if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) throw bad('a valid datetime');
			return text;
		case 'many2one': {
			if (!databaseId) throw new ConversionError(field.name, `Field '${field.name}': this sandbox takes many2one values by database id ('${field.name}/.id') only`);
			const id = Number(text);
			const comodel = field.relation ? model.env.registry.table(field.relation) : undefined;
			if (!Number.isInteger(id) || !comodel?.records.has(id)) throw new ConversionError(field.name, `No matching record found for database id '${text}' in field '${field.name}'`);
			return id;
		}
		default:
			throw new ConversionError(field.name, `Field '${field.name}' of type ${field.type} cannot be imported by this sandbox`);
	}
}
