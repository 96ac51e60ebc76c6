import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { canIdentifyRecord, isWritable } from '../helpers/fieldKinds';
import { cloudOffixClient, type OdooField } from '../transport';
import { fieldLabel, fieldsOfSelectedModel, modelParameter } from './fields';

/**
 * The editor's input for each Odoo type. Where n8n's own conversion of a type would refuse what the node
 * accepts (a many2one [id, name] pair, "1,2,3" or command tuples for x2many, base64, "model,id"), the
 * field is text and the node converts it (helpers/values.ts): one conversion, one set of error messages.
 */
const EDITOR_TYPES: Record<string, FieldType> = {
	char: 'string',
	text: 'string',
	html: 'string',
	integer: 'number',
	float: 'number',
	monetary: 'number',
	boolean: 'boolean',
	date: 'dateTime',
	datetime: 'dateTime',
	selection: 'options',
};

/**
 * Fields that Odoo requires and fills in by itself when left out (a sequence number, today's date, the
 * user's company): `default_get` tells which, so only the truly required ones are marked in the editor.
 */
async function requiredWithoutDefault(context: ILoadOptionsFunctions, model: string, fields: Array<[string, OdooField]>): Promise<Set<string>> {
	const required = fields.filter(([, field]) => field.required).map(([name]) => name);
	if (required.length === 0) return new Set();
	const defaults = (await cloudOffixClient(context).execute({ model, method: 'default_get', args: [required] })) as Record<string, unknown>;
	return new Set(required.filter((name) => !Object.hasOwn(defaults, name)));
}

function mapperField(name: string, field: OdooField, required: boolean): ResourceMapperField {
	const type = EDITOR_TYPES[field.type] ?? 'string';
	return {
		id: name,
		displayName: fieldLabel(name, field),
		type,
		required,
		// Optional fields start out of the form; the user adds those to set (the mapper's "Add field").
		removed: !required,
		display: true,
		defaultMatch: false,
		canBeUsedToMatch: canIdentifyRecord(field),
		...(type === 'options' ? { options: (field.selection ?? []).map(([value, label]) => ({ name: label, value })) } : {}),
	};
}

export const resourceMapping = {
	/**
	 * The writable fields of the chosen model for the resource mapper of Create, Update and Create or
	 * Update; read-only fields are left out. Only Create marks fields required.
	 */
	async getMappingColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
		const model = modelParameter(this);
		const writable = (await fieldsOfSelectedModel(this)).filter(([, field]) => isWritable(field));
		if (writable.length === 0) {
			return { fields: [], emptyFieldsNotice: model === '' ? 'Choose a model first' : `This user may not write any field of ${model}` };
		}
		const required = this.getNodeParameter('operation', 'create') === 'create' ? await requiredWithoutDefault(this, model, writable) : new Set<string>();
		return { fields: writable.map(([name, field]) => mapperField(name, field, required.has(name))) };
	},
};
