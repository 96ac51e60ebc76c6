import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { cloudOffixClient, type OdooField } from '../transport';

function modelParameter(context: ILoadOptionsFunctions): string {
	return String(context.getNodeParameter('model', undefined, { extractValue: true }) ?? '').trim();
}

async function fieldsOfSelectedModel(context: ILoadOptionsFunctions): Promise<Array<[string, OdooField]>> {
	const model = modelParameter(context);
	if (model === '') return [];
	const fields = await cloudOffixClient(context).fields(model);
	return Object.entries(fields).sort(([a], [b]) => a.localeCompare(b));
}

function fieldOption([name, field]: [string, OdooField]): INodePropertyOptions {
	const flags = [field.type, field.required ? 'required' : '', field.relation ?? ''].filter(Boolean).join(', ');
	return { name: `${field.string ?? name} (${name})`, value: name, description: flags };
}

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

export const loadOptions = {
	async getFieldNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await fieldsOfSelectedModel(this)).map(fieldOption);
	},

	/** Fields a create or write can set: stored (or inverse-able) and not read-only. */
	async getWritableFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await fieldsOfSelectedModel(this)).filter(([, field]) => !field.readonly).map(fieldOption);
	},
};
