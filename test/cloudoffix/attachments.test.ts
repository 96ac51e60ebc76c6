import type { IDataObject } from 'n8n-workflow';

import { afterItems, packageNode } from '../harness';
import { afterFiles, bytesOf, filesHarness, tinyPdf } from './files';
import { useCloudOffixSandbox } from './sandbox';

const sandbox = useCloudOffixSandbox({ computedFieldCostMs: 0 });
const lead = { mode: 'name', value: 'crm.lead' };
const LEAD_ID = 1;

function node(parameters: IDataObject, name = 'cloudOffix') {
	return packageNode('cloudOffix', { resource: 'attachment', ...parameters }, { cloudOffixApi: 'co-1' }, { name });
}

const upload = (extra: IDataObject = {}, leadId = LEAD_ID) =>
	node({ operation: 'upload', model: lead, recordId: { mode: 'id', value: String(leadId) }, binaryPropertyName: 'data', ...extra }, 'Upload');

/** Uploads `files` to a lead (1) and returns the attachments' metadata. */
async function uploaded(files: Buffer[], leadId = LEAD_ID): Promise<IDataObject[]> {
	const harness = filesHarness(sandbox());
	const result = await harness.run(
		afterFiles(files.map((bytes, index) => ({ binary: { data: { base64: bytes.toString('base64'), fileName: `quote-${index + 1}.pdf`, mimeType: 'application/pdf' } } })), upload({}, leadId)),
	);
	expect(result.error).toBeUndefined();
	return result.json('Upload');
}

describe('CloudOffix attachments', () => {
	it('uploads a PDF to a lead and downloads it byte for byte, its metadata as json and no base64 in it', async () => {
		const pdf = tinyPdf('Quote for Agrolait');
		const [meta] = await uploaded([pdf]);
		expect(meta).toMatchObject({ name: 'quote-1.pdf', datas_fname: 'quote-1.pdf', res_model: 'crm.lead', res_id: LEAD_ID, mimetype: 'application/pdf', file_size: pdf.length });
		expect(meta).not.toHaveProperty('datas');

		const harness = filesHarness(sandbox());
		const result = await harness.run(afterItems([{ id: meta.id }], node({ operation: 'download', downloadBy: 'id', attachmentId: '={{$json.id}}', binaryPropertyName: 'file' })));
		expect(result.error).toBeUndefined();
		const [item] = result.output('cloudOffix');
		expect(item.json).toMatchObject({ id: meta.id, name: 'quote-1.pdf', mimetype: 'application/pdf' });
		expect(JSON.stringify(item.json)).not.toContain(pdf.toString('base64').slice(0, 40));
		expect(item.json).not.toHaveProperty('datas');
		expect(item.binary?.file).toMatchObject({ fileName: 'quote-1.pdf', mimeType: 'application/pdf' });
		expect(bytesOf(item.binary?.file).equals(pdf)).toBe(true);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('takes the file name, type and description from the options over the binary data\'s', async () => {
		const harness = filesHarness(sandbox());
		const bytes = Buffer.from([0, 1, 2, 250, 251, 252]);
		const result = await harness.run(
			afterFiles(
				[{ binary: { data: { base64: bytes.toString('base64'), fileName: 'raw.bin', mimeType: 'application/octet-stream' } } }],
				upload({ options: { fileName: 'renamed.dat', mimeType: 'application/x-test', description: 'from n8n' } }),
			),
		);
		expect(result.json('Upload')[0]).toMatchObject({ name: 'renamed.dat', mimetype: 'application/x-test', description: 'from n8n', file_size: 6 });
	});

	it('downloads all attachments of a record, one item each, in upload order', async () => {
		const files = [tinyPdf('one'), tinyPdf('two'), Buffer.from('plain text file')];
		const metas = await uploaded(files);
		// A file of another lead is not one of lead 1's.
		await uploaded([tinyPdf('other lead')], LEAD_ID + 1);
		const harness = filesHarness(sandbox());
		const result = await harness.run(afterItems([{}], node({ operation: 'download', downloadBy: 'record', model: lead, recordId: { mode: 'id', value: String(LEAD_ID) }, binaryPropertyName: 'data' })));
		expect(result.error).toBeUndefined();
		const items = result.output('cloudOffix');
		expect(items.map((item) => item.json.id)).toEqual(metas.map((meta) => meta.id));
		items.forEach((item, index) => expect(bytesOf(item.binary?.data).equals(files[index])).toBe(true));
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it('uploads to and downloads from a record named by its external ID (crm.crm_case_1 is lead 1)', async () => {
		const files = [tinyPdf('by external id')];
		const harness = filesHarness(sandbox());
		const byXmlId = { mode: 'externalId', value: 'crm.crm_case_1' };
		const up = await harness.run(afterFiles([{ binary: { data: { base64: files[0].toString('base64'), fileName: 'x.pdf', mimeType: 'application/pdf' } } }], upload({ recordId: byXmlId })));
		expect(up.json('Upload')[0]).toMatchObject({ res_model: 'crm.lead', res_id: LEAD_ID });
		const down = await harness.run(afterItems([{}], node({ operation: 'download', downloadBy: 'record', model: lead, recordId: byXmlId, binaryPropertyName: 'data' })));
		const items = down.output('cloudOffix');
		expect(items).toHaveLength(1);
		expect(bytesOf(items[0].binary?.data).equals(files[0])).toBe(true);
	});

	it('lists attachments without their content, filtered by model and record, limited, and deletes one', async () => {
		const metas = await uploaded([tinyPdf('a'), tinyPdf('b'), tinyPdf('c')]);
		const harness = filesHarness(sandbox());
		const listed = await harness.run(afterItems([{}], node({ operation: 'getMany', returnAll: true, filters: { model: 'crm.lead', recordId: LEAD_ID } })));
		expect(listed.error).toBeUndefined();
		const rows = listed.json('cloudOffix');
		// Newest first.
		expect(rows.map((row) => row.id)).toEqual(metas.map((meta) => meta.id).reverse());
		for (const row of rows) expect(row).not.toHaveProperty('datas');
		expect(listed.output('cloudOffix').every((item) => item.binary === undefined)).toBe(true);
		expect(sandbox().stats.calls['ir.attachment.search_read']).toBe(1);

		const limited = await harness.run(afterItems([{}], node({ operation: 'getMany', returnAll: false, limit: 2, filters: { model: 'crm.lead' } })));
		expect(limited.json('cloudOffix')).toHaveLength(2);

		const deleted = await harness.run(afterItems([{ id: metas[1].id }], node({ operation: 'deleteAttachment', attachmentId: '={{$json.id}}' })));
		expect(deleted.json('cloudOffix')).toEqual([{ id: metas[1].id, deleted: true }]);
		const after = await harness.run(afterItems([{}], node({ operation: 'getMany', returnAll: true, filters: { model: 'crm.lead', recordId: LEAD_ID } })));
		expect(after.json('cloudOffix').map((row) => row.id)).toEqual([metas[2].id, metas[0].id]);

		const gone = await harness.run(afterItems([{ id: metas[1].id }], node({ operation: 'download', downloadBy: 'id', attachmentId: '={{$json.id}}' })));
		expect(gone.error?.message).toBe(`Item 0: There is no attachment with ID ${metas[1].id} (or this user may not read it)`);
	});

	it('fails an upload whose item lacks the binary field, naming the item and field, before anything is sent', async () => {
		const harness = filesHarness(sandbox());
		const result = await harness.run(
			afterFiles([{ binary: { data: { base64: 'AAEC', fileName: 'a.bin' } } }, { binary: { other: { base64: 'AAEC', fileName: 'b.bin' } } }], upload()),
		);
		expect(result.error?.message).toBe('Item 1: The input item has no binary field "data" (it has only "other")');
		expect((result.error as unknown as { description: string }).description).toBe('Check the parameter "Binary Field". Nothing was sent for this item.');
		// Not even item 0's file went out: the run stops before any upload.
		expect(sandbox().stats.total).toBe(0);
	});
});
