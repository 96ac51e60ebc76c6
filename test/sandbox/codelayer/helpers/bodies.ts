import type { CatalogField, Endpoint } from '../../../../nodes/Codelayer/catalog';

/**
 * Request bodies built from the catalog: each field's documented sample, or, where Codelayer gives none, a value
 * of the field's type inside its bounds. Values travel as strings, as in Codelayer's own samples.
 */

const FORMAT_EXAMPLES: Record<NonNullable<CatalogField['format']>, string> = { datetime: '2021-01-03 07:06:08', date: '2020-11-03' };

export function validValue(field: CatalogField): unknown {
	if (field.type === 'array') return Array.from({ length: Math.max(1, field.min ?? 1) }, () => validBodyOf(field.fields ?? []));
	if (field.sample !== undefined) return field.sample;
	if (field.format) return FORMAT_EXAMPLES[field.format];
	switch (field.type) {
		case 'character':
			return 'C';
		case 'integer':
		case 'decimal':
			return String(field.min !== undefined && field.min > 1 ? field.min : Math.min(1, field.max ?? 1));
		default:
			return 'x'.repeat(Math.max(1, field.min ?? 1));
	}
}

export function validBodyOf(fields: readonly CatalogField[]): Record<string, unknown> {
	return Object.fromEntries(fields.map((field) => [field.name, validValue(field)]));
}

export function validBody(endpoint: Endpoint): Record<string, unknown> {
	return validBodyOf(endpoint.request);
}
