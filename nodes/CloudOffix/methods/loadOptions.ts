import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { OdooField } from '../transport';
import { fieldLabel, fieldsOfSelectedModel } from './fields';

/** A field as an option: its label and name, described by its type, whether it is required, and its comodel. */
function fieldOption([name, field]: [string, OdooField]): INodePropertyOptions {
	return {
		name: fieldLabel(name, field),
		value: name,
		description: [field.type, field.required ? 'required' : '', field.relation ?? ''].filter(Boolean).join(', '),
	};
}

/** What read_group can total: numbers Odoo stores. */
const NUMERIC_TYPES = new Set(['integer', 'float', 'monetary']);

export const loadOptions = {
	/** Every field of the chosen model. */
	async getFieldNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await fieldsOfSelectedModel(this)).map(fieldOption);
	},

	/** The binary fields (images, files) of the chosen model. */
	async getBinaryFieldNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await fieldsOfSelectedModel(this)).filter(([, field]) => field.type === 'binary').map(fieldOption);
	},

	/** The stored numeric fields of the chosen model, for Aggregate's totals. */
	async getNumericFieldNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await fieldsOfSelectedModel(this)).filter(([, field]) => NUMERIC_TYPES.has(field.type) && field.store !== false).map(fieldOption);
	},
};
