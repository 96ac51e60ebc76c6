import type { IDataObject } from 'n8n-workflow';

import { afterItems, packageNode } from '../harness';
import { recordingMethods } from '../harness/secrets';
import { pdfText } from '../harness/pdfText';
import { CloudOffix } from '../../nodes/CloudOffix/CloudOffix.node';
import { bytesOf, filesHarness } from './files';
import { cloudOffixHarness, useCloudOffixSandbox } from './sandbox';

const sandbox = useCloudOffixSandbox({ computedFieldCostMs: 0 });
const saleOrderReport = { __rl: true, mode: 'list', value: 'sale.report_saleorder' };

function node(parameters: IDataObject, connection: IDataObject = {}) {
	return packageNode('cloudOffix', { resource: 'report', connection, ...parameters }, { cloudOffixApi: 'co-1' });
}

const print = (recordIds: string, extra: IDataObject = {}, connection: IDataObject = {}) =>
	node({ operation: 'print', report: saleOrderReport, recordIds, binaryPropertyName: 'pdf', ...extra }, connection);

/** The names of sale orders, read through the node (Record → Get). */
async function orderNames(ids: number[]): Promise<string[]> {
	const harness = filesHarness(sandbox());
	const read = await harness.run(
		afterItems(
			ids.map((id) => ({ id })),
			packageNode('cloudOffix', { resource: 'record', operation: 'get', model: { mode: 'name', value: 'sale.order' }, recordId: { mode: 'id', value: '={{$json.id}}' }, options: { fields: ['name'] } }, { cloudOffixApi: 'co-1' }),
		),
	);
	return read.json('cloudOffix').map((row) => String(row.name));
}

describe('CloudOffix reports', () => {
	it('lists the reports, optionally of one model', async () => {
		const harness = filesHarness(sandbox());
		const all = await harness.run(afterItems([{}], node({ operation: 'listReports' })));
		expect(all.json('cloudOffix').map((row) => row.report_name)).toEqual(['account.report_overdue', 'sale.report_saleorder']);
		expect(all.json('cloudOffix')[1]).toMatchObject({ name: 'Quotation / Order', model: 'sale.order', report_type: 'qweb-pdf' });
		const sale = await harness.run(afterItems([{}], node({ operation: 'listReports', filters: { model: 'sale.order' } })));
		expect(sale.json('cloudOffix').map((row) => row.report_name)).toEqual(['sale.report_saleorder']);
	});

	it('offers the reports in the editor list, searchable', async () => {
		const harness = cloudOffixHarness(sandbox());
		const { listSearch } = recordingMethods(new CloudOffix().methods);
		const context = harness.loadOptionsContext(node({ operation: 'print' }));
		expect((await listSearch.searchReports.call(context, 'quotation')).results).toEqual([{ name: 'Quotation / Order (sale.order)', value: 'sale.report_saleorder' }]);
		expect((await listSearch.searchReports.call(context)).results.map((result) => result.value)).toEqual(['account.report_overdue', 'sale.report_saleorder']);
	});

	it('prints a sale order through /report/pdf as a PDF naming the order, file named after the report and the order', async () => {
		const [name] = await orderNames([3]);
		sandbox().stats.reset();
		const harness = filesHarness(sandbox());
		const result = await harness.run(afterItems([{}], print('3')));
		expect(result.error).toBeUndefined();
		const [item] = result.output('cloudOffix');
		expect(item.binary?.pdf).toMatchObject({ mimeType: 'application/pdf', fileName: `Quotation _ Order - ${name}.pdf` });
		const bytes = bytesOf(item.binary?.pdf);
		expect(item.json).toMatchObject({ report: 'sale.report_saleorder', model: 'sale.order', recordIds: [3], fileSize: bytes.length });
		expect(pdfText(bytes).join('\n')).toMatch(new RegExp(`(Quotation|Order) # ${name}`));
		expect(sandbox().stats.requests['/report/pdf']).toBe(1);
		expect(sandbox().stats.requests['/xmlrpc/2/object'] ?? 0).toBe(0);
	});

	it('prints all record ids of an item into one PDF named after the report (ids from an expression array)', async () => {
		const names = await orderNames([1, 2]);
		const harness = filesHarness(sandbox());
		const result = await harness.run(afterItems([{ ids: [1, 2] }], print('={{ $json.ids }}')));
		expect(result.error).toBeUndefined();
		const items = result.output('cloudOffix');
		expect(items).toHaveLength(1);
		expect(items[0].binary?.pdf?.fileName).toBe('Quotation _ Order.pdf');
		const text = pdfText(bytesOf(items[0].binary?.pdf)).join('\n');
		for (const name of names) expect(text).toContain(name);
	});

	it('falls back to render_qweb_pdf over XML-RPC when the route is not reachable, with the same bytes', async () => {
		const harness = filesHarness(sandbox());
		const direct = bytesOf((await harness.run(afterItems([{}], print('3')))).output('cloudOffix')[0].binary?.pdf);
		sandbox().stats.reset();
		sandbox().faults.set({ kind: 'status', status: 404, route: '/report/pdf' });
		const result = await harness.run(afterItems([{}], print('3')));
		expect(result.error).toBeUndefined();
		const fallback = bytesOf(result.output('cloudOffix')[0].binary?.pdf);
		expect(sandbox().stats.calls['ir.actions.report.render_qweb_pdf']).toBe(1);
		expect(sandbox().stats.requests['/xmlrpc/2/object']).toBe(1);
		// The sandbox's PDF carries its creation date: compare the text rather than every byte.
		expect(pdfText(fallback)).toEqual(pdfText(direct));
	});

	it('renews an expired session on the login redirect and prints', async () => {
		const harness = filesHarness(sandbox());
		expect((await harness.run(afterItems([{}], print('3')))).error).toBeUndefined();
		// The report's lookup (call_kw) still goes through; the session is gone when the route is asked.
		sandbox().faults.set({ kind: 'expireSessionAfter', calls: 1, route: '/web/dataset/call_kw' });
		sandbox().stats.reset();
		const result = await harness.run(afterItems([{}], print('3')));
		expect(result.error).toBeUndefined();
		expect(pdfText(bytesOf(result.output('cloudOffix')[0].binary?.pdf)).length).toBeGreaterThan(0);
		expect(sandbox().stats.logins).toBe(1);
		expect(sandbox().stats.requests['/report/pdf']).toBe(2);
	});

	it("reports the server's error page in words: a record that does not exist", async () => {
		const harness = filesHarness(sandbox());
		const result = await harness.run(afterItems([{}], print('999999')));
		expect(result.error?.message).toMatch(/^Printing the report "Quotation \/ Order" \(sale\.report_saleorder\) failed: [\s\S]*MissingError: \('Record does not exist or has been deleted/);
		expect(sandbox().stats.calls['ir.actions.report.render_qweb_pdf']).toBe(1);
	});

	it('fails bad input naming the item and field, with nothing printed', async () => {
		const harness = filesHarness(sandbox());
		const badName = await harness.run(afterItems([{}, {}], node({ operation: 'print', report: { __rl: true, mode: 'name', value: '={{ $itemIndex === 1 ? "../web/login" : "sale.report_saleorder" }}' }, recordIds: '1' })));
		expect(badName.error?.message).toBe('Item 1: "../web/login" is not a report name like sale.report_saleorder');
		expect((badName.error as unknown as { description: string }).description).toBe('Check the parameter "Report". Nothing was sent for this item.');
		const badIds = await harness.run(afterItems([{}], print('1, two')));
		expect(badIds.error?.message).toBe('Item 0: "two" is not a record ID (a whole number from 1)');
		expect(sandbox().stats.total).toBe(0);

		const unknown = await harness.run(afterItems([{}], node({ operation: 'print', report: { __rl: true, mode: 'name', value: 'sale.no_such_report' }, recordIds: '1' })));
		expect(unknown.error?.message).toBe('Item 0: There is no report named "sale.no_such_report"');
		expect((unknown.error as unknown as { description: string }).description).toBe('Check the parameter "Report". The server was asked; nothing was changed for this item.');
		expect(sandbox().stats.requests['/report/pdf'] ?? 0).toBe(0);
		expect(sandbox().stats.calls['ir.actions.report.render_qweb_pdf'] ?? 0).toBe(0);
	});
});
