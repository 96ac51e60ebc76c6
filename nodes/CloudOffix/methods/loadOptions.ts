import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fieldLabel, fieldsOfSelectedModel } from './fields';

export const loadOptions = {
	/** Every field of the chosen model, with its type, whether it is required, and its comodel. */
	async getFieldNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await fieldsOfSelectedModel(this)).map(([name, field]) => ({
			name: fieldLabel(name, field),
			value: name,
			description: [field.type, field.required ? 'required' : '', field.relation ?? ''].filter(Boolean).join(', '),
		}));
	},
};
