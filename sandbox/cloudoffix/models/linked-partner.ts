import { Model, type Env } from '../orm/database';
import { createRecord } from '../orm/write';

/**
 * Users and companies are partners underneath (Odoo's _inherits): creating one without a partner_id creates
 * the partner from the same name and email first.
 */
export function ensurePartner(env: Env, vals: Record<string, unknown>, isCompany: boolean): void {
	if (vals.partner_id) return;
	const partners = new Model(env, env.registry.get('res.partner'));
	vals.partner_id = createRecord(partners, { name: vals.name ?? false, email: vals.email ?? false, is_company: isCompany });
}
