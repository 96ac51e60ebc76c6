import { userError, validationError } from '../errors';
import { Model } from '../orm/database';
import { always, boolean, char, datetime, defineModel, many2many, many2one, selection, text } from '../orm/fields';
import { writeRecords } from '../orm/write';
import { ensurePartner } from './linked-partner';

/** Ids Odoo refuses to delete: the superuser and the administrator. */
const PROTECTED_USERS = new Set([1, 2]);

export const resUsers = defineModel({
	name: 'res.users',
	description: 'Users',
	order: 'name, login',
	access: { group: 'Administration/Access Rights' },
	fields: [
		char('name', 'Name', { required: true }),
		char('login', 'Login', { required: true, help: 'Used to log into the system' }),
		// Never readable: Odoo keeps only a hash; the sandbox keeps passwords outside the records.
		char('password', 'Password', { compute: () => '', inverseWrite: true }),
		many2one('partner_id', 'res.partner', 'Related Partner', { required: true, ondelete: 'restrict' }),
		many2one('company_id', 'res.company', 'Company', { required: true, default: always(1) }),
		many2many('company_ids', 'res.company', 'Companies', { default: always([[6, 0, [1]]]) }),
		boolean('active', 'Active', { default: always(true) }),
		char('email', 'Email', {
			compute: (rec, env) => (typeof rec.partner_id === 'number' ? (env.registry.get('res.partner').records.get(rec.partner_id)?.email ?? false) : false),
		}),
		selection('lang', 'Language', [['en_US', 'English'], ['tr_TR', 'Turkish / Türkçe']], { default: always('en_US') }),
		char('tz', 'Timezone'),
		boolean('share', 'Share User', { compute: () => false }),
		datetime('login_date', 'Latest connection', { readonly: true }),
		text('signature', 'Signature'),
	],
	hooks: {
		prepareCreate(env, vals) {
			ensurePartner(env, vals, false);
		},
		afterCreate(env, rec, vals) {
			if (typeof vals.password === 'string') env.registry.passwords.set(rec.id, vals.password);
		},
		prepareWrite(env, ids, vals) {
			if (typeof vals.password === 'string') for (const id of ids) env.registry.passwords.set(id, vals.password);
			if ('name' in vals) {
				// The name lives on the partner (_inherits); keep both in step.
				const users = env.registry.get('res.users').records;
				const partnerIds = ids.map((id) => users.get(id)?.partner_id).filter((id): id is number => typeof id === 'number');
				writeRecords(new Model(env, env.registry.get('res.partner')), partnerIds, { name: vals.name });
			}
		},
		/** The SQL constraint res_users_login_key. */
		check(env, rec) {
			for (const other of env.registry.get('res.users').records.values()) {
				if (other.id !== rec.id && other.login === rec.login) throw validationError('You can not have two users with the same login !');
			}
		},
		beforeUnlink(_env, ids) {
			if (ids.some((id) => PROTECTED_USERS.has(id))) {
				throw userError('You can not remove the admin user as it is used internally for resources created by Odoo (updates, module installation, ...)', [
					['odoo/addons/base/res/res_users.py', 394, 'unlink', "raise UserError(_('You can not remove the admin user as it is used internally for resources created by Odoo (updates, module installation, ...)'))"],
				]);
			}
		},
	},
});
