import { always, boolean, char, defineModel, float, integer, many2many, many2one, one2many, selection } from '../orm/fields';
import type { Env, Rec } from '../orm/database';

/** Reference data every contact points at: currencies, countries and contact tags. */

export const resCurrency = defineModel({
	name: 'res.currency',
	description: 'Currency',
	order: 'active desc, name',
	access: { group: 'Administration/Settings' },
	fields: [
		char('name', 'Currency', { required: true, help: 'Currency Code (ISO 4217)' }),
		char('symbol', 'Symbol', { required: true }),
		float('rate', 'Current Rate', { default: always(1) }),
		float('rounding', 'Rounding Factor', { default: always(0.01) }),
		integer('decimal_places', 'Decimal Places', { compute: () => 2 }),
		boolean('active', 'Active', { default: always(true) }),
		selection('position', 'Symbol Position', [['after', 'After Amount'], ['before', 'Before Amount']], { default: always('after') }),
		char('currency_unit_label', 'Currency Unit'),
	],
});

export const resCountry = defineModel({
	name: 'res.country',
	description: 'Country',
	order: 'name',
	access: { group: 'Administration/Settings' },
	fields: [
		char('name', 'Country Name', { required: true }),
		char('code', 'Country Code', { help: 'The ISO country code in two chars.' }),
		integer('phone_code', 'Country Calling Code'),
		many2one('currency_id', 'res.currency', 'Currency'),
	],
});

const categories = (rec: Rec, env: Env): Rec | undefined => env.registry.get('res.partner.category').records.get(rec.parent_id as number);

export const resPartnerCategory = defineModel({
	name: 'res.partner.category',
	description: 'Partner Tags',
	order: 'name',
	parentName: 'parent_id',
	access: { group: 'Extra Rights/Contact Creation' },
	fields: [
		char('name', 'Tag Name', { required: true }),
		integer('color', 'Color Index'),
		many2one('parent_id', 'res.partner.category', 'Parent Category', { ondelete: 'cascade' }),
		one2many('child_ids', 'res.partner.category', 'parent_id', 'Child Tags'),
		boolean('active', 'Active', { default: always(true) }),
		many2many('partner_ids', 'res.partner', 'Partners', {
			// The other side of res.partner.category_id (one relation table in Odoo).
			compute: (rec, env) => [...env.registry.get('res.partner').referrers('category_id', rec.id)],
		}),
	],
	/** Odoo shows a tag with its parents: "Services / Consulting". */
	displayName(rec, env) {
		const names = [String(rec.name)];
		for (let parent = categories(rec, env); parent && names.length < 10; parent = categories(parent, env)) names.unshift(String(parent.name));
		return names.join(' / ');
	},
});
