import { pyRepr, PyTuple } from '../pyrepr';
import { isStored, Model, type Env, type ModelDef } from '../orm/database';
import { createRecord } from '../orm/write';

/** Fills ir.model and ir.model.fields from the model declarations, as Odoo's registry setup does. */
export function reflectModels(env: Env, models: readonly { def: ModelDef; module: string }[]): void {
	const irModel = new Model(env, env.registry.get('ir.model'));
	const irFields = new Model(env, env.registry.get('ir.model.fields'));
	for (const { def, module } of models) {
		const modelId = createRecord(irModel, { name: def.description, model: def.name, state: 'base', transient: false, modules: module });
		for (const field of def.fields) {
			createRecord(irFields, {
				name: field.name,
				model: def.name,
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
}
