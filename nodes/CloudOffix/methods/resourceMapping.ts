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

/** What Odoo would fill in for each field a Create leaves out (a sequence, the user's company, true for active). */
async function defaultsOf(context: ILoadOptionsFunctions, model: string, names: string[]): Promise<Record<string, unknown>> {
	return await cloudOffixClient(context).defaultGet(model, names);
}

/**
 * The value a Create's field starts with once added: Odoo's default where the editor can show it. Dates
 * are left out (a default of "today" saved into the workflow would stay that day), and so are empty
 * values and lists; a many2one default (an id) is shown as the text the field takes.
 */
function editorDefault(field: OdooField, value: unknown): ResourceMapperField['defaultValue'] {
	if (field.type === 'date' || field.type === 'datetime') return undefined;
	if (typeof value === 'boolean') return field.type === 'boolean' ? value : undefined;
	if (typeof value === 'number') return EDITOR_TYPES[field.type] === 'number' ? value : String(value);
	return typeof value === 'string' ? value : undefined;
}

function mapperField(name: string, field: OdooField, required: boolean, defaultValue: ResourceMapperField['defaultValue']): ResourceMapperField {
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
		...(defaultValue === undefined ? {} : { defaultValue }),
	};
}

export const resourceMapping = {
	/**
	 * The writable fields of the chosen model for the resource mapper of Create, Update and Create or
	 * Update; read-only fields are left out. Only Create marks fields required and starts them at Odoo's
	 * defaults.
	 */
	async getMappingColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
		const model = modelParameter(this);
		const writable = (await fieldsOfSelectedModel(this)).filter(([, field]) => isWritable(field));
		if (writable.length === 0) {
			return { fields: [], emptyFieldsNotice: model === '' ? 'Choose a model first' : `This user may not write any field of ${model}` };
		}
		if (this.getNodeParameter('operation', 'create') !== 'create') {
			return { fields: writable.map(([name, field]) => mapperField(name, field, false, undefined)) };
		}
		// Required fields Odoo fills in by itself when left out are not marked required.
		const defaults = await defaultsOf(this, model, writable.map(([name]) => name));
		return {
			fields: writable.map(([name, field]) =>
				mapperField(name, field, field.required === true && !Object.hasOwn(defaults, name), editorDefault(field, defaults[name])),
			),
		};
	},
};
