import { validationError } from '../errors';
import type { Env } from '../orm/env';
import { always, binary, boolean, char, date, defineModel, float, integer, many2many, many2one, one2many, selection, text } from '../orm/fields';
import type { Rec } from '../orm/schema';
import { defaultAvatar } from '../seed/avatars';

const partners = (env: Env) => env.registry.get('res.partner').records;

/** The company a contact works for, found by walking up to the first company (Odoo's commercial partner). */
function commercialPartner(rec: Rec, env: Env): Rec {
	let current = rec;
	for (let depth = 0; depth < 10 && !current.is_company && typeof current.parent_id === 'number'; depth++) {
		current = partners(env).get(current.parent_id) ?? current;
	}
	return current;
}

const ADDRESS_TYPES = [
	['contact', 'Contact'],
	['invoice', 'Invoice address'],
	['delivery', 'Shipping address'],
	['other', 'Other address'],
	['private', 'Private Address'],
] as const;

/** The writable face of is_company (Odoo's company_type inverse). */
function applyCompanyType(vals: Record<string, unknown>): void {
	if ('company_type' in vals) vals.is_company = vals.company_type === 'company';
}

export const resPartner = defineModel({
	name: 'res.partner',
	description: 'Contact',
	order: 'display_name',
	// Stored in Odoo 11's res.partner, so it sorts (the model's default order) and groups.
	displayNameStored: true,
	parentName: 'parent_id',
	access: { group: 'Extra Rights/Contact Creation' },
	fields: [
		char('name', 'Name'),
		many2one('parent_id', 'res.partner', 'Related Company'),
		one2many('child_ids', 'res.partner', 'parent_id', 'Contacts'),
		char('ref', 'Internal Reference'),
		selection('lang', 'Language', [['en_US', 'English'], ['tr_TR', 'Turkish / Türkçe'], ['de_DE', 'German / Deutsch'], ['fr_FR', 'French / Français']], {
			default: always('en_US'),
		}),
		many2one('user_id', 'res.users', 'Salesperson'),
		char('vat', 'TIN', { help: 'Tax Identification Number.' }),
		char('website', 'Website'),
		text('comment', 'Notes'),
		many2many('category_id', 'res.partner.category', 'Tags'),
		float('credit_limit', 'Credit Limit'),
		char('barcode', 'Barcode'),
		boolean('active', 'Active', { default: always(true) }),
		boolean('customer', 'Is a Customer', { default: always(true) }),
		boolean('supplier', 'Is a Vendor', { default: always(false) }),
		boolean('employee', 'Employee'),
		char('function', 'Job Position'),
		selection('type', 'Address Type', ADDRESS_TYPES, { default: always('contact') }),
		char('street', 'Street'),
		char('street2', 'Street2'),
		char('zip', 'Zip'),
		char('city', 'City'),
		many2one('country_id', 'res.country', 'Country', { ondelete: 'restrict' }),
		char('email', 'Email'),
		char('phone', 'Phone'),
		char('mobile', 'Mobile'),
		boolean('is_company', 'Is a Company', { default: always(false) }),
		selection('company_type', 'Company Type', [['person', 'Individual'], ['company', 'Company']], {
			compute: (rec) => (rec.is_company ? 'company' : 'person'),
		}),
		many2one('company_id', 'res.company', 'Company', { default: always(1) }),
		integer('color', 'Color Index'),
		date('date', 'Date'),
		binary('image', 'Image', { help: 'This field holds the image used as avatar for this contact, limited to 1024x1024px' }),
		binary('image_medium', 'Medium-sized image'),
		binary('image_small', 'Small-sized image'),
		many2one('commercial_partner_id', 'res.partner', 'Commercial Entity', { compute: (rec, env) => commercialPartner(rec, env).id, store: true }),
		one2many('user_ids', 'res.users', 'partner_id', 'Users'),
		one2many('sale_order_ids', 'sale.order', 'partner_id', 'Sales Order'),
		one2many('opportunity_ids', 'crm.lead', 'partner_id', 'Opportunities'),
	],
	displayName(rec, env) {
		let name = typeof rec.name === 'string' ? rec.name : '';
		const parent = typeof rec.parent_id === 'number' ? partners(env).get(rec.parent_id) : undefined;
		if (parent && !rec.is_company) {
			if (!name && rec.type !== 'contact') name = ADDRESS_TYPES.find(([key]) => key === rec.type)?.[1] ?? '';
			const company = commercialPartner(rec, env);
			name = `${(company.is_company ? company.name : parent.name) || ''}, ${name}`;
		}
		return name;
	},
	/** Odoo 11's partner name_search looks at the email, the display name, the reference and the VAT number. */
	nameSearchDomain(name, operator) {
		if (!['=', 'ilike', '=ilike', 'like', '=like'].includes(operator)) return [['display_name', operator, name]];
		return ['|', '|', '|', ['email', operator, name], ['display_name', operator, name], ['ref', operator, name], ['vat', operator, name]];
	},
	hooks: {
		prepareCreate(_env, vals) {
			applyCompanyType(vals);
			// Odoo 11 gives every new partner a default picture when none is sent.
			if (!vals.image) Object.assign(vals, defaultAvatar(String(vals.name ?? ''), Boolean(vals.is_company)));
			else vals.image_medium ??= vals.image;
			vals.image_small ??= vals.image_medium;
		},
		prepareWrite(_env, _ids, vals) {
			applyCompanyType(vals);
		},
		/** The SQL constraint res_partner_check_name, reported through registry._sql_error. */
		check(_env, rec) {
			if (rec.type === 'contact' && (rec.name === false || rec.name === null)) throw validationError('Contacts require a name.');
		},
		copyDefaults: (_env, rec) => ({ name: `${rec.name || ''} (copy)` }),
	},
});
