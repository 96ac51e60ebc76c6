import { createHash } from 'node:crypto';
import { loggedInEachTest, useSandbox } from './helpers/sandbox';
import { xmlCall } from './helpers/xml-client';

/** ir.attachment as Odoo 11 keeps files: base64 in and out, bytes underneath, size, sha1, mimetype, and access through the linked record. */
const sandbox = useSandbox({ computedFieldCostMs: 0 });
const users = loggedInEachTest(sandbox);

type Row = Record<string, unknown>;

/** Every byte value, so that nothing survives that a text encoding would change. */
const BYTES = Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 37 + 11) % 256));
const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex');

const create = async (vals: Row, client = users.admin) => (await client.callKw('ir.attachment', 'create', [vals])) as number;
const read = async (ids: number[], fields: string[], client = users.admin, context?: Row) =>
	(await client.callKw('ir.attachment', 'read', [ids, fields], context ? { context } : {})) as Row[];

describe('files', () => {
	test('datas goes in and comes back as base64 of the same bytes, with the size and sha1 of those bytes', async () => {
		const id = await create({ name: 'all bytes', datas_fname: 'blob.bin', datas: b64(BYTES) });
		const [row] = await read([id], ['datas', 'file_size', 'checksum', 'mimetype', 'type', 'store_fname', 'db_datas']);
		expect(Buffer.from(String(row.datas), 'base64').equals(BYTES)).toBe(true);
		expect(row).toMatchObject({ file_size: 512, checksum: sha1(BYTES), type: 'binary', db_datas: false });
		// The filestore name is the sha1, in one of 256 directories.
		expect(row.store_fname).toBe(`${sha1(BYTES).slice(0, 2)}/${sha1(BYTES)}`);
	});

	test('reading datas of many attachments gives each its own content; bin_size gives human sizes instead', async () => {
		const ids = [await create({ name: 'a', datas: b64('first file') }), await create({ name: 'b', datas: b64(BYTES) }), await create({ name: 'c' })];
		const rows = await read(ids, ['datas']);
		expect(rows.map((row) => row.datas)).toEqual([b64('first file'), b64(BYTES), false]);
		const sizes = await read(ids, ['datas'], users.admin, { bin_size: true });
		expect(sizes.map((row) => row.datas)).toEqual(['10.00 bytes', '512.00 bytes', false]);
		const found = (await users.admin.callKw('ir.attachment', 'search_read', [[['id', 'in', ids]]], { fields: ['name', 'file_size'] })) as Row[];
		// _order is 'id desc'.
		expect(found.map((row) => [row.name, row.file_size])).toEqual([['c', 0], ['b', 512], ['a', 10]]);
	});

	test('the mimetype is the given one, else guessed from the file name, else from the content, else octet-stream', async () => {
		const pdf = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
		const cases: [Row, string][] = [
			[{ datas_fname: 'notes.txt', datas: b64('hello') }, 'text/plain'],
			[{ datas_fname: 'export.CSV', datas: b64('a,b\n1,2\n') }, 'text/csv'],
			[{ datas_fname: 'scan', datas: b64(pdf) }, 'application/pdf'],
			[{ datas: b64(png) }, 'image/png'],
			[{ datas: b64(jpeg) }, 'image/jpeg'],
			[{ datas_fname: 'data.unknownext', datas: b64('plain words') }, 'application/octet-stream'],
			[{ mimetype: 'application/x-custom', datas_fname: 'notes.txt', datas: b64('hello') }, 'application/x-custom'],
			[{ type: 'url', url: 'https://example.com/brochure.pdf' }, 'application/pdf'],
		];
		const ids = [];
		for (const [vals] of cases) ids.push(await create({ name: 'file', ...vals }));
		const rows = await read(ids, ['mimetype']);
		expect(rows.map((row) => row.mimetype)).toEqual(cases.map(([, mimetype]) => mimetype));
	});

	test('file_size and checksum cannot be set; writing datas recomputes them and the mimetype from what is written', async () => {
		const id = await create({ name: 'doc', datas_fname: 'doc.txt', datas: b64('short'), file_size: 999, checksum: 'forged' });
		expect(await read([id], ['file_size', 'checksum', 'index_content'])).toEqual([{ id, file_size: 5, checksum: sha1(Buffer.from('short')), index_content: 'short' }]);
		await users.admin.callKw('ir.attachment', 'write', [[id], { datas: b64('%PDF-1.7 longer content'), file_size: 1 }]);
		expect(await read([id], ['file_size', 'checksum', 'mimetype', 'index_content'])).toEqual([
			{ id, file_size: 23, checksum: sha1(Buffer.from('%PDF-1.7 longer content')), mimetype: 'application/pdf', index_content: 'application' },
		]);
	});

	test('res_name is the display name of the linked record; copy keeps the file', async () => {
		const id = await create({ name: 'contract.pdf', res_model: 'res.partner', res_id: 12, datas: b64(BYTES) });
		const [row] = await read([id], ['res_name', 'res_model', 'res_id', 'company_id', 'create_uid']);
		expect(row).toMatchObject({ res_name: 'Agrolait', res_model: 'res.partner', res_id: 12, company_id: [1, 'YourCompany'], create_uid: [2, 'Administrator'] });
		const copy = (await users.admin.callKw('ir.attachment', 'copy', [[id]])) as number;
		const [copied] = await read([copy], ['datas', 'checksum', 'res_id']);
		expect(copied).toMatchObject({ datas: b64(BYTES), checksum: sha1(BYTES), res_id: 12 });
	});

	test('text that is not base64 fails as base64.b64decode does', async () => {
		const error = await users.admin.failure('ir.attachment', 'create', [{ name: 'bad', datas: 'abc' }]);
		expect([error.data.name, error.data.message]).toEqual(['binascii.Error', 'Incorrect padding']);
	});

	test('markup uploaded by a user who is not an administrator would be served as text: the administrator keeps text/html', async () => {
		const id = await create({ name: 'page', datas_fname: 'page.html', datas: b64('<p>hi</p>') });
		expect(await read([id], ['mimetype'])).toEqual([{ id, mimetype: 'text/html' }]);
	});

	test('fields_get describes the fields as Odoo 11 types them', async () => {
		const fields = (await users.admin.callKw('ir.attachment', 'fields_get', [['datas', 'file_size', 'res_model', 'res_id', 'type', 'mimetype', 'checksum', 'public']], { attributes: ['type', 'readonly', 'store'] })) as Record<string, Row>;
		expect(fields).toEqual({
			datas: { type: 'binary', readonly: false, store: false },
			file_size: { type: 'integer', readonly: true, store: true },
			res_model: { type: 'char', readonly: true, store: true },
			res_id: { type: 'integer', readonly: true, store: true },
			type: { type: 'selection', readonly: false, store: true },
			mimetype: { type: 'char', readonly: true, store: true },
			checksum: { type: 'char', readonly: true, store: true },
			public: { type: 'boolean', readonly: false, store: true },
		});
	});

	test('over XML-RPC datas travels as a string of base64, as Odoo 11 reads it', async () => {
		const id = await create({ name: 'x', datas: b64(BYTES) });
		const outcome = await xmlCall(sandbox().url, '/xmlrpc/2/object', 'execute_kw', [sandbox().db, 2, 'admin', 'ir.attachment', 'read', [[id], ['datas']]]);
		expect(outcome.ok).toEqual([{ id, datas: b64(BYTES) }]);
		expect(outcome.raw.text).toContain(`<name>datas</name>\n<value><string>${b64(BYTES)}</string></value>`);
	});
});

describe('attachments and the records they belong to', () => {
	test('unlinking a record unlinks its attachments (BaseModel.unlink)', async () => {
		const partner = (await users.admin.callKw('res.partner', 'create', [{ name: 'Leaving Ltd' }])) as number;
		const attached = await create({ name: 'kept?', res_model: 'res.partner', res_id: partner, datas: b64('x') });
		const other = await create({ name: 'other', res_model: 'res.partner', res_id: 12 });
		await users.admin.callKw('res.partner', 'unlink', [[partner]]);
		expect(await users.admin.callKw('ir.attachment', 'search', [[['id', 'in', [attached, other]]]])).toEqual([other]);
	});

	test('a user who cannot read the linked model cannot read the attachment, and a search does not show it', async () => {
		const secret = await create({ name: 'secret', res_model: 'ir.config_parameter', res_id: 1, datas: b64('s3cr3t') });
		const visible = await create({ name: 'visible', res_model: 'res.partner', res_id: 12, datas: b64('hello') });
		const loose = await create({ name: 'loose' });
		const error = await users.demo.failure('ir.attachment', 'read', [[secret], ['datas']]);
		expect(error.data.name).toBe('odoo.exceptions.AccessError');
		expect(error.data.arguments[0]).toContain('(Document model: ir.config_parameter) - (Operation: read, User: 6)');
		expect(await users.demo.callKw('ir.attachment', 'search', [[['id', 'in', [secret, visible, loose]]]])).toEqual([loose, visible]);
		expect(await users.demo.callKw('ir.attachment', 'search_count', [[['name', 'in', ['secret', 'visible', 'loose']]]])).toBe(2);
		expect(await read([visible], ['datas'], users.demo)).toEqual([{ id: visible, datas: b64('hello') }]);
		expect(await users.admin.callKw('ir.attachment', 'search', [[['id', 'in', [secret, visible, loose]]]])).toEqual([loose, visible, secret]);
	});

	test('attaching needs write access on the record: the demo user is refused on the partner', async () => {
		const error = await users.demo.failure('ir.attachment', 'create', [{ name: 'note', res_model: 'res.partner', res_id: 12 }]);
		expect(error.data.name).toBe('odoo.exceptions.AccessError');
		expect(error.data.arguments[0]).toMatch(/^Sorry, you are not allowed to modify this document\. [\s\S]*\(Document model: res\.partner\) - \(Operation: write, User: 6\)$/);
	});

	test('check(mode, values) is callable remotely: None when allowed, the AccessError of the linked model otherwise', async () => {
		const allowed = await users.demo.envelope('/web/dataset/call_kw', { model: 'ir.attachment', method: 'check', args: ['read', { res_model: 'res.partner', res_id: 12 }], kwargs: {} });
		expect(allowed).toEqual({ jsonrpc: '2.0', id: expect.any(Number) });
		const refused = await users.demo.failure('ir.attachment', 'check', ['write', { res_model: 'res.partner', res_id: 12 }]);
		expect(refused.data.arguments[0]).toContain('(Document model: res.partner) - (Operation: write, User: 6)');
		expect((await users.demo.failure('ir.attachment', 'check', ['erase'])).data.message).toBe('Invalid access mode');
	});

	test('an attachment on a model the registry does not know fails to compute res_name (KeyError)', async () => {
		const error = await users.admin.failure('ir.attachment', 'create', [{ name: 'orphan', res_model: 'no.such.model', res_id: 1 }]);
		expect([error.data.name, error.data.message]).toEqual(['builtins.KeyError', 'no.such.model']);
	});
});
