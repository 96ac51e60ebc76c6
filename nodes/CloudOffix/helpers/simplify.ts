/** Odoo reads a many2one as [id, "display name"], or false when it is empty. */
function isMany2onePair(value: unknown): value is [number, string] {
	return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string';
}

/**
 * Whether a field is a many2one: fields_get's type when known; otherwise an [id, "name"] pair is taken as
 * one, since no other Odoo 11 field type reads as a number followed by text.
 */
function isMany2one(name: string, value: unknown, fieldTypes: Record<string, string> | undefined): boolean {
	const type = fieldTypes?.[name];
	return type === undefined ? isMany2onePair(value) : type === 'many2one';
}

/** The flat form of a many2one value; undefined when it is neither a pair nor empty (left as it is). */
function flatMany2one(value: unknown): { id: number | null; name: string | null } | undefined {
	if (isMany2onePair(value)) return { id: value[0], name: value[1] };
	return value === false || value === null ? { id: null, name: null } : undefined;
}

/**
 * Shapes a record for n8n output. n8n users work with flat fields, so a many2one [7, "Agrolait"] becomes
 * `partner_id: 7` plus `partner_id_name: "Agrolait"` (flat rather than { id, name }: the id stays where
 * expressions and later nodes expect it, ready to be written back). An empty many2one becomes null with a
 * null name; without `fieldTypes` an empty one cannot be told from an empty field of another type and
 * stays false. A real field already called `<field>_name` is kept, never overwritten. Everything else is
 * left as it is.
 */
export function simplifyRecord(record: Record<string, unknown>, fieldTypes?: Record<string, string>): Record<string, unknown> {
	const simplified: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(record)) {
		const flat = isMany2one(name, value, fieldTypes) ? flatMany2one(value) : undefined;
		simplified[name] = flat ? flat.id : value;
		const nameField = `${name}_name`;
		if (flat && !Object.hasOwn(record, nameField)) simplified[nameField] = flat.name;
	}
	return simplified;
}
