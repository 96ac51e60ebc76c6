import { builtinError, keyError, missingError, OdooError } from '../errors';
import { checkAccess } from '../orm/access';
import { Model, type Env, type Rec } from '../orm/database';
import { pyTypeName } from '../pyrepr';
import type { Frame } from '../traceback';
import { layoutPages, renderHtml, type ReportDocument } from './layout';
import { buildPdf, type PdfPage } from './pdf';
import { TEMPLATES } from './templates';

/**
 * Rendering a report (an ir.actions.report record) for records, as Odoo 11's IrActionsReport.render_qweb_pdf and
 * render_qweb_html do: the report's model, the records, the QWeb template by report_name. What the template
 * raises while it renders reaches the caller wrapped in a QWebException ("Error to render compiling AST"), as Odoo's
 * QWeb wraps it; the HTTP routes look at the cause to choose the error page.
 */

export class QWebError extends OdooError {
	constructor(
		readonly cause: OdooError,
		template: string,
		node: string,
		message = 'Error to render compiling AST',
	) {
		const causeName = cause.pyName.split('.').pop() ?? cause.pyName;
		super({
			name: 'odoo.addons.base.ir.ir_qweb.qweb.QWebException',
			args: [message],
			str: `${message}\n${causeName}: ${cause.pyStr}\nTemplate: ${template}\nPath: /templates/t/t/t\nNode: ${node}`,
			frames: [...RENDER_FRAMES, ...cause.frames],
		});
	}
}

const RENDER_FRAMES: readonly Frame[] = [
	['odoo/addons/base/ir/ir_actions_report.py', 640, 'render_qweb_html', 'return self.render_template(self.report_name, data), \'html\''],
	['odoo/addons/base/ir/ir_actions_report.py', 458, 'render_template', 'return view_obj.render_template(template, values)'],
	['odoo/addons/base/ir/ir_qweb/qweb.py', 350, '_compiled_fn', 'raise QWebException("Error to render compiling AST", e, path, node and etree.tostring(node[0], encoding=\'unicode\'), name)'],
];

/** The ids of render_qweb_pdf(res_ids): a list of ids or one id (browse takes both). */
export function resIdsOf(value: unknown): number[] {
	if (value === null || value === undefined || value === false) return [];
	const ids = Array.isArray(value) ? value : [value];
	const bad = ids.find((id) => !Number.isInteger(id));
	if (bad !== undefined) throw builtinError('TypeError', `unhashable type: '${pyTypeName(bad)}'`);
	return ids as number[];
}

/**
 * The report record a call runs on: `self.model` of an empty recordset is False (so env[False] fails with KeyError),
 * of several records fails ensure_one, of a deleted one is a MissingError.
 */
export function reportRecord(env: Env, ids: readonly number[]): Rec {
	if (ids.length === 0) throw new OdooError({ name: 'builtins.KeyError', args: [false], str: 'False' });
	if (ids.length > 1) throw builtinError('ValueError', `Expected singleton: ir.actions.report(${ids.join(', ')})`);
	const rec = env.registry.get('ir.actions.report').records.get(ids[0]);
	if (!rec) throw missingError('Record does not exist or has been deleted.');
	return rec;
}

/** The documents of a report for records, or the error the template raises. */
function documents(env: Env, report: Rec, resIds: readonly number[]): ReportDocument[] {
	const table = env.registry.table(String(report.model));
	if (!table) throw keyError(String(report.model));
	const templateName = String(report.report_name);
	const template = TEMPLATES[templateName];
	if (!template) {
		// QWeb cannot load a template whose external id does not exist.
		throw new QWebError(builtinError('ValueError', `External ID not found in the system: ${templateName}`), templateName, '<t/>', 'load could not load template');
	}
	const target = new Model(env, table);
	return resIds.map((id) => {
		try {
			checkAccess(target, 'read');
			const rec = target.record(id);
			if (!rec) throw missingError('Record does not exist or has been deleted.');
			return template.render(env, rec);
		} catch (error) {
			// What the template raised reaches the caller inside a QWebException; a sandbox bug goes on as it is.
			throw error instanceof OdooError ? new QWebError(error, templateName, template.callNode) : error;
		}
	});
}

/** render_qweb_pdf: one document after the other, each on its own page(s). */
export function renderPdf(env: Env, report: Rec, resIds: readonly number[]): Buffer {
	const docs = documents(env, report, resIds);
	const pages: PdfPage[] = docs.flatMap(layoutPages);
	const title = docs.map((doc) => doc.title).join(', ') || String(report.name);
	return buildPdf(pages, { title, created: new Date(`${env.now.replace(' ', 'T')}Z`) });
}

/** render_qweb_html: the HTML page, as UTF-8 bytes. */
export function renderHtmlReport(env: Env, report: Rec, resIds: readonly number[]): Buffer {
	return Buffer.from(renderHtml(documents(env, report, resIds)), 'utf8');
}
