import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { cloudOffixClient, type OdooField } from '../transport';

/** The model the user picked, as the editor's dependent lists read it. */
export function modelParameter(context: ILoadOptionsFunctions): string {
	return String(context.getNodeParameter('model', undefined, { extractValue: true }) ?? '').trim();
}

/** The chosen model's fields, by technical name; none until a model is chosen. */
export async function fieldsOfSelectedModel(context: ILoadOptionsFunctions): Promise<Array<[string, OdooField]>> {
	const model = modelParameter(context);
	if (model === '') return [];
	const fields = await cloudOffixClient(context).fields(model);
	return Object.entries(fields).sort(([a], [b]) => a.localeCompare(b));
}

/** "Label (technical_name)": Odoo labels repeat across fields, the technical name is what expressions use. */
export function fieldLabel(name: string, field: OdooField): string {
	return `${field.string ?? name} (${name})`;
}
