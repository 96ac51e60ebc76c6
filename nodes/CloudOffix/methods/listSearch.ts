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
};
