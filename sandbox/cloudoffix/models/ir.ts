import { boolean, char, defineModel, integer, many2one, one2many, selection, text } from '../orm/fields';
import type { FieldType } from '../orm/database';

/**
 * Technical models: ir.model and ir.model.fields describe the registry (the seed fills them from the model
 * declarations, so clients can list models and fields), ir.config_parameter holds settings only administrators read.
 */

const FIELD_TYPES: readonly FieldType[] = [
	'binary', 'boolean', 'char', 'date', 'datetime', 'float', 'html', 'integer', 'many2many', 'many2one', 'monetary', 'one2many', 'selection', 'text',
];

export const irModel = defineModel({
	name: 'ir.model',
	description: 'Models',
	order: 'model',
	frozen: true,
	access: { group: 'Administration/Settings' },
	fields: [
		char('name', 'Model Description', { required: true }),
		char('model', 'Model', { required: true }),
		text('info', 'Information'),
		one2many('field_id', 'ir.model.fields', 'model_id', 'Fields'),
		selection('state', 'Type', [['manual', 'Custom Object'], ['base', 'Base Object']]),
		boolean('transient', 'Transient Model'),
		char('modules', 'In Apps', { readonly: true }),
	],
});

export const irModelFields = defineModel({
	name: 'ir.model.fields',
	description: 'Fields',
	order: 'name',
	frozen: true,
	access: { group: 'Administration/Settings' },
	fields: [
		char('name', 'Field Name', { required: true }),
		char('model', 'Object Name', { required: true }),
		many2one('model_id', 'ir.model', 'Model', { required: true, ondelete: 'cascade' }),
		char('field_description', 'Field Label', { required: true }),
		text('help', 'Field Help'),
		selection(
			'ttype',
			'Field Type',
			FIELD_TYPES.map((type) => [type, type]),
			{ required: true },
		),
		char('relation', 'Object Relation'),
		char('relation_field', 'Relation Field'),
		boolean('required', 'Required'),
		boolean('readonly', 'Readonly'),
		boolean('index', 'Indexed'),
		boolean('store', 'Stored'),
		boolean('translate', 'Translatable'),
		char('selection', 'Selection Options'),
		integer('size', 'Size'),
		selection('state', 'Type', [['manual', 'Custom Field'], ['base', 'Base Field']]),
		selection('on_delete', 'On Delete', [['cascade', 'Cascade'], ['set null', 'Set NULL'], ['restrict', 'Restrict']]),
		char('domain', 'Domain'),
	],
	displayName: (rec) => `${rec.field_description} (${rec.model})`,
});

export const irConfigParameter = defineModel({
	name: 'ir.config_parameter',
	description: 'System Parameter',
	order: 'key',
	recName: 'key',
	access: { group: 'Administration/Settings', readRestricted: true },
	fields: [char('key', 'Key', { required: true }), text('value', 'Value', { required: true })],
});
