import { OdooError } from '../errors';
import { checkAccess } from '../orm/access';
import type { ModelMethod } from '../orm/database';
import { always, boolean, char, defineModel, many2one, selection, text } from '../orm/fields';
import { xmlidsOf, completeName } from '../orm/xmlids';
import { asTuple, PyBytes } from '../pyrepr';
import { renderHtmlReport, renderPdf, reportRecord, resIdsOf } from '../report/render';

/**
 * ir.actions.report, Odoo 11's printed reports (odoo/addons/base/ir/ir_actions_report.py, which inherits
 * ir.actions.actions). render_qweb_pdf returns the tuple (pdf bytes, 'pdf'); see report/ for the renderer.
 */

const renderPdfMethod: ModelMethod = {
	api: 'multi',
	params: [{ name: 'res_ids', default: null }, { name: 'data', default: null }],
	run: (target, ids, { res_ids }) => {
		// The report record is read as the user (self.model, self.report_name).
		checkAccess(target, 'read');
		return asTuple([new PyBytes(renderPdf(target.env, reportRecord(target.env, ids), resIdsOf(res_ids))), 'pdf']);
	},
};

export const irActionsReport = defineModel({
	name: 'ir.actions.report',
	description: 'ir.actions.report',
	order: 'name',
	access: { group: 'Administration/Settings' },
	fields: [
		char('name', 'Action Name', { required: true }),
		char('type', 'Action Type', { required: true, default: always('ir.actions.report') }),
		char('xml_id', 'External ID', {
			compute: (rec, env) => {
				const first = xmlidsOf(env.registry, 'ir.actions.report', rec.id)[0];
				return first ? completeName(first) : '';
			},
		}),
		text('help', 'Action Description', {
			help: 'Optional help text for the users with a description of the target view, such as its usage and purpose.',
		}),
		many2one('binding_model_id', 'ir.model', 'Binding Model', {
			ondelete: 'cascade',
			help: "Setting a value makes this action available in the sidebar for the given model.",
		}),
		selection('binding_type', 'Binding Type', [['action', 'Action'], ['action_form_only', 'Form-only'], ['report', 'Report']], {
			required: true,
			default: always('report'),
		}),
		char('model', 'Model', { required: true }),
		selection('report_type', 'Report Type', [['qweb-html', 'HTML'], ['qweb-pdf', 'PDF']], {
			required: true,
			default: always('qweb-pdf'),
			help: 'The type of the report that will be rendered, each one having its own rendering method.HTML means the report will be opened directly in your browserPDF means the report will be rendered using Wkhtmltopdf and downloaded by the user.',
		}),
		char('report_name', 'Template Name', {
			required: true,
			help: "For QWeb reports, name of the template used in the rendering. The method 'render_html' of the model 'report.template_name' will be called (if any) to give the html. For RML reports, this is the LocalService name.",
		}),
		char('report_file', 'Report File', { help: 'The path to the main report file (depending on Report Type) or empty if the content is in another field' }),
		boolean('multi', 'On Multiple Doc.', { help: 'If set to true, the action will not be displayed on the right toolbar of a form view.' }),
		char('print_report_name', 'Printed Report Name', {
			help: 'This is the filename of the report going to download. Keep empty to not change the report filename. You can use a python expression with the object and time variables.',
		}),
		boolean('attachment_use', 'Reload from Attachment', {
			help: 'If you check this, then the second time the user prints with same attachment name, it returns the previous report.',
		}),
		char('attachment', 'Save as Attachment Prefix', {
			help: 'This is the filename of the attachment used to store the printing result. Keep empty to not save the printed reports. You can use a python expression with the object and time variables.',
		}),
	],
	methods: {
		render_qweb_pdf: renderPdfMethod,
		/**
		 * @api.model in Odoo 11, meant for a report record: called remotely, self is an empty recordset, so self.model is
		 * False and env[False] raises KeyError: False.
		 */
		render_qweb_html: {
			api: 'model',
			params: [{ name: 'docids' }, { name: 'data', default: null }],
			run: () => {
				throw new OdooError({ name: 'builtins.KeyError', args: [false], str: 'False' });
			},
		},
		/** render(res_ids, data=None): render_<report_type>, e.g. render_qweb_pdf. */
		render: {
			api: 'multi',
			params: [{ name: 'res_ids' }, { name: 'data', default: null }],
			run: (target, ids, args) => {
				const report = reportRecord(target.env, ids);
				if (report.report_type === 'qweb-pdf') return renderPdfMethod.run(target, ids, { res_ids: args.res_ids });
				return asTuple([new PyBytes(renderHtmlReport(target.env, report, resIdsOf(args.res_ids))), 'html']);
			},
		},
	},
});
