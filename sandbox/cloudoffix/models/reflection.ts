import { pyRepr, PyTuple } from '../pyrepr';
import { isStored, Model, type Env, type FieldDef } from '../orm/database';
import { createRecord } from '../orm/write';

/** The ir.model.fields rows of fields the registry defines itself (state 'base'), e.g. a custom model's magic fields. */
export function reflectFields(env: Env, modelId: number, model: string, fields: Iterable<FieldDef>): void {
	const irFields = new Model(env, env.registry.get('ir.model.fields'));
	for (const field of fields) {
		createRecord(irFields, {
			name: field.name,
			model,
			model_id: modelId,
			field_description: field.string,
			help: field.help ?? false,
			ttype: field.type,
			relation: field.relation ?? false,
			relation_field: field.inverse ?? false,
			required: Boolean(field.required),
			readonly: Boolean(field.readonly || (field.compute && !field.inverseWrite)),
			index: field.name === 'id',
			store: isStored(field),
			translate: false,
			// Odoo stores a selection's options as the repr of its list of tuples.
			selection: field.selection ? pyRepr(field.selection.map((option) => new PyTuple(option))) : false,
			state: 'base',
			on_delete: field.type === 'many2one' ? (field.ondelete ?? 'set null') : false,
			domain: field.relation ? '[]' : false,
		});
	}
}
