import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { cloudOffixClient } from '../transport';
import { modelParameter } from './fields';

export const listSearch = {
	async searchModels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const domain = filter ? ['|', ['model', 'ilike', filter], ['name', 'ilike', filter]] : [];
		const models = await cloudOffixClient(this).searchRead('ir.model', domain, ['model', 'name'], { order: 'model', limit: 200 });
		return { results: models.map((m) => ({ name: `${String(m.name)} (${String(m.model)})`, value: String(m.model) })) };
	},

	async searchRecords(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const model = modelParameter(this);
		if (model === '') return { results: [] };
		const pairs = await cloudOffixClient(this).nameSearch(model, { name: filter ?? '', limit: 100 });
		return { results: pairs.map(([id, name]) => ({ name: `${name} (#${id})`, value: String(id) })) };
	},

	/** The printed reports (PDF and HTML ones, which Odoo also prints to PDF), by name or technical name. */
	async searchReports(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const types = ['report_type', 'in', ['qweb-pdf', 'qweb-html']];
		const domain = filter ? ['|', ['name', 'ilike', filter], ['report_name', 'ilike', filter], types] : [types];
		const reports = await cloudOffixClient(this).searchRead('ir.actions.report', domain, ['name', 'model', 'report_name'], { order: 'name, id', limit: 200 });
		return { results: reports.map((r) => ({ name: `${String(r.name)} (${String(r.model)})`, value: String(r.report_name) })) };
	},
};
