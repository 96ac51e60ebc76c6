import { accessError, type OdooError } from '../errors';
import type { Frame } from '../traceback';
import type { Model } from './database';

/** Model access rights (Odoo's ir.model.access), with the messages Odoo 11 (as CloudOffix runs it) gives. */

export type Operation = 'read' | 'write' | 'create' | 'unlink';

const HEADS: Record<Operation, string> = {
	read: 'Sorry, you are not allowed to access this document.',
	write: 'Sorry, you are not allowed to modify this document.',
	create: 'Sorry, you are not allowed to create this kind of document.',
	unlink: 'Sorry, you are not allowed to delete this document.',
};

const CHECK_FRAMES: readonly Frame[] = [
	['odoo/models.py', 2897, 'check_access_rights', "return self.env['ir.model.access'].check(self._name, operation, raise_exception)"],
	['odoo/addons/base/ir/ir_model.py', 1218, 'check', 'raise AccessError(msg % msg_params)'],
];

export function hasAccess(model: Model, operation: Operation): boolean {
	const env = model.env;
	if (env.su || env.rights === 'admin') return true;
	const { group, readRestricted } = model.table.def.access;
	// No access rule at all (a custom model): Odoo grants nothing but to the superuser.
	if (readRestricted || group === undefined) return false;
	return operation === 'read' || env.rights === 'user';
}

export function checkAccess(model: Model, operation: Operation): void {
	if (hasAccess(model, operation)) return;
	throw accessRightsError(model.name, operation, model.env.uid, model.table.def.access.group);
}

/**
 * ir.model.access.check's AccessError: the groups that have the access, or, when none has (a model without access
 * rules), Odoo 11's "Please contact your system administrator" variant.
 */
export function accessRightsError(modelName: string, operation: Operation, uid: number, group: string | undefined): OdooError {
	const tail =
		group === undefined
			? 'Please contact your system administrator if you think this is an error.'
			: `Only users with the following access level are currently allowed to do that:\n- ${group}`;
	return accessError(`${HEADS[operation]} ${tail}\n\n(Document model: ${modelName}) - (Operation: ${operation}, User: ${uid})`, CHECK_FRAMES);
}
