import { request } from 'undici';
import { ManualClock } from '../helpers/clock';
import type { JsonRpcClient } from './helpers/json-client';
import { loggedIn, useSandbox } from './helpers/sandbox';
import { xmlCall } from './helpers/xml-client';
import { decodePdfLiteral } from '../../harness/pdfText';

/** Printed reports: ir.actions.report, the PDF renderer, the /report routes and render_qweb_pdf over both RPCs. */
const sandbox = useSandbox({ computedFieldCostMs: 0, clock: new ManualClock() });
let admin: JsonRpcClient;

beforeEach(async () => {
	admin = await loggedIn(sandbox());
});

type Row = Record<string, unknown>;

interface Fetched {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	bytes: Buffer;
}

async function get(path: string, client?: JsonRpcClient): Promise<Fetched> {
	const response = await request(`${sandbox().url}${path}`, { headers: client?.sid ? { Cookie: `session_id=${client.sid}` } : {} });
	return { status: response.statusCode, headers: response.headers, bytes: Buffer.from(await response.body.arrayBuffer()) };
}

interface ParsedPdf {
	/** The text of each page, one line per text object. */
	pages: string[][];
	info: string;
}

/**
 * A reader of just enough of PDF 1.4 to check the file is well formed: the header, the xref table the trailer's
 * startxref points at (every entry the byte offset of its object), the trailer's /Root, the catalog's page tree, each
 * page's content stream (its /Length exact), and the text shown by Tj operators.
 */
function parsePdf(bytes: Buffer): ParsedPdf {
	const file = bytes.toString('latin1');
	expect(file.startsWith('%PDF-1.4\n')).toBe(true);
	const tail = /startxref\n(\d+)\n%%EOF\n$/.exec(file);
	expect(tail).not.toBeNull();
	const xrefAt = Number(tail?.[1]);
	const head = /^xref\n0 (\d+)\n/.exec(file.slice(xrefAt));
	expect(head).not.toBeNull();
	const count = Number(head?.[1]);
	const entriesAt = xrefAt + (head?.[0].length ?? 0);
	const objects = new Map<number, string>();
	for (let number = 0; number < count; number++) {
		const entry = file.slice(entriesAt + number * 20, entriesAt + (number + 1) * 20);
		expect(entry).toMatch(/^\d{10} \d{5} [nf] \n$/);
		if (number === 0) continue;
		const offset = Number(entry.slice(0, 10));
		const header = `${number} 0 obj\n`;
		expect(file.slice(offset, offset + header.length)).toBe(header);
		const end = file.indexOf('\nendobj\n', offset);
		objects.set(number, file.slice(offset + header.length, end));
	}
	const trailer = file.slice(entriesAt + count * 20);
	expect(trailer).toMatch(new RegExp(`^trailer\\n<< /Size ${count} /Root (\\d+) 0 R /Info (\\d+) 0 R >>\\nstartxref\\n`));
	const ref = (body: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(body)?.[1]);
	const [, root, infoRef] = /\/Root (\d+) 0 R \/Info (\d+) 0 R/.exec(trailer) as RegExpExecArray;
	const catalog = objects.get(Number(root)) as string;
	expect(catalog).toContain('/Type /Catalog');
	const tree = objects.get(ref(catalog, 'Pages')) as string;
	const kids = [...(/\/Kids \[([^\]]*)\]/.exec(tree)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((match) => Number(match[1]));
	expect(tree).toContain(`/Count ${kids.length}`);
	const pages = kids.map((kid) => {
		const page = objects.get(kid) as string;
		expect(page).toContain('/Type /Page');
		expect(page).toMatch(/\/MediaBox \[0 0 595 842\]/);
		const content = objects.get(ref(page, 'Contents')) as string;
		const [, length, rest] = /^<< \/Length (\d+) >>\nstream\n([\s\S]*)$/.exec(content) as RegExpExecArray;
		const stream = rest.slice(0, Number(length));
		expect(rest.slice(Number(length))).toBe('endstream');
		return [...stream.matchAll(/\((?:\\.|[^\\)])*\) Tj/g)].map((match) => decodePdfLiteral(match[0].slice(1, -4)));
	});
	return { pages, info: objects.get(Number(infoRef)) as string };
}

/** The monetary widget's text for an amount in euros (the company's currency, symbol after). */
const euros = (amount: number) => `${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u00a0€`;

async function order(id: number): Promise<Row> {
	const [row] = (await admin.callKw('sale.order', 'read', [[id], ['name', 'state', 'partner_id', 'amount_total', 'order_line']])) as Row[];
	const lines = (await admin.callKw('sale.order.line', 'read', [row.order_line, ['name']])) as Row[];
	return { ...row, lines: lines.map((line) => line.name) };
}

describe('ir.actions.report', () => {
	test('the seed has the quotation / order report and the partners’ Due Payments, as Odoo declares them', async () => {
		const reports = (await admin.callKw('ir.actions.report', 'search_read', [[]], {
			fields: ['name', 'model', 'report_name', 'report_type', 'print_report_name', 'binding_model_id', 'binding_type', 'xml_id', 'attachment', 'attachment_use', 'type'],
		})) as Row[];
		expect(reports).toEqual([
			expect.objectContaining({ name: 'Due Payments', model: 'res.partner', report_name: 'account.report_overdue', report_type: 'qweb-pdf', xml_id: 'account.action_report_print_overdue' }),
			{
				id: expect.any(Number),
				name: 'Quotation / Order',
				model: 'sale.order',
				report_name: 'sale.report_saleorder',
				report_type: 'qweb-pdf',
				print_report_name: "(object.state in ('draft', 'sent') and 'Quotation - %s' % (object.name)) or 'Order - %s' % (object.name)",
				binding_model_id: [expect.any(Number), 'Quotation'],
				binding_type: 'report',
				xml_id: 'sale.action_report_saleorder',
				attachment: false,
				attachment_use: false,
				type: 'ir.actions.report',
			},
		]);
	});
});

describe('GET /report/pdf/<report_name>/<docids>', () => {
	test('a valid PDF with one page per record, each showing the order, its customer, lines and total', async () => {
		const [quotation] = (await admin.callKw('sale.order', 'search', [[['state', '=', 'draft']]], { limit: 1 })) as number[];
		const [confirmed] = (await admin.callKw('sale.order', 'search', [[['state', '=', 'sale']]], { limit: 1 })) as number[];
		const response = await get(`/report/pdf/sale.report_saleorder/${quotation},${confirmed}`, admin);
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe('application/pdf');
		expect(Number(response.headers['content-length'])).toBe(response.bytes.length);
		const pdf = parsePdf(response.bytes);
		expect(pdf.pages).toHaveLength(2);
		for (const [page, id, heading] of [[pdf.pages[0], quotation, 'Quotation # '], [pdf.pages[1], confirmed, 'Order # ']] as const) {
			const data = await order(id);
			expect(page).toContain(`${heading}${String(data.name)}`);
			expect(page).toContain((data.partner_id as [number, string])[1]);
			for (const line of data.lines as string[]) expect(page).toContain(line);
			expect(page.slice(page.indexOf('Total'))).toContain(euros(data.amount_total as number));
		}
		expect(pdf.info).toContain('/Title (');
	});

	test('the partner report prints the Due Payments of a customer', async () => {
		const pdf = parsePdf((await get('/report/pdf/account.report_overdue/12', admin)).bytes);
		expect(pdf.pages).toHaveLength(1);
		expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Agrolait', 'Due Payments', 'Dear Sir/Madam,', 'Total Due']));
		const [partner] = (await admin.callKw('res.partner', 'read', [[12], ['credit']])) as Row[];
		expect(pdf.pages[0].slice(pdf.pages[0].lastIndexOf('Total Due'))).toContain(euros(partner.credit as number));
	});

	test('without a session: a redirect to the login page, as an auth="user" http route answers', async () => {
		const response = await get('/report/pdf/sale.report_saleorder/1');
		expect(response.status).toBe(302);
		const location = String(response.headers.location);
		expect(location).toBe(`${sandbox().url}/web/login?redirect=${encodeURIComponent(`${sandbox().url}/report/pdf/sale.report_saleorder/1`)}`);
		expect(response.bytes.toString()).toContain('<title>Redirecting...</title>');
		expect(response.headers['set-cookie']).toMatch(/^session_id=[0-9a-f]{40};/);
	});

	test('an unknown report, a record that does not exist, a docid that is no number: Odoo’s 500 page', async () => {
		const unknown = await get('/report/pdf/sale.no_such_report/1', admin);
		expect([unknown.status, unknown.headers['content-type']]).toEqual([500, 'text/html;charset=utf-8']);
		expect(unknown.bytes.toString()).toContain('KeyError: False');
		const missing = await get('/report/pdf/sale.report_saleorder/1,999999', admin);
		expect(missing.status).toBe(500);
		expect(missing.bytes.toString()).toContain("MissingError: ('Record does not exist or has been deleted.', None)");
		const nonsense = await get('/report/pdf/sale.report_saleorder/abc', admin);
		expect(nonsense.status).toBe(500);
		expect(nonsense.bytes.toString()).toContain("ValueError: invalid literal for int() with base 10: 'abc'");
	});

	test('records the user may not read: the 403 page', async () => {
		// A report whose model the demo user may not read, found first by name for that template.
		await admin.callKw('ir.actions.report', 'create', [{ name: 'A parameters report', model: 'ir.config_parameter', report_name: 'account.report_overdue' }]);
		const demo = await loggedIn(sandbox(), 'demo');
		const response = await get('/report/pdf/account.report_overdue/1', demo);
		expect([response.status, response.headers['content-type']]).toEqual([403, 'text/html;charset=utf-8']);
		expect(response.bytes.toString()).toContain('<h1 class="mt32">403: Forbidden</h1>');
	});

	test('the demo user prints too (it may read orders); the stats count the route and the render', async () => {
		const demo = await loggedIn(sandbox(), 'demo');
		expect((await get('/report/pdf/sale.report_saleorder/1', demo)).status).toBe(200);
		expect(sandbox().stats.requests['/report/pdf']).toBe(1);
		expect(sandbox().stats.calls['ir.actions.report.render_qweb_pdf']).toBe(1);
	});
});

describe('GET /report/html/<report_name>/<docids>', () => {
	test('the same document as HTML', async () => {
		const response = await get('/report/html/sale.report_saleorder/1', admin);
		expect([response.status, response.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
		const data = await order(1);
		const html = response.bytes.toString('utf8');
		expect(html).toContain(`<title>${String(data.name)}</title>`);
		expect(html).toMatch(new RegExp(`<h2>(Quotation|Order) # ${String(data.name)}</h2>`));
		expect(html).toContain(euros(data.amount_total as number));
	});
});

describe('render_qweb_pdf through the RPCs', () => {
	const reportId = async () => ((await admin.callKw('ir.actions.report', 'search', [[['report_name', '=', 'sale.report_saleorder']]])) as number[])[0];

	test('XML-RPC returns (bytes, "pdf"): the bytes as <base64>, the very PDF the route serves', async () => {
		const id = await reportId();
		const outcome = await xmlCall(sandbox().url, '/xmlrpc/2/object', 'execute_kw', [sandbox().db, 2, 'admin', 'ir.actions.report', 'render_qweb_pdf', [[id], [1, 2]]]);
		const [bytes, kind] = outcome.ok as [Buffer, string];
		expect(kind).toBe('pdf');
		expect(outcome.raw.text).toMatch(/<value><array><data>\n<value><base64>\n[A-Za-z0-9+/=\n]+<\/base64><\/value>\n<value><string>pdf<\/string><\/value>/);
		// Python's encodebytes: lines of 76 characters.
		expect(/<base64>\n(.*)\n/.exec(outcome.raw.text)?.[1]).toHaveLength(76);
		expect(Buffer.isBuffer(bytes)).toBe(true);
		expect(bytes.equals((await get('/report/pdf/sale.report_saleorder/1,2', admin)).bytes)).toBe(true);
		expect(parsePdf(bytes).pages).toHaveLength(2);
	});

	test('JSON-RPC returns the bytes as text (json.dumps with default=ustr decodes them as Latin-1), not base64', async () => {
		const id = await reportId();
		const [text, kind] = (await admin.callKw('ir.actions.report', 'render_qweb_pdf', [[id], [1]])) as [string, string];
		expect(kind).toBe('pdf');
		expect(text.startsWith('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n')).toBe(true);
		expect(Buffer.from(text, 'latin1').equals((await get('/report/pdf/sale.report_saleorder/1', admin)).bytes)).toBe(true);
	});

	test('errors as Odoo 11 raises them: no report record, a missing document, render_qweb_html called remotely', async () => {
		const id = await reportId();
		const none = await admin.failure('ir.actions.report', 'render_qweb_pdf', [[], [1]]);
		expect([none.data.name, none.data.message]).toEqual(['builtins.KeyError', 'False']);
		const missing = await admin.failure('ir.actions.report', 'render_qweb_pdf', [[id], [999999]]);
		expect(missing.data.name).toBe('odoo.addons.base.ir.ir_qweb.qweb.QWebException');
		expect(missing.data.debug).toContain("MissingError: ('Record does not exist or has been deleted.', None)\nTemplate: sale.report_saleorder");
		const html = await admin.failure('ir.actions.report', 'render_qweb_html', [[1]]);
		expect([html.data.name, html.data.message]).toEqual(['builtins.KeyError', 'False']);
	});
});
