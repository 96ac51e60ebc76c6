import type { JsonRpcClient } from './helpers/json-client';
import { loggedIn, useSandbox } from './helpers/sandbox';
import { xmlCall } from './helpers/xml-client';

/** The pictures of partners and products: base64 in, the same bytes back, over JSON-RPC and XML-RPC. */
const sandbox = useSandbox({ computedFieldCostMs: 0 });
let admin: JsonRpcClient;

beforeEach(async () => {
	admin = await loggedIn(sandbox());
});

type Row = Record<string, unknown>;

/** Bytes of every value (what a JPEG or PNG holds), not valid UTF-8. */
const PICTURE = Buffer.from(Array.from({ length: 300 }, (_, index) => (index * 91 + 7) % 256));
const BASE64 = PICTURE.toString('base64');
/** Python's base64.encodebytes writes lines of 76 characters: clients send that too. */
const WRAPPED = BASE64.replace(/(.{76})/g, '$1\n');

const readImages = async (model: string, id: number) =>
	((await admin.callKw(model, 'read', [[id], ['image', 'image_medium', 'image_small']])) as Row[])[0];

describe('binary fields of partners and products', () => {
	test('a partner picture round-trips byte for byte, and the other sizes follow it', async () => {
		const id = (await admin.callKw('res.partner', 'create', [{ name: 'Picture Ltd', image: WRAPPED }])) as number;
		const images = await readImages('res.partner', id);
		// The value went through ir.attachment (attachment=True): decoded, stored as bytes, read back encoded.
		expect(images).toEqual({ id, image: BASE64, image_medium: BASE64, image_small: BASE64 });
		expect(Buffer.from(String(images.image), 'base64').equals(PICTURE)).toBe(true);
	});

	test('writing a picture replaces all three sizes; writing False clears them', async () => {
		const other = Buffer.from('another picture \x00\xff', 'latin1').toString('base64');
		await admin.callKw('res.partner', 'write', [[12], { image_medium: other }]);
		expect(await readImages('res.partner', 12)).toEqual({ id: 12, image: other, image_medium: other, image_small: other });
		await admin.callKw('res.partner', 'write', [[12], { image: false }]);
		expect(await readImages('res.partner', 12)).toEqual({ id: 12, image: false, image_medium: false, image_small: false });
	});

	test('products have pictures too, empty by default', async () => {
		const id = (await admin.callKw('product.product', 'create', [{ name: 'Pictured Lamp' }])) as number;
		expect(await readImages('product.product', id)).toEqual({ id, image: false, image_medium: false, image_small: false });
		await admin.callKw('product.product', 'write', [[id], { image: BASE64 }]);
		expect(await readImages('product.product', id)).toEqual({ id, image: BASE64, image_medium: BASE64, image_small: BASE64 });
	});

	test('over XML-RPC a <base64> value is stored as its bytes and read back as base64 text', async () => {
		const body = `<?xml version="1.0"?><methodCall><methodName>execute_kw</methodName><params>
<param><value><string>${sandbox().db}</string></value></param><param><value><int>2</int></value></param><param><value><string>admin</string></value></param>
<param><value><string>res.partner</string></value></param><param><value><string>create</string></value></param>
<param><value><array><data><value><struct>
<member><name>name</name><value><string>Base64 Ltd</string></value></member>
<member><name>image</name><value><base64>\n${WRAPPED}\n</base64></value></member>
</struct></value></data></array></value></param></params></methodCall>`;
		const created = await fetch(`${sandbox().url}/xmlrpc/2/object`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body });
		const id = Number(/<int>(\d+)<\/int>/.exec(await created.text())?.[1]);
		const outcome = await xmlCall(sandbox().url, '/xmlrpc/2/object', 'execute_kw', [sandbox().db, 2, 'admin', 'res.partner', 'read', [[id], ['image']]]);
		expect(outcome.ok).toEqual([{ id, image: BASE64 }]);
	});

	test('fields_get says the pictures are binary fields kept in attachments', async () => {
		const fields = (await admin.callKw('res.partner', 'fields_get', [['image', 'image_small']], { attributes: ['type', 'attachment', 'store'] })) as Record<string, Row>;
		expect(fields).toEqual({ image: { type: 'binary', attachment: true, store: true }, image_small: { type: 'binary', attachment: true, store: true } });
	});
});
