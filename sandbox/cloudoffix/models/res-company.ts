import { always, char, defineModel, integer, many2one, one2many } from '../orm/fields';
import { ensurePartner } from './linked-partner';

export const resCompany = defineModel({
	name: 'res.company',
	description: 'Companies',
	order: 'sequence, name',
	parentName: 'parent_id',
	access: { group: 'Administration/Settings' },
	fields: [
		char('name', 'Company Name', { required: true }),
		many2one('partner_id', 'res.partner', 'Partner', { required: true, ondelete: 'restrict' }),
		many2one('currency_id', 'res.currency', 'Currency', { required: true, default: always(1) }),
		integer('sequence', 'Sequence', { default: always(10) }),
		many2one('parent_id', 'res.company', 'Parent Company'),
		one2many('child_ids', 'res.company', 'parent_id', 'Child Companies'),
		char('email', 'Email'),
		char('phone', 'Phone'),
		char('website', 'Website'),
		char('vat', 'Tax ID'),
		char('company_registry', 'Company Registry'),
		char('street', 'Street'),
		char('zip', 'Zip'),
		char('city', 'City'),
		many2one('country_id', 'res.country', 'Country'),
	],
	hooks: {
		prepareCreate(env, vals) {
			ensurePartner(env, vals, true);
		},
	},
});
