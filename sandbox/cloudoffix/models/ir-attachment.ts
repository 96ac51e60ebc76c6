import { createHash } from 'node:crypto';
import { builtinError, keyError } from '../errors';
import { checkAccess, hasAccess } from '../orm/access';
import { Model, type AccessMode, type Env, type Rec } from '../orm/database';
import { decodeBase64 } from '../orm/binary';
import { always, binary, boolean, char, datetime, defineModel, integer, many2one, selection, text } from '../orm/fields';

/**
 * ir.attachment as Odoo 11 defines it (odoo/addons/base/ir/ir_attachment.py): `datas` is base64 text in and out,
 * computed from the stored bytes, with `file_size`, `checksum` (sha1), `index_content` and the filestore name
 * derived when it is written (_inverse_datas); `mimetype` is the given one, else guessed (_compute_mimetype);
 * `res_name` is the display name of the linked record, stored when the link is set. Access follows check(): an
 * attachment linked to a record needs the rights on that record's model (write for create and unlink), and a search
 * hides the attachments of records the user may not read (_search).
 */

/** The stored bytes live outside the fields, as the filestore holds them outside the table. */
const BYTES = '__bytes';

/** Python's mimetypes.guess_type for the extensions files commonly have. */
const EXTENSIONS: Record<string, string> = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	jpe: 'image/jpeg',
	gif: 'image/gif',
	bmp: 'image/bmp',
	svg: 'image/svg+xml',
	txt: 'text/plain',
	csv: 'text/csv',
	htm: 'text/html',
	html: 'text/html',
	xml: 'text/xml',
	json: 'application/json',
	js: 'application/javascript',
	css: 'text/css',
	zip: 'application/zip',
	doc: 'application/msword',
	xls: 'application/vnd.ms-excel',
	ppt: 'application/vnd.ms-powerpoint',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	mp3: 'audio/mpeg',
	mp4: 'video/mp4',
};

function guessType(name: unknown): string | undefined {
	if (typeof name !== 'string') return undefined;
	const path = name.split(/[?#]/)[0];
	const dot = path.lastIndexOf('.');
	if (dot < 0 || dot < path.lastIndexOf('/')) return undefined;
	const extension = path.slice(dot + 1);
	return EXTENSIONS[extension] ?? EXTENSIONS[extension.toLowerCase()];
}

/**
 * odoo/tools/mimetypes.py guess_mimetype without python-magic: the signatures of PDF, JPEG, PNG, GIF, BMP, OLE and
 * ZIP files (a ZIP told apart as an Office Open XML or OpenDocument file by its entries); anything else is
 * application/octet-stream, plain text included.
 */
function guessMimetype(bytes: Buffer): string {
	const starts = (...signatures: number[][]) => signatures.some((signature) => signature.every((byte, index) => bytes[index] === byte));
	const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
	if (starts(ascii('%PDF'))) return 'application/pdf';
	if (starts([0xff, 0xd8, 0xff, 0xe0], [0xff, 0xd8, 0xff, 0xe2], [0xff, 0xd8, 0xff, 0xe3], [0xff, 0xd8, 0xff, 0xe1])) return 'image/jpeg';
	if (starts([0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a])) return 'image/png';
	if (starts(ascii('GIF87a'), ascii('GIF89a'))) return 'image/gif';
	if (starts(ascii('BM'))) return 'image/bmp';
	if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0x0d, 0x44, 0x4f, 0x43])) return 'application/msword';
	if (starts(ascii('PK\x03\x04'))) {
		const names = bytes.toString('latin1');
		if (names.includes('[Content_Types].xml')) {
			if (names.includes('word/')) return EXTENSIONS.docx;
			if (names.includes('xl/')) return EXTENSIONS.xlsx;
			if (names.includes('ppt/')) return EXTENSIONS.pptx;
		}
		// _check_open_container_format: an OpenDocument file starts with an entry named mimetype holding the type.
		const container = names.slice(30, 38) === 'mimetype' ? /^application\/vnd\.oasis\.opendocument\.[a-z.-]+/.exec(names.slice(38)) : null;
		return container ? container[0] : 'application/zip';
	}
	return 'application/octet-stream';
}

/** _compute_mimetype: the given type, else from the file name, else from the url, else from the content. */
function computeMimetype(vals: Record<string, unknown>): string {
	let mimetype = typeof vals.mimetype === 'string' && vals.mimetype !== '' ? vals.mimetype : undefined;
	mimetype ??= guessType(vals.datas_fname) ?? guessType(vals.url);
	if (typeof vals.datas === 'string' && vals.datas !== '' && (!mimetype || mimetype === 'application/octet-stream')) {
		mimetype = guessMimetype(decodeBase64(vals.datas));
	}
	return mimetype ?? 'application/octet-stream';
}

/** _check_contents: markup (html, xml, ...) uploaded by anyone but an administrator is served as plain text. */
function checkContents(env: Env, vals: Record<string, unknown>): void {
	const mimetype = computeMimetype(vals);
	const xmlLike = mimetype.includes('ht') || mimetype.includes('xml');
	vals.mimetype = xmlLike && (env.rights !== 'admin' || env.context.attachments_mime_plainxml) ? 'text/plain' : mimetype;
}

/** _index: the main type, or for text the printable runs of four characters or more. */
function indexContent(bytes: Buffer, mimetype: unknown): string | false {
	if (typeof mimetype !== 'string' || mimetype === '') return false;
	const kind = mimetype.split('/')[0];
	if (kind !== 'text') return kind;
	return bytes.toString('latin1').match(/[\x20-\x7e]{4,}/g)?.join('\n') ?? '';
}

/** _compute_res_name: the linked record's display name (KeyError for a model the registry does not know). */
function resName(env: Env, resModel: unknown, resId: unknown): string | false {
	if (!resModel || !resId) return false;
	const table = env.registry.table(String(resModel));
	if (!table) throw keyError(String(resModel));
	const rec = typeof resId === 'number' ? table.records.get(resId) : undefined;
	return rec ? new Model(env, table).displayName(rec) : false;
}

/** _inverse_datas: the bytes, and what is derived from them, stored as the superuser. */
function storeDatas(env: Env, rec: Rec, datas: unknown): void {
	const table = env.registry.get('ir.attachment');
	const bytes = typeof datas === 'string' && datas !== '' ? decodeBase64(datas) : Buffer.alloc(0);
	const checksum = createHash('sha1').update(bytes).digest('hex');
	table.set(rec, BYTES, bytes.length > 0 ? bytes : undefined);
	table.set(rec, 'file_size', bytes.length);
	table.set(rec, 'checksum', checksum);
	table.set(rec, 'index_content', indexContent(bytes, rec.mimetype));
	// The default storage is the filestore ('file'): the name is the sha1 scattered over 256 directories.
	table.set(rec, 'store_fname', bytes.length > 0 ? `${checksum.slice(0, 2)}/${checksum}` : false);
	table.set(rec, 'db_datas', false);
}

/** The models (and ids) the attachments and the values given are linked to, as check() collects them. */
function linkedRecords(env: Env, ids: readonly number[], mode: string, vals?: Record<string, unknown>): Map<string, Set<number>> {
	const linked = new Map<string, Set<number>>();
	const add = (resModel: string, resId: number) => linked.set(resModel, (linked.get(resModel) ?? new Set()).add(resId));
	const table = env.registry.get('ir.attachment');
	for (const id of ids) {
		const rec = table.records.get(id);
		if (!rec || (rec.public && mode === 'read')) continue;
		// An attachment linked to nothing needs an employee, which every sandbox user is.
		if (rec.res_model && rec.res_id) add(String(rec.res_model), rec.res_id as number);
	}
	if (vals?.res_model && vals.res_id) add(String(vals.res_model), vals.res_id as number);
	return linked;
}

/** check(mode, values=None): the access check itself, @api.model, so callable remotely (with values only, then). */
function checkLinked(env: Env, ids: readonly number[], mode: AccessMode, vals?: Record<string, unknown>): void {
	for (const [resModel, resIds] of linkedRecords(env, ids, mode, vals)) {
		const table = env.registry.table(resModel);
		// A model the registry does not know (or a deleted record) only requires an employee.
		if (!table) continue;
		if (resModel === 'res.users' && resIds.size === 1 && resIds.has(env.uid)) continue;
		// "For related models, check if we can write to the model, as unlinking and creating attachments can be seen as an update to the model".
		checkAccess(new Model(env, table), mode === 'create' || mode === 'unlink' ? 'write' : mode);
	}
}

const MODES = new Set(['read', 'write', 'create', 'unlink']);

export const irAttachment = defineModel({
	name: 'ir.attachment',
	description: 'ir.attachment',
	order: 'id desc',
	access: { group: 'User types/Employee' },
	fields: [
		char('name', 'Attachment Name', { required: true }),
		char('datas_fname', 'File Name'),
		text('description', 'Description'),
		char('res_name', 'Resource Name', { readonly: true }),
		char('res_model', 'Resource Model', { readonly: true, help: 'The database object this attachment will be attached to.' }),
		char('res_field', 'Resource Field', { readonly: true }),
		integer('res_id', 'Resource ID', { readonly: true, help: 'The record id this is attached to.' }),
		datetime('create_date', 'Date Created', { readonly: true }),
		many2one('create_uid', 'res.users', 'Owner', { readonly: true }),
		many2one('company_id', 'res.company', 'Company', { default: always(1) }),
		selection('type', 'Type', [['url', 'URL'], ['binary', 'File']], {
			required: true,
			default: always('binary'),
			help: 'You can either upload a file from your computer or copy/paste an internet link to your file.',
		}),
		char('url', 'Url'),
		boolean('public', 'Is public document'),
		char('access_token', 'Access Token'),
		binary('datas', 'File Content', {
			compute: (rec) => {
				const bytes = rec[BYTES];
				return Buffer.isBuffer(bytes) ? bytes.toString('base64') : false;
			},
			inverseWrite: true,
		}),
		binary('db_datas', 'Database Data'),
		char('store_fname', 'Stored Filename'),
		integer('file_size', 'File Size', { readonly: true }),
		char('checksum', 'Checksum/SHA1', { readonly: true }),
		char('mimetype', 'Mime Type', { readonly: true }),
		text('index_content', 'Indexed Content', { readonly: true }),
	],
	hooks: {
		checkRecords: checkLinked,
		searchFilter(model, domain) {
			// _search adds ('res_field', '=', False) unless the domain names id or res_field.
			const terms = Array.isArray(domain) ? domain : [];
			const hideFields = !terms.some((term) => (Array.isArray(term) || typeof term === 'string') && (term[0] === 'id' || term[0] === 'res_field'));
			const env = model.env;
			const superuser = env.su || env.rights === 'admin';
			if (superuser && !hideFields) return undefined;
			const readable = new Map<string, boolean>();
			return (rec) => {
				if (hideFields && rec.res_field) return false;
				if (superuser || !rec.res_model || rec.public) return true;
				const resModel = String(rec.res_model);
				const table = env.registry.table(resModel);
				if (!table) return true;
				if (!readable.has(resModel)) readable.set(resModel, hasAccess(new Model(env, table), 'read'));
				return Boolean(readable.get(resModel)) && table.records.has(rec.res_id as number);
			};
		},
		prepareCreate(env, vals) {
			delete vals.file_size;
			delete vals.checksum;
			checkContents(env, vals);
			vals.res_name = resName(env, vals.res_model, vals.res_id);
		},
		afterCreate(env, rec, vals) {
			// The inverse runs for the fields a create sets: without datas, no size or checksum.
			if ('datas' in vals) storeDatas(env, rec, vals.datas);
		},
		prepareWrite(env, _ids, vals) {
			delete vals.file_size;
			delete vals.checksum;
			if ('mimetype' in vals || 'datas' in vals) checkContents(env, vals);
		},
		afterWrite(env, recs, vals) {
			const table = env.registry.get('ir.attachment');
			for (const rec of recs) {
				if ('res_model' in vals || 'res_id' in vals) table.set(rec, 'res_name', resName(env, rec.res_model, rec.res_id));
				if ('datas' in vals) storeDatas(env, rec, vals.datas);
			}
		},
		/**
		 * copy_data copies every field but those declared copy=False, readonly ones included (the sandbox's copy() leaves
		 * those out): the link and the type come along, and the content through datas.
		 */
		copyDefaults(_env, rec) {
			const bytes = rec[BYTES];
			return { res_model: rec.res_model, res_id: rec.res_id, res_field: rec.res_field, mimetype: rec.mimetype, ...(Buffer.isBuffer(bytes) ? { datas: bytes.toString('base64') } : {}) };
		},
	},
	methods: {
		check: {
			api: 'model',
			params: [{ name: 'mode' }, { name: 'values', default: null }],
			run(target, _ids, { mode, values }) {
				// An unknown mode fails where check_access_rights asserts it.
				if (!MODES.has(mode as string)) throw builtinError('AssertionError', 'Invalid access mode');
				checkLinked(target.env, [], mode as AccessMode, values && typeof values === 'object' ? (values as Record<string, unknown>) : undefined);
				return null;
			},
		},
	},
});
