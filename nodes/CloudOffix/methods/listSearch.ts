import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { cloudOffixClient } from '../transport';
import { modelParameter } from './fields';

export const listSearch = {
	async searchModels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const domain = filter ? ['|', ['model', 'ilike', filter], ['name', 'ilike', filter]] : [];
		const models = (await cloudOffixClient(this).execute({
			model: 'ir.model',
			method: 'search_read',
			args: [domain, ['model', 'name']],
			kwargs: { order: 'model', limit: 200 },
		})) as Array<{ model: string; name: string }>;
		return { results: models.map((m) => ({ name: `${m.name} (${m.model})`, value: m.model })) };
	},

	async searchRecords(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const model = modelParameter(this);
		if (model === '') return { results: [] };
		const pairs = (await cloudOffixClient(this).execute({
			model,
			method: 'name_search',
			args: [],
			kwargs: { name: filter ?? '', limit: 100 },
		})) as Array<[number, string]>;
		return { results: pairs.map(([id, name]) => ({ name: `${name} (#${id})`, value: String(id) })) };
	},
};
