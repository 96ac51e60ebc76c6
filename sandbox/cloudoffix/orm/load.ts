import { zonedToUtc, isTimeZone } from '../dates';
import { builtinError, OdooError } from '../errors';
import { checkAccess } from './access';
import { Env, Model, type FieldDef, type Rec } from './database';
import { nameSearch } from './read';
import { createRecord, writeRecords } from './write';
import { findXmlid, ref } from './xmlids';

/**
 * `load(fields, data)`, Odoo 11's import method (BaseModel.load, _extract_records, _convert_records, and
 * ir.model.data's _update): rows of strings, one column per field path. `id` is the row's external id (module.name,
 * or a bare name, which goes in the module of the context's `module`, '' by default, as 11.0 has it: the
 * `__import__` module came with 12.0); an external id that exists updates its record (write), a new one creates the
 * record and its ir.model.data row. `.id` is a database id (the record is updated). Relational columns take a name
 * (`country_id`, name_search with '='), an external id (`country_id/id`) or a database id (`country_id/.id`);
 * many2many ones a comma-separated list. Each row runs in a savepoint of its own; a row that fails adds its messages
 * and the rows go on, and at the end any error rolls the whole call back: the answer is then `ids: false` with every
 * message. Messages carry the row (`rows.from`, `rows.to`, `record`, 0-based), the field and Odoo's text, which names
 * the field by its label (_convert_records formats it with field_names[field], the field's string).
 */
export interface LoadMessage {
	type: 'error' | 'warning';
	rows: { from: number; to: number };
	record: number;
	field: string;
	message: string;
	moreinfo?: unknown;
}

export interface LoadResult {
	ids: number[] | false;
	messages: LoadMessage[];
}

/** How a column refers to a value: the value itself (or a name), an external id, or a database id. */
type Subfield = 'value' | 'id' | '.id';

interface Column {
	index: number;
	/** A field of the model, or the row's own `id` / `.id`. */
	field?: FieldDef;
	subfield: Subfield;
}

class ConversionError extends Error {
	constructor(
		message: string,
		readonly moreinfo?: unknown,
		readonly warning = false,
	) {
		super(message);
	}
}

const TRUE_WORDS = new Set(['1', 'true', 'yes']);
const FALSE_WORDS = new Set(['0', 'false', 'no']);

export function loadRecords(model: Model, fields: unknown, data: unknown): LoadResult {
	if (!Array.isArray(fields) || !Array.isArray(data)) {
		throw new OdooError({ name: 'builtins.TypeError', args: ['load() takes a list of fields and a list of rows'], exceptionType: 'internal_error' });
	}
	const columns = fields.map((name, index) => columnOf(model, String(name), index));
	const env = model.env;
	const currentModule = typeof env.context.module === 'string' ? env.context.module : '';
	const noupdate = Boolean(env.context.noupdate);
	const messages: LoadMessage[] = [];
	const ids: number[] = [];
	const journal = env.registry.journal;
	const whole = journal.savepoint();
	data.forEach((row, index) => {
		const log = (field: string, text: string, type: LoadMessage['type'] = 'error', moreinfo?: unknown) =>
			messages.push({ type, rows: { from: index, to: index }, record: index, field, message: text, ...(moreinfo === undefined ? {} : { moreinfo }) });
		if (!Array.isArray(row)) {
			log('', 'a row must be a list of strings');
			return;
		}
		const cell = (column: Column) => String(row[column.index] ?? '');
		const xid = columns.filter((column) => !column.field && column.subfield === 'id').map(cell).find((value) => value !== '') ?? false;
		const dbid = databaseId(model, columns, cell, log);
		const converted = convertRow(model, columns, cell, currentModule, log);
		if (!converted) return;
		const savepoint = journal.savepoint();
		try {
			ids.push(update(model, converted, { xid, dbid, currentModule, noupdate }));
		} catch (error) {
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- sandbox code: a bug in it must surface as the crash it is
			if (!(error instanceof OdooError)) throw error;
			savepoint.rollback();
			if (error.pyName === 'builtins.AssertionError') {
				// load's `except Exception` around _update.
				log('', `Unknown error during import: <class 'AssertionError'>: ${error.pyStr}`, 'error', 'Resolve other errors first');
			} else {
				log('', error.odooMessage);
			}
		}
	});
	if (messages.some((entry) => entry.type === 'error')) {
		whole.rollback();
		return { ids: false, messages };
	}
	return { ids, messages };
}

/** fix_import_export_id_paths: `country_id.id` and `country_id:id` are `country_id/.id` and `country_id/id`. */
function splitPath(path: string): string[] {
	return path
		.replace(/([^/])\.id/g, '$1/.id')
		.replace(/([^/]):id/g, '$1/id')
		.split('/');
}

function columnOf(model: Model, path: string, index: number): Column {
	const [name, ...rest] = splitPath(path);
	if (rest.length === 0 && (name === 'id' || name === '.id')) return { index, subfield: name };
	const field = model.field(name);
	if (!field) throw builtinError('ValueError', `Invalid field '${name}' on model '${model.name}'`);
	if (rest.length === 0) return { index, field, subfield: 'value' };
	const [subfield] = rest;
	if (rest.length === 1 && (subfield === 'id' || subfield === '.id') && (field.type === 'many2one' || field.type === 'many2many')) return { index, field, subfield };
	throw builtinError('ValueError', `'${path}': this sandbox imports many2one and many2many columns by name, external id (/id) or database id (/.id) only`);
}

/** The `.id` column: the record to update; "Unknown database identifier" when no such record exists. */
function databaseId(model: Model, columns: Column[], cell: (column: Column) => string, log: (field: string, text: string) => void): number | false {
	const column = columns.find((candidate) => !candidate.field && candidate.subfield === '.id');
	const text = column ? cell(column) : '';
	if (text === '') return false;
	if (!/^\s*[+-]?\d+\s*$/.test(text)) {
		// int() fails, so Odoo searches with the text itself and PostgreSQL refuses it.
		throw new OdooError({ name: 'psycopg2.DataError', args: [`invalid input syntax for type integer: "${text}"\nLINE 1: ...\n`] });
	}
	const id = Number(text);
	if (model.record(id)) return id;
	log('.id', `Unknown database identifier '${text}'`);
	return false;
}

/** The row's values as a write takes them, or undefined once a conversion failed (its messages are logged). */
function convertRow(
	model: Model,
	columns: Column[],
	cell: (column: Column) => string,
	currentModule: string,
	log: (field: string, text: string, type?: LoadMessage['type'], moreinfo?: unknown) => void,
): Record<string, unknown> | undefined {
	const values: Record<string, unknown> = {};
	let failed = false;
	const byField = new Map<string, Column[]>();
	for (const column of columns) if (column.field) byField.set(column.field.name, [...(byField.get(column.field.name) ?? []), column]);
	for (const [name, fieldColumns] of byField) {
		const field = fieldColumns[0].field as FieldDef;
		const label = field.string;
		const given = fieldColumns.filter((column) => cell(column) !== '');
		try {
			if (given.length === 0) {
				values[name] = false;
				continue;
			}
			const relational = field.type === 'many2one' || field.type === 'many2many';
			if (relational && fieldColumns.length > 1) throw new ConversionError(`Ambiguous specification for field '${label}', only provide one of name, external id or database id`);
			// A plain field given twice: the record dict keeps the last column.
			const column = given[given.length - 1];
			values[name] = convert(model, field, column.subfield, cell(column), currentModule, (text, moreinfo) => log(name, text, 'warning', moreinfo));
		} catch (error) {
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- sandbox code: a bug in it must surface as the crash it is
			if (!(error instanceof ConversionError)) throw error;
			log(name, error.message, 'error', error.moreinfo);
			failed = true;
		}
	}
	return failed ? undefined : values;
}

/** The ir.actions.act_window of "See all possible values" that relational messages carry as moreinfo. */
function possibleValues(field: FieldDef, subfield: Subfield): Record<string, unknown> {
	const action: Record<string, unknown> = {
		type: 'ir.actions.act_window',
		target: 'new',
		view_mode: 'tree,form',
		view_type: 'form',
		views: [[false, 'tree'], [false, 'form']],
		help: 'See all possible values',
	};
	if (subfield === 'value') action.res_model = field.relation;
	else Object.assign(action, { res_model: 'ir.model.data', domain: [['model', '=', field.relation]] });
	return action;
}

/** ir.fields' converters of Odoo 11, for one non-empty cell. */
function convert(model: Model, field: FieldDef, subfield: Subfield, text: string, currentModule: string, warn: (text: string, moreinfo?: unknown) => void): unknown {
	const label = field.string;
	switch (field.type) {
		case 'char':
		case 'text':
		case 'html':
		case 'binary':
			return text;
		case 'integer':
			if (!/^\s*[+-]?\d+\s*$/.test(text)) throw new ConversionError(`'${text}' does not seem to be an integer for field '${label}'`);
			return Number(text);
		case 'float':
		case 'monetary':
			if (text.trim() === '' || !Number.isFinite(Number(text))) throw new ConversionError(`'${text}' does not seem to be a number for field '${label}'`);
			return Number(text);
		case 'boolean': {
			const word = text.toLowerCase();
			if (TRUE_WORDS.has(word)) return true;
			if (FALSE_WORDS.has(word)) return false;
			warn(`Unknown value '${text}' for boolean field '${label}', assuming 'yes'`, "Use '1' for yes and '0' for no");
			return true;
		}
		case 'selection': {
			// The key, or the label exactly (and its translations, which the sandbox has none of).
			const option = field.selection?.find(([value, optionLabel]) => value === text || optionLabel === text);
			if (!option) {
				throw new ConversionError(
					`Value '${text}' not found in selection field '${label}'`,
					(field.selection ?? []).map(([value, optionLabel]) => optionLabel || value),
				);
			}
			return option[0];
		}
		case 'date':
			if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
				throw new ConversionError(`'${text}' does not seem to be a valid date for field '${label}'`, "Use the format '2012-12-31'");
			}
			return text;
		case 'datetime':
			if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text.replace(' ', 'T')}Z`))) {
				throw new ConversionError(`'${text}' does not seem to be a valid datetime for field '${label}'`, "Use the format '2012-12-31 23:59:59'");
			}
			return toUtc(model.env, text);
		case 'many2one':
			return referenceId(model, field, subfield, text, currentModule, warn);
		case 'many2many':
			return [[6, 0, text.split(',').map((reference) => referenceId(model, field, subfield, reference, currentModule, warn))]];
		default:
			throw new ConversionError(`Field '${label}' of type ${field.type} cannot be imported by this sandbox`);
	}
}

/**
 * _str_to_datetime: the text is a time in the context's time zone, else the user's, else UTC, and is stored in UTC.
 */
function toUtc(env: Env, text: string): string {
	const userTz = env.registry.table('res.users')?.records.get(env.uid)?.tz;
	const tz = [env.context.tz, userTz].find(isTimeZone);
	if (!tz) return text;
	return zonedToUtc(new Date(`${text.replace(' ', 'T')}Z`), tz).toISOString().slice(0, 19).replace('T', ' ');
}

/** db_id_for: the id a name, external id or database id refers to, or "No matching record found for ...". */
function referenceId(model: Model, field: FieldDef, subfield: Subfield, value: string, currentModule: string, warn: (text: string) => void): number {
	const comodel = model.comodel(field);
	const label = field.string;
	let id: number | undefined;
	let kind: string;
	if (subfield === '.id') {
		kind = 'database id';
		if (!/^\s*[+-]?\d+\s*$/.test(value)) throw new ConversionError(`Invalid database id '${value}' for the field '${label}'`, possibleValues(field, subfield));
		checkAccess(comodel, 'read');
		id = comodel.record(Number(value)) ? Number(value) : undefined;
	} else if (subfield === 'id') {
		kind = 'external id';
		// A bare name is looked up in the import's module; env.ref does not check the model it points at.
		const xmlid = value.includes('.') ? value : `${currentModule}.${value}`;
		try {
			id = ref(model.env, xmlid).rec.id;
		} catch (error) {
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- sandbox code: only env.ref's ValueError means "not found"
			if (!(error instanceof OdooError) || error.pyName !== 'builtins.ValueError') throw error;
		}
	} else {
		kind = 'name';
		checkAccess(comodel, 'read');
		const matches = nameSearch(comodel, value, [], '=', 100);
		if (matches.length > 1) warn(`Found multiple matches for field '${label}' (${matches.length} matches)`);
		id = matches[0]?.[0];
	}
	if (id === undefined) throw new ConversionError(`No matching record found for ${kind} '${value}' in field '${label}'`, possibleValues(field, subfield));
	return id;
}

interface UpdateTarget {
	xid: string | false;
	dbid: number | false;
	currentModule: string;
	noupdate: boolean;
}

/**
 * ir.model.data._update for one row: the record of the external id (written), else the record of `.id` (written,
 * and given the external id), else a new record (created, with its external id). As in Odoo, the existing external
 * id is checked against the table of the model being imported: one whose id is not found there is deleted and a
 * new record created; one found there but of another model is a conflict.
 */
function update(model: Model, values: Record<string, unknown>, target: UpdateTarget): number {
	const env = model.env;
	const sudo = new Env(env.registry, env.uid, env.now, {}, true);
	const data = new Model(sudo, env.registry.get('ir.model.data'));
	let module = target.currentModule;
	let name = target.xid;
	if (name && name.includes('.')) {
		const parts = name.split('.');
		if (parts.length !== 2) {
			throw builtinError(
				'AssertionError',
				`'${name}' contains too many dots. XML ids should not contain dots ! These are used to refer to other modules data, as in module.reference_id`,
			);
		}
		[module, name] = parts;
	}
	let existing: Rec | undefined;
	if (name) {
		existing = findXmlid(env.registry, module, name);
		if (existing && !model.record(existing.res_id as number)) {
			data.table.remove(existing.id);
			existing = undefined;
		} else if (existing && existing.model !== model.name) {
			throw builtinError('AssertionError', `External ID conflict, ${name} already refers to a \`${String(existing.model)}\` record, you can't define a \`${model.name}\` record with this ID.`);
		}
	}
	if (existing) {
		const id = existing.res_id as number;
		writeRecords(model, [id], values);
		writeRecords(data, [existing.id], { date_update: env.now });
		return id;
	}
	let id: number;
	if (target.dbid) {
		id = target.dbid;
		writeRecords(model, [id], values);
	} else {
		id = createRecord(model, values);
	}
	if (name) {
		// _inherits parents get an external id of their own: res.users' partner is <name>_res_partner.
		const partner = model.name === 'res.users' ? model.record(id)?.partner_id : undefined;
		if (typeof partner === 'number') createRecord(data, { name: `${name}_res_partner`, model: 'res.partner', module, res_id: partner, noupdate: target.noupdate });
		createRecord(data, { name, model: model.name, module, res_id: id, noupdate: target.noupdate });
	}
	return id;
}
