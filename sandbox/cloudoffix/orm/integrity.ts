import { validationError, type OdooError } from '../errors';
import type { Table } from './table';

/**
 * A NOT NULL or foreign-key violation. PostgreSQL raises IntegrityError and Odoo 11's service layer
 * (odoo/service/model.py, check) turns it into this ValidationError, naming the table found last in quotes in
 * PostgreSQL's message: the record's own table for a missing required value, the referenced or referencing
 * table for a foreign key. Stock Odoo 11 says no more than this (which field is missing stays unsaid), so
 * neither does the sandbox.
 */
export function integrityViolation(table: Table): OdooError {
	return validationError(
		'The operation cannot be completed, probably due to the following:\n' +
			'- deletion: you may be trying to delete a record while other records still reference it\n' +
			'- creation/update: a mandatory field is not correctly set\n\n' +
			`[object with reference: ${table.def.description} - ${table.def.name}]`,
		[
			['odoo/service/model.py', 109, 'wrapper', 'raise ValidationError(msg)'],
		],
	);
}
