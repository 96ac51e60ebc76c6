import { hasAccess } from './access';
import { isStored, type FieldDef, type Model } from './database';

/**
 * fields_get(allfields, attributes): each field's description as Odoo 11's Field.get_description builds it
 * ("type" first, then the other attributes by name). A user who may neither write nor create sees every field
 * readonly, as Odoo does.
 */
export function fieldsGet(model: Model, allfields: unknown, attributes: unknown): Record<string, Record<string, unknown>> {
	const wanted = Array.isArray(allfields) && allfields.length > 0 ? new Set(allfields) : undefined;
	const keep = Array.isArray(attributes) && attributes.length > 0 ? new Set(attributes) : undefined;
	const modelReadonly = !hasAccess(model, 'write') && !hasAccess(model, 'create');
	const result: Record<string, Record<string, unknown>> = {};
	for (const field of model.table.fields.values()) {
		if (wanted && !wanted.has(field.name)) continue;
		const description = describeField(field, modelReadonly);
		result[field.name] = keep ? Object.fromEntries(Object.entries(description).filter(([key]) => keep.has(key))) : description;
	}
	return result;
}

function describeField(field: FieldDef, modelReadonly = false): Record<string, unknown> {
	const stored = isStored(field);
	const relational = field.relation !== undefined;
	const attributes: Record<string, unknown> = {
		change_default: false,
		company_dependent: false,
		depends: field.depends ?? [],
		manual: Boolean(field.manual),
		readonly: modelReadonly || Boolean(field.readonly || (field.compute && !field.inverseWrite)),
		required: Boolean(field.required),
		searchable: true,
		sortable: stored && field.type !== 'one2many' && field.type !== 'many2many',
		store: stored,
		string: field.string,
	};
	if (relational) Object.assign(attributes, { context: {}, domain: [], relation: field.relation });
	if (field.inverse) attributes.relation_field = field.inverse;
	if (field.related) attributes.related = field.related;
	if (field.help) attributes.help = field.help;
	if (field.selection) attributes.selection = field.selection.map(([value, label]) => [value, label]);
	if (field.currencyField) attributes.currency_field = field.currencyField;
	if (field.type === 'char' || field.type === 'text' || field.type === 'html') attributes.translate = false;
	// Odoo 11's Binary describes its `attachment` attribute (_description_attachment).
	if (field.type === 'binary') attributes.attachment = Boolean(field.attachment);
	const ordered: Record<string, unknown> = { type: field.type };
	for (const key of Object.keys(attributes).sort()) ordered[key] = attributes[key];
	return ordered;
}
