import type { OdooField } from '../transport/types';

/**
 * What the node does with a field, decided from its `fields_get` description in one place: what a read
 * returns by default, what may be written, what may identify a record.
 */

/** Binary fields (images, attachments) are base64 and can outweigh all the rest of a record. */
export function isBinary(field: OdooField): boolean {
	return field.type === 'binary';
}

/** Computed fields Odoo does not store are computed for every record read: the slow part of a wide read. */
export function isComputedOnRead(field: OdooField): boolean {
	return field.store === false;
}

/** Read when the user names no fields: every non-binary field, computed-on-read ones only when asked. */
export function isReadByDefault(field: OdooField, includeComputed: boolean): boolean {
	return !isBinary(field) && (includeComputed || !isComputedOnRead(field));
}

/** What fields_get marks read-only (magic fields, computed fields without an inverse) is not offered for writing. */
export function isWritable(field: OdooField): boolean {
	return field.readonly !== true;
}

const SCALAR_TYPES = new Set(['char', 'text', 'integer', 'float', 'monetary', 'boolean', 'date', 'datetime', 'selection', 'many2one', 'reference']);

/** A field Create or Update can search on to find "the same record": a stored single value. */
export function canIdentifyRecord(field: OdooField): boolean {
	return SCALAR_TYPES.has(field.type) && !isComputedOnRead(field);
}
