import { NodeApiError, type INode } from 'n8n-workflow';

import type { BinaryAnswer, CloudOffixClient } from './index';

/**
 * Files on Odoo 11's RPC: binary fields and ir.attachment's `datas` are base64 text both ways, so the node encodes
 * and decodes here, once. A file is held as few times as the wire allows: the Buffer n8n gives, its base64 text (a
 * third larger, needed in the request body) and the body itself while it is sent; on the way back the base64 text of
 * the answer is decoded straight into a Buffer (Buffer.from skips the line breaks Odoo may put in) and the text is
 * dropped, never copied into an item's json.
 */
export function toBase64(bytes: Buffer): string {
	return bytes.toString('base64');
}

/** The bytes of a binary field's or `datas`' value; False (no file) is an empty Buffer. */
export function fromBase64(value: unknown): Buffer {
	if (typeof value !== 'string') return Buffer.alloc(0);
	return Buffer.from(value, 'base64');
}

const PDF_MAGIC = Buffer.from('%PDF-');

/** A report's technical name (sale.report_saleorder): it goes into the route's path, so nothing else may. */
export const REPORT_NAME = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

export interface ReportRef {
	id: number;
	reportName: string;
	name: string;
}

function headerOf(answer: BinaryAnswer, name: string): string {
	const value = answer.headers[name];
	return String(Array.isArray(value) ? value[0] : (value ?? ''));
}

function isPdf(answer: BinaryAnswer): boolean {
	return /^application\/pdf\b/i.test(headerOf(answer, 'content-type')) && answer.body.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC);
}

/** The error message of Odoo's HTML error page (its <pre> in #error_message), if it shows one. */
function htmlErrorMessage(body: Buffer): string | undefined {
	const text = body.subarray(0, 200_000).toString('utf8');
	const match = /id="error_message"[\s\S]*?<pre>([\s\S]*?)<\/pre>/.exec(text);
	if (!match) return undefined;
	const message = match[1]
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&')
		.trim();
	return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}

/**
 * The PDF of `ids` printed with `report`: GET /report/pdf/<report_name>/<ids> with the session (the very bytes the
 * web client downloads); when that route cannot be reached (HTTP 404, or an answer that is not a PDF, e.g. a proxy's
 * page), the report's `render_qweb_pdf` over XML-RPC, the only protocol that carries its bytes intact (Odoo 11's
 * JSON-RPC turns them into Latin-1 text). Odoo's own error pages (403, 500) are reported with their message.
 */
export async function printReport(client: CloudOffixClient, node: INode, report: ReportRef, ids: number[], itemIndex: number): Promise<Buffer> {
	const what = `Printing the report "${report.name}" (${report.reportName})`;
	const answer = await client.getWithSession(`/report/pdf/${report.reportName}/${ids.join(',')}`);
	if (answer.statusCode === 200 && isPdf(answer)) return answer.body;
	if (answer.statusCode >= 300 && answer.statusCode < 400) {
		// Still the login page after the session was renewed: the user may log in but not open the web routes.
		throw new NodeApiError(node, { message: `HTTP ${answer.statusCode}` }, {
			message: `${what} failed: the server sent the login page instead of the PDF`,
			description: 'The session was renewed and the server still asks to log in: check the credential, and that this user may use the web client',
			httpCode: String(answer.statusCode),
			itemIndex,
		});
	}
	if (answer.statusCode === 403 || answer.statusCode >= 500) {
		const message = htmlErrorMessage(answer.body);
		throw new NodeApiError(node, { message: `HTTP ${answer.statusCode}` }, {
			message: `${what} failed: ${answer.statusCode === 403 ? 'this user may not read these records' : (message ?? `the server answered HTTP ${answer.statusCode}`)}`,
			description: message ? `CloudOffix said: ${message}` : `The server answered HTTP ${answer.statusCode} with its error page instead of the PDF`,
			httpCode: String(answer.statusCode),
			itemIndex,
		});
	}
	// 404 (the route is not there, e.g. behind a proxy), or a 200 that is no PDF: the model method instead.
	const result = await client.execute({ model: 'ir.actions.report', method: 'render_qweb_pdf', args: [[report.id], ids] }, itemIndex, 'xmlRpc');
	const bytes = Array.isArray(result) ? result[0] : undefined;
	if (!Buffer.isBuffer(bytes) || !bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
		throw new NodeApiError(node, { message: 'Not a PDF' }, {
			message: `${what} failed: neither /report/pdf (HTTP ${answer.statusCode}) nor render_qweb_pdf gave a PDF`,
			description: 'Check that the report is a PDF report (report type qweb-pdf)',
			itemIndex,
		});
	}
	return bytes;
}

/** A file name from Odoo's names: no path separators, control or reserved characters, not too long. */
export function safeFileName(name: string, extension: string): string {
	const cleaned = name
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\.+/, '')
		.slice(0, 150)
		.trim();
	return `${cleaned === '' ? 'file' : cleaned}.${extension}`;
}
