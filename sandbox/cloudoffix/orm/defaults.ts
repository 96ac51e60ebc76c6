import type { Model } from './model';

/**
 * Default values for the fields a create does not set: `default_<field>` from the context first (how clients
 * preset a type or a parent), then the field's own default.
 */
export function defaultValues(model: Model, given: readonly string[]): Record<string, unknown> {
	const skip = new Set(given);
	const defaults: Record<string, unknown> = {};
	for (const field of model.table.fields.values()) {
		if (skip.has(field.name) || field.compute) continue;
		const fromContext = model.env.context[`default_${field.name}`];
		if (fromContext !== undefined) defaults[field.name] = fromContext;
		else if (field.default) defaults[field.name] = field.default(model.env);
	}
	return defaults;
}
