import { Model, type Env, type ModelDef, type Rec } from '../orm/database';
import { createRecord } from '../orm/write';
import { CRM_STAGES, LEAD_TAGS } from './catalog';

/**
 * The external ids of the demo data (ir.model.data), under the names Odoo 11's data and demo files give the records
 * the seed corresponds to; README.md lists them. Records without a counterpart in Odoo's data have none, as records
 * created by users have none.
 */

export interface SeededIds {
	countries: ReadonlyMap<string, number>;
	tags: ReadonlyMap<string, number>;
	users: ReadonlyMap<string, { user: number; partner: number }>;
	modelIds: ReadonlyMap<string, number>;
	modules: readonly { def: ModelDef; module: string }[];
}

/** Odoo's demo companies (base/res/res_partner_demo.xml) that the seed has by name. */
const DEMO_COMPANIES: readonly (readonly [string, string])[] = [
	['ASUSTeK', 'res_partner_1'],
	['Agrolait', 'res_partner_2'],
	['China Export', 'res_partner_3'],
	['Delta PC', 'res_partner_4'],
	['The Jackson Group', 'res_partner_10'],
	['Camptocamp', 'res_partner_12'],
	['Think Big Systems', 'res_partner_18'],
];

/** Odoo's demo contact tags by meaning: the seed's names differ a little ("Prospects" is demo's "Prospect"). */
const DEMO_TAGS: readonly (readonly [string, string])[] = [
	['Vendor', 'res_partner_category_1'],
	['Prospects', 'res_partner_category_2'],
	['Partner Gold', 'res_partner_category_4'],
	['Consulting Services', 'res_partner_category_8'],
	['Services', 'res_partner_category_11'],
];

/** The seed's users: login → [user xmlid, partner xmlid] (the sandbox's ids follow the layout with OdooBot as uid 1). */
const USERS: readonly (readonly [string, string, string])[] = [
	['__system__', 'user_root', 'partner_root'],
	['admin', 'user_admin', 'partner_admin'],
	['public', 'public_user', 'public_partner'],
	['portal', 'demo_user0', 'partner_demo_portal'],
	['demo', 'user_demo', 'partner_demo'],
];

/** The furniture demo of product/data/product_demo.xml, matched by product name. */
const DEMO_PRODUCTS: readonly (readonly [string, string])[] = [
	['Desk Combination', 'product_product_3'],
	['Customizable Desk', 'product_product_4'],
	['Corner Desk Right Sit', 'product_product_5'],
	['Storage Box', 'product_product_7'],
	['Pedal Bin', 'product_product_9'],
	['Office Chair Black', 'product_product_12'],
	['Drawer Black', 'product_product_16'],
	['Office Chair', 'product_delivery_01'],
	['Office Lamp', 'product_delivery_02'],
	['Three-Seat Sofa', 'consu_delivery_01'],
	['Large Meeting Table', 'consu_delivery_02'],
	['Four Person Desk', 'consu_delivery_03'],
	['Desk Organizer', 'desk_organizer'],
];

/** Odoo's ISO codes are the xmlids of the countries, lower case, but for the United Kingdom (base.uk). */
const COUNTRY_XMLIDS: Readonly<Record<string, string>> = { GB: 'uk' };

/** How many demo leads and orders get positional ids (crm.crm_case_1 ..., sale.sale_order_1 ...): the scale-1 set. */
const DEMO_LEADS = 30;
const DEMO_ORDERS = 25;

export function seedExternalIds(env: Env, seeded: SeededIds): void {
	const data = new Model(env, env.registry.get('ir.model.data'));
	const add = (module: string, name: string, model: string, resId: number | undefined, noupdate = false) => {
		if (typeof resId === 'number') createRecord(data, { module, name, model, res_id: resId, noupdate });
	};
	const all = (model: string): Rec[] => [...env.registry.get(model).records.values()].sort((a, b) => a.id - b.id);
	const byName = (model: string, name: string, where: (rec: Rec) => boolean = () => true) => all(model).find((rec) => rec.name === name && where(rec))?.id;

	// base_data.xml: the company and its partner.
	add('base', 'main_company', 'res.company', 1, true);
	add('base', 'main_partner', 'res.partner', env.registry.get('res.company').records.get(1)?.partner_id as number, true);
	for (const [login, user, partner] of USERS) {
		const ids = seeded.users.get(login);
		add('base', user, 'res.users', ids?.user, true);
		add('base', partner, 'res.partner', ids?.partner, true);
	}
	for (const rec of all('res.currency')) add('base', String(rec.name), 'res.currency', rec.id);
	for (const [code, id] of seeded.countries) add('base', COUNTRY_XMLIDS[code] ?? code.toLowerCase(), 'res.country', id);
	for (const [name, xmlid] of DEMO_TAGS) add('base', xmlid, 'res.partner.category', seeded.tags.get(name));
	for (const [name, xmlid] of DEMO_COMPANIES) add('base', xmlid, 'res.partner', byName('res.partner', name, (rec) => Boolean(rec.is_company)));
	const agrolait = byName('res.partner', 'Agrolait', (rec) => Boolean(rec.is_company));
	add('base', 'res_partner_address_31', 'res.partner', byName('res.partner', 'Edward Foster', (rec) => rec.parent_id === agrolait));
	for (const [name, xmlid] of DEMO_PRODUCTS) add('product', xmlid, 'product.product', byName('product.product', name), true);
	// crm_stage_data.xml and the lead tags of crm's data, in the seed's order.
	CRM_STAGES.forEach(([name], index) => add('crm', `stage_lead${index + 1}`, 'crm.stage', byName('crm.stage', name)));
	LEAD_TAGS.forEach((name, index) => add('crm', `categ_oppor${index + 1}`, 'crm.lead.tag', byName('crm.lead.tag', name)));
	all('crm.lead')
		.slice(0, DEMO_LEADS)
		.forEach((rec, index) => add('crm', `crm_case_${index + 1}`, 'crm.lead', rec.id));
	all('sale.order')
		.slice(0, DEMO_ORDERS)
		.forEach((rec, index) => add('sale', `sale_order_${index + 1}`, 'sale.order', rec.id));
	const reports = all('ir.actions.report');
	add('sale', 'action_report_saleorder', 'ir.actions.report', reports.find((rec) => rec.report_name === 'sale.report_saleorder')?.id);
	add('account', 'action_report_print_overdue', 'ir.actions.report', reports.find((rec) => rec.report_name === 'account.report_overdue')?.id);
	// IrModel._reflect_model: model_<name> in the module that defines the model.
	for (const { def, module } of seeded.modules) add(module, `model_${def.name.replace(/\./g, '_')}`, 'ir.model', seeded.modelIds.get(def.name));
}
