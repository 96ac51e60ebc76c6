import type { OdooField } from '../transport/types';

/** Odoo reads a many2one as [id, "display name"], or false when it is empty. */
function isMany2onePair(value: unknown): value is [number, string] {
	return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string';
}

/** The flat form of a many2one value; undefined when it is neither a pair nor empty (left as it is). */
function flatMany2one(value: unknown): { id: number | null; name: string | null } | undefined {
	if (isMany2onePair(value)) return { id: value[0], name: value[1] };
	return value === false || value === null ? { id: null, name: null } : undefined;
}

/**
 * Shapes a record for n8n output. n8n users work with flat fields, so a many2one [7, "Agrolait"] becomes
 * `partner_id: 7` plus `partner_id_name: "Agrolait"` (flat rather than { id, name }: the id stays where
 * expressions and later nodes expect it, ready to be written back), and an empty many2one a null id with
 * a null name. Only the many2one fields of `fields` (the model's fields_get) are touched: a key the model
 * does not describe as a many2one (a read_group count, a method's own result) is left as it is, whatever
 * it looks like. A real field already called `<field>_name` is kept, never overwritten.
 */
export function simplifyRecord(record: Record<string, unknown>, fields: Record<string, Pick<OdooField, 'type'>>): Record<string, unknown> {
	const simplified: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(record)) {
		const flat = Object.hasOwn(fields, name) && fields[name].type === 'many2one' ? flatMany2one(value) : undefined;
		simplified[name] = flat ? flat.id : value;
		const nameField = `${name}_name`;
		if (flat && !Object.hasOwn(record, nameField)) simplified[nameField] = flat.name;
	}
	return simplified;
}
