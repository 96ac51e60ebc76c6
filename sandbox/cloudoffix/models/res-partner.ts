import { validationError } from '../errors';
import { always, binary, boolean, char, date, defineModel, float, integer, many2many, many2one, monetary, one2many, selection, text } from '../orm/fields';
import { defaultAvatar } from './avatars';
import { mailThreadFields } from './mail';
import {
	commercialPartner,
	displayAddress,
	emailFormatted,
	opportunityCount,
	partners,
	receivable,
	saleOrderCount,
	totalInvoiced,
	tzOffset,
	userCurrency,
} from './res-partner-computed';

const ADDRESS_TYPES = [
	['contact', 'Contact'],
	['invoice', 'Invoice address'],
	['delivery', 'Shipping address'],
	['other', 'Other address'],
	['private', 'Private Address'],
] as const;

/**
 * odoo.tools.image_resize_images, which res.partner's create and write run: the sizes are made from the biggest image
 * given (an empty one empties all three). Odoo keeps the big image as it is when it is at most 1024x1024 and scales
 * the others with PIL; the sandbox decodes no pictures, so the three sizes hold the same image.
 */
export function resizeImages(vals: Record<string, unknown>): void {
	const source = vals.image || vals.image_medium || vals.image_small;
	if (source) Object.assign(vals, { image: source, image_medium: source, image_small: source });
	else if ('image' in vals || 'image_medium' in vals || 'image_small' in vals) Object.assign(vals, { image: false, image_medium: false, image_small: false });
}

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
			inverseWrite: true,
		}),
		many2one('company_id', 'res.company', 'Company', { default: always(1) }),
		integer('color', 'Color Index'),
		date('date', 'Date'),
		binary('image', 'Image', { attachment: true, help: 'This field holds the image used as avatar for this contact, limited to 1024x1024px' }),
		binary('image_medium', 'Medium-sized image', {
			attachment: true,
			help: 'Medium-sized image of this contact. It is automatically resized as a 128x128px image, with aspect ratio preserved. Use this field in form views or some kanban views.',
		}),
		binary('image_small', 'Small-sized image', {
			attachment: true,
			help: 'Small-sized image of this contact. It is automatically resized as a 64x64px image, with aspect ratio preserved. Use this field anywhere a small image is required.',
		}),
		many2one('commercial_partner_id', 'res.partner', 'Commercial Entity', { compute: (rec, env) => commercialPartner(rec, env).id, store: true }),
		one2many('user_ids', 'res.users', 'partner_id', 'Users'),
		one2many('sale_order_ids', 'sale.order', 'partner_id', 'Sales Order'),
		one2many('opportunity_ids', 'crm.lead', 'partner_id', 'Opportunities'),
		// Computed at every read, as in Odoo 11 with base, bus, mail, account, crm and sale installed.
		many2one('self', 'res.partner', 'Self', { compute: (rec) => rec.id }),
		char('tz_offset', 'Timezone offset', { compute: tzOffset }),
		char('contact_address', 'Complete Address', { compute: displayAddress, depends: ['street', 'street2', 'zip', 'city', 'country_id'] }),
		char('email_formatted', 'Formatted Email', {
			compute: emailFormatted,
			depends: ['name', 'email'],
			help: 'Format email address "Name <email@domain>"',
		}),
		integer('bank_account_count', 'Bank', { compute: always(0) }),
		char('im_status', 'IM Status', { compute: always('offline') }),
		...mailThreadFields(),
		many2one('currency_id', 'res.currency', 'Currency', { compute: userCurrency, help: 'Utility field to express amount currency' }),
		monetary('credit', 'Total Receivable', { compute: receivable, help: 'Total amount this customer owes you.' }),
		monetary('debit', 'Total Payable', { compute: always(0), help: 'Total amount you have to pay to this vendor.' }),
		monetary('total_invoiced', 'Total Invoiced', { compute: totalInvoiced }),
		integer('journal_item_count', 'Journal Items', { compute: always(0) }),
		integer('contracts_count', 'Contracts', { compute: always(0) }),
		boolean('has_unreconciled_entries', 'Has Unreconciled Entries', {
			compute: always(false),
			help: 'The partner has at least one unreconciled debit and credit since last time the invoices & payments matching was performed.',
		}),
		integer('opportunity_count', 'Opportunity', { compute: opportunityCount }),
		integer('meeting_count', '# Meetings', { compute: always(0) }),
		integer('sale_order_count', '# of Sales Order', { compute: saleOrderCount }),
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
			else resizeImages(vals);
		},
		prepareWrite(_env, _ids, vals) {
			applyCompanyType(vals);
			resizeImages(vals);
		},
		/** The SQL constraint res_partner_check_name, reported through registry._sql_error. */
		check(_env, rec) {
			if (rec.type === 'contact' && (rec.name === false || rec.name === null)) throw validationError('Contacts require a name.');
		},
		copyDefaults: (_env, rec) => ({ name: `${rec.name || ''} (copy)` }),
	},
});
