import { reflectFields } from '../models/reflection';
import { Model, type Env, type ModelDef } from '../orm/database';
import { createRecord } from '../orm/write';

/** Fills ir.model and ir.model.fields from the model declarations, as Odoo's registry setup does. */
export function reflectModels(env: Env, models: readonly { def: ModelDef; module: string }[]): Map<string, number> {
	// install_mode: no default x_name field for the models of the modules (IrModel._default_field_id).
	const installing = env.withContext({ install_mode: true });
	const irModel = new Model(installing, env.registry.get('ir.model'));
	const ids = new Map<string, number>();
	for (const { def, module } of models) {
		const modelId = createRecord(irModel, { name: def.description, model: def.name, state: 'base', transient: false, modules: module });
		ids.set(def.name, modelId);
		reflectFields(installing, modelId, def.name, def.fields);
	}
	return ids;
}
