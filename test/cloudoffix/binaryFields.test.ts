import type { IDataObject } from 'n8n-workflow';

import { afterItems, packageNode } from '../harness';
import { afterFiles, bytesOf, filesHarness } from './files';
import { useCloudOffixSandbox } from './sandbox';

const sandbox = useCloudOffixSandbox({ computedFieldCostMs: 0 });
const partner = { mode: 'name', value: 'res.partner' };

/** A 1×1 PNG (signature, IHDR, IDAT, IEND): bytes that are not UTF-8 text. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** A 1×1 GIF. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

function node(parameters: IDataObject, name = 'cloudOffix') {
	return packageNode('cloudOffix', { resource: 'record', model: partner, connection: { batchSize: 50 }, ...parameters }, { cloudOffixApi: 'co-1' }, { name });
}

const file = (bytes: Buffer, fileName = 'photo.png') => ({ base64: bytes.toString('base64'), fileName, mimeType: 'image/png' });
const fromInput = (pairs: Array<[string, string]>) => ({ binaryFieldsFromInput: { field: pairs.map(([name, property]) => ({ name, property })) } });

const createNode = (options: IDataObject, valuesJson = '={{ JSON.stringify({ name: $json.name }) }}') =>
	node({ operation: 'create', fieldsMode: 'json', valuesJson, options }, 'Create');

async function getImages(ids: number[], options: IDataObject = {}) {
	const harness = filesHarness(sandbox());
	const result = await harness.run(
		afterItems(ids.map((id) => ({ id })), node({ operation: 'get', recordId: { mode: 'id', value: '={{$json.id}}' }, options: { binaryFields: ['image'], ...options } }, 'Get')),
	);
	expect(result.error).toBeUndefined();
	return result.output('Get');
}

describe('CloudOffix binary fields of records', () => {
	it('creates partners with an image from input binary data, one create each (not load), and gets it back byte for byte', async () => {
		const harness = filesHarness(sandbox());
		const created = await harness.run(
			afterFiles(
				[
					{ json: { name: 'Png Picture Co' }, binary: { photo: file(PNG) } },
					{ json: { name: 'Gif Picture Co' }, binary: { photo: file(GIF, 'photo.gif') } },
				],
				createNode(fromInput([['image', 'photo']])),
			),
		);
		expect(created.error).toBeUndefined();
		const ids = created.json('Create').map((item) => item.id as number);
		expect(ids).toHaveLength(2);
		// Binary values cannot go through load: each item made its own create.
		expect(sandbox().stats.calls['res.partner.load']).toBeUndefined();
		expect(sandbox().stats.calls['res.partner.create']).toBe(2);

		const items = await getImages(ids);
		expect(bytesOf(items[0].binary?.image).equals(PNG)).toBe(true);
		expect(items[0].binary?.image).toMatchObject({ fileName: `res.partner-${ids[0]}-image.png`, mimeType: 'image/png' });
		expect(bytesOf(items[1].binary?.image).equals(GIF)).toBe(true);
		expect(items[1].binary?.image).toMatchObject({ fileName: `res.partner-${ids[1]}-image.gif`, mimeType: 'image/gif' });
		for (const item of items) {
			expect(item.json).not.toHaveProperty('image');
			expect(JSON.stringify(item.json)).not.toContain(PNG.toString('base64').slice(0, 24));
			expect(JSON.stringify(item.json)).not.toContain(GIF.toString('base64').slice(0, 24));
		}
		expect(items[0].json).toMatchObject({ id: ids[0], name: 'Png Picture Co' });
	});

	it('updates a partner\'s image from input binary data and gets only the named fields and the image back', async () => {
		const harness = filesHarness(sandbox());
		const created = await harness.run(afterItems([{}], createNode({}, '{"name": "Plain Co"}')));
		const [{ id }] = created.json('Create') as Array<{ id: number }>;
		sandbox().stats.reset();
		const updated = await harness.run(
			afterFiles(
				[{ json: { id }, binary: { picture: file(PNG) } }],
				node({ operation: 'update', recordId: { mode: 'id', value: '={{$json.id}}' }, fieldsMode: 'json', valuesJson: '{"comment": "has a picture"}', options: fromInput([['image', 'picture']]) }, 'Update'),
			),
		);
		expect(updated.error).toBeUndefined();
		expect(updated.json('Update')).toEqual([{ id, updated: true }]);
		expect(sandbox().stats.calls['res.partner.write']).toBe(1);

		const [item] = await getImages([id], { fields: ['name', 'comment'] });
		expect(item.json).toEqual({ id, name: 'Plain Co', comment: 'has a picture' });
		expect(bytesOf(item.binary?.image).equals(PNG)).toBe(true);
		expect(item.binary?.image).toMatchObject({ fileName: `res.partner-${id}-image.png`, mimeType: 'image/png' });
	});

	it('fails Get naming the option when a field is not binary, before reading anything', async () => {
		const harness = filesHarness(sandbox());
		const result = await harness.run(afterItems([{ id: 1 }], node({ operation: 'get', recordId: { mode: 'id', value: '={{$json.id}}' }, options: { binaryFields: ['image', 'name'] } }, 'Get')));
		expect(result.error?.message).toBe('Item 0: "name" (char) of res.partner is not a binary field');
		expect((result.error as unknown as { description: string }).description).toBe('Check the parameter "Binary Fields to Download". Nothing was sent for this item.');
		expect(sandbox().stats.calls['res.partner.read']).toBeUndefined();
	});

	it('fails Create naming the option when a field is not binary or an item lacks the binary property, with nothing created', async () => {
		const harness = filesHarness(sandbox());
		const notBinary = await harness.run(afterFiles([{ json: { name: 'A' }, binary: { photo: file(PNG) } }], createNode(fromInput([['comment', 'photo']]))));
		expect(notBinary.error?.message).toBe('Item 0: "comment" (text) of res.partner is not a binary field');
		expect((notBinary.error as unknown as { description: string }).description).toBe('Check the parameter "Binary Fields From Input". Nothing was sent for this item.');

		const missing = await harness.run(
			afterFiles(
				[
					{ json: { name: 'Good Co' }, binary: { photo: file(PNG) } },
					{ json: { name: 'Bad Co' }, binary: { other: file(PNG) } },
				],
				createNode(fromInput([['image', 'photo']])),
			),
		);
		expect(missing.error?.message).toBe('Item 1: The input item has no binary property "photo" for the field "image" (it has only "other")');
		expect((missing.error as unknown as { description: string }).description).toBe('Check the parameter "Binary Fields From Input". Nothing was sent for this item.');
		// Not even the good item 0 was created: every item is checked first.
		expect(sandbox().stats.creates).toEqual({});
		expect(Object.keys(sandbox().stats.calls).filter((call) => !call.endsWith('.fields_get'))).toEqual([]);
	});

	it('fails Update when the item lacks the binary property, with nothing written', async () => {
		const harness = filesHarness(sandbox());
		const result = await harness.run(
			afterFiles([{ json: { id: 1 } }], node({ operation: 'update', recordId: { mode: 'id', value: '1' }, fieldsMode: 'json', valuesJson: '{}', options: fromInput([['image', 'data']]) }, 'Update')),
		);
		expect(result.error?.message).toBe('Item 0: The input item has no binary property "data" for the field "image" (it has no binary data)');
		expect(sandbox().stats.calls['res.partner.write']).toBeUndefined();
	});
});
