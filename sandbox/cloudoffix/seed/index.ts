import { addDays, formatDate, formatDatetime } from '../dates';
import { MODELS } from '../models';
import { Env, Model, Registry } from '../orm/database';
import { createRecord } from '../orm/write';
import {
	COMPANIES,
	COUNTRIES,
	CRM_STAGES,
	FIRST_NAMES,
	JOB_TITLES,
	LAST_NAMES,
	LEAD_SUBJECTS,
	LEAD_TAGS,
	NAME_PREFIXES,
	NAME_SUFFIXES,
	PARTNER_TAGS,
	PRODUCTS,
} from './catalog';
import { Random } from './random';
import { reflectModels } from './reflect';
import { seedExternalIds } from './xmlids';

/**
 * The demo database. Ids follow Odoo's layout where clients may rely on it (company 1 and its partner 1,
 * admin uid 2 with partner 3, demo uid 6); everything is deterministic so tests can name records. `scale`
 * multiplies the business data (partners, leads, orders) for benchmarks.
 */

export const ADMIN_UID = 2;
export const DEMO_UID = 6;

export interface SeedOptions {
	scale: number;
	baseUrl: string;
	now: Date;
}

export function seedDatabase(options: SeedOptions): Registry {
	const registry = new Registry(MODELS.map((entry) => entry.def));
	const seeder = new Seeder(registry, options.now);
	const ids = seedReference(seeder);
	const users = seedUsers(seeder);
	seedParameters(seeder, options.baseUrl);
	const partners = seedPartners(seeder, ids, options.scale);
	const products = seedProducts(seeder, options.scale);
	seedLeads(seeder, partners, options.scale);
	seedOrders(seeder, partners, products, options.scale);
	const modelIds = reflectModels(seeder.env(), MODELS);
	seedReports(seeder, modelIds);
	seedExternalIds(seeder.env(), { countries: ids.countries, tags: ids.tags, users, modelIds, modules: MODELS });
	return registry;
}

/**
 * The printed reports (ir.actions.report): sale's quotation / order and, as the partner report, account's "Due
 * Payments" (the sandbox has no account.invoice, so no invoice report), as their XML declarations define them.
 */
function seedReports(seeder: Seeder, modelIds: ReadonlyMap<string, number>): void {
	seeder.create(
		'ir.actions.report',
		{
			name: 'Quotation / Order',
			model: 'sale.order',
			report_type: 'qweb-pdf',
			report_name: 'sale.report_saleorder',
			report_file: 'sale.report_saleorder',
			print_report_name: "(object.state in ('draft', 'sent') and 'Quotation - %s' % (object.name)) or 'Order - %s' % (object.name)",
			binding_model_id: modelIds.get('sale.order'),
			binding_type: 'report',
		},
		400,
	);
	seeder.create(
		'ir.actions.report',
		{
			name: 'Due Payments',
			model: 'res.partner',
			report_type: 'qweb-pdf',
			report_name: 'account.report_overdue',
			report_file: 'account.report_overdue',
			binding_model_id: modelIds.get('res.partner'),
			binding_type: 'report',
		},
		400,
	);
}

/** Creates records as the administrator, at chosen points in the past. */
class Seeder {
	readonly random = new Random(11);

	constructor(
		readonly registry: Registry,
		readonly now: Date,
	) {}

	env(daysAgo = 0): Env {
		return new Env(this.registry, ADMIN_UID, formatDatetime(addDays(this.now, -daysAgo)), {}, true);
	}

	create(model: string, vals: Record<string, unknown>, daysAgo = 0): number {
		const env = this.env(daysAgo);
		return createRecord(new Model(env, this.registry.get(model)), vals);
	}

	/** A random moment in the last `days` days. */
	daysAgo(days: number): number {
		return this.random.next() * days;
	}
}

interface ReferenceIds {
	countries: Map<string, number>;
	tags: Map<string, number>;
}

function seedReference(seeder: Seeder): ReferenceIds {
	// Ids 1 (EUR) and 3 (USD) active, as in Odoo's demo database (session info lists active currencies).
	for (const [name, symbol, position, active] of [
		['EUR', '€', 'after', true],
		['GBP', '£', 'before', false],
		['USD', '$', 'before', true],
		['TRY', '₺', 'after', false],
	] as const) {
		seeder.create('res.currency', { name, symbol, position, active }, 400);
	}
	const countries = new Map<string, number>();
	for (const [name, code, phone] of COUNTRIES) countries.set(code, seeder.create('res.country', { name, code, phone_code: phone }, 400));
	// Partner 1 and company 1 come from Odoo's base data, inserted without create_date (and each pointing at
	// the other, so the partner's company is filled in once the company exists).
	const companyPartner = seeder.create('res.partner', {
		name: 'YourCompany',
		company_id: false,
		is_company: true,
		email: 'info@yourcompany.example.com',
		phone: '+1 555-555-5555',
		website: 'http://www.example.com',
		street: '250 Executive Park Blvd, Suite 3400',
		city: 'San Francisco',
		zip: '94134',
		country_id: countries.get('US'),
	});
	seeder.create('res.company', { name: 'YourCompany', partner_id: companyPartner, currency_id: 1, email: 'info@yourcompany.example.com', country_id: countries.get('US') });
	const partnerTable = seeder.registry.get('res.partner');
	Object.assign(partnerTable.records.get(companyPartner) ?? {}, { company_id: 1, create_uid: false, create_date: false, write_uid: false, write_date: false });
	const tags = new Map<string, number>();
	for (const [name, parent] of PARTNER_TAGS) tags.set(name, seeder.create('res.partner.category', { name, parent_id: parent ? tags.get(parent) : false }, 300));
	for (const [name, sequence, probability] of CRM_STAGES) seeder.create('crm.stage', { name, sequence, probability, fold: probability === 100 }, 300);
	for (const name of LEAD_TAGS) seeder.create('crm.lead.tag', { name }, 300);
	return { countries, tags };
}

/** uid 1 is the (inactive) system user, 2 the administrator, 6 the read-only demo user. */
function seedUsers(seeder: Seeder): Map<string, { user: number; partner: number }> {
	const ids = new Map<string, { user: number; partner: number }>();
	const users: [string, string, boolean, string | false][] = [
		['OdooBot', '__system__', false, false],
		['Administrator', 'admin', true, 'admin@yourcompany.example.com'],
		['Public user', 'public', false, false],
		['Joel Willis', 'portal', true, 'joel.willis@example.com'],
		['Mitchell Admin', 'mitchell', true, 'mitchell.admin@example.com'],
		['Marc Demo', 'demo', true, 'mark.brown23@example.com'],
	];
	for (const [name, login, active, email] of users) {
		const partner = seeder.create('res.partner', { name, email, active }, 350);
		ids.set(login, { partner, user: seeder.create('res.users', { name, login, partner_id: partner, active, tz: login === 'admin' ? 'Europe/Istanbul' : false }, 350) });
	}
	seeder.registry.passwords.set(ADMIN_UID, 'admin');
	seeder.registry.passwords.set(DEMO_UID, 'demo');
	seeder.registry.rights.set(1, 'admin');
	seeder.registry.rights.set(ADMIN_UID, 'admin');
	seeder.registry.rights.set(DEMO_UID, 'readonly');
	return ids;
}

function seedParameters(seeder: Seeder, baseUrl: string): void {
	const parameters: [string, string][] = [
		['web.base.url', baseUrl],
		['database.uuid', '5d3f6c1e-4b7a-11ef-9f2b-0242ac120002'],
		['database.create_date', formatDatetime(addDays(seeder.now, -400))],
		['base.default_tz', 'Europe/Istanbul'],
	];
	for (const [key, value] of parameters) seeder.create('ir.config_parameter', { key, value }, 400);
}

function personName(seeder: Seeder): string {
	return `${seeder.random.pick(FIRST_NAMES)} ${seeder.random.pick(LAST_NAMES)}`;
}

function emailOf(name: string, domain: string): string {
	const local = name
		.normalize('NFKD')
		.replace(/[^\w\s]/g, '')
		.toLowerCase()
		.replace(/\s+/g, '.');
	return `${local}@${domain}`;
}

/** Companies with their contacts (the first contact of Agrolait is Edward Foster, as in Odoo), then individuals. */
function seedPartners(seeder: Seeder, ids: ReferenceIds, scale: number): number[] {
	const { random } = seeder;
	const customers: number[] = [];
	const companyCount = Math.round(COMPANIES.length * scale);
	for (let index = 0; index < companyCount; index++) {
		const [baseName, country, city, tag] = COMPANIES[index % COMPANIES.length];
		const name = index < COMPANIES.length ? baseName : `${random.pick(NAME_PREFIXES)} ${random.pick(NAME_SUFFIXES)} ${index}`;
		const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`;
		const company = seeder.create(
			'res.partner',
			{
				name,
				is_company: true,
				email: `info@${domain}`,
				phone: `+${COUNTRIES.find(([, code]) => code === country)?.[2] ?? 1} ${random.int(200, 999)} ${random.int(100, 999)} ${random.int(1000, 9999)}`,
				website: `https://www.${domain}`,
				city,
				street: `${random.int(1, 250)} ${random.pick(['Main Street', 'Market Road', 'Harbour Avenue', 'Station Square', 'Park Lane'])}`,
				zip: String(random.int(10000, 99999)),
				country_id: ids.countries.get(country),
				category_id: [[6, 0, [ids.tags.get(tag)]]],
				vat: random.next() < 0.6 ? `${country}${random.int(100000000, 999999999)}` : false,
				supplier: tag === 'Vendor',
				ref: `C${String(index + 1).padStart(4, '0')}`,
				credit_limit: random.pick([0, 5000, 10000, 25000]),
				user_id: random.next() < 0.7 ? ADMIN_UID : 5,
			},
			seeder.daysAgo(365),
		);
		customers.push(company);
		const contacts = random.int(1, 3);
		for (let contact = 0; contact < contacts; contact++) {
			const person = index === 1 && contact === 0 ? 'Edward Foster' : personName(seeder);
			customers.push(
				seeder.create(
					'res.partner',
					{
						name: person,
						parent_id: company,
						function: random.pick(JOB_TITLES),
						email: emailOf(person, domain),
						mobile: `+1 555-${random.int(100, 999)}-${random.int(1000, 9999)}`,
						country_id: ids.countries.get(country),
						city,
						active: random.next() > 0.05,
					},
					seeder.daysAgo(300),
				),
			);
		}
	}
	for (let index = 0; index < Math.round(40 * scale); index++) {
		const person = personName(seeder);
		const country = random.pick(COUNTRIES)[1];
		customers.push(
			seeder.create(
				'res.partner',
				{
					name: person,
					email: emailOf(person, 'example.com'),
					phone: `+1 555-${random.int(100, 999)}-${random.int(1000, 9999)}`,
					country_id: ids.countries.get(country),
					date: formatDate(addDays(seeder.now, -random.int(0, 900))),
					comment: random.next() < 0.3 ? 'Met at the CloudOffix Summit.' : false,
					category_id: random.next() < 0.4 ? [[6, 0, [ids.tags.get('Prospects')]]] : [],
				},
				seeder.daysAgo(200),
			),
		);
	}
	return customers;
}

function seedProducts(seeder: Seeder, scale: number): number[] {
	const products: number[] = [];
	const count = Math.max(PRODUCTS.length, Math.round(PRODUCTS.length * scale));
	for (let index = 0; index < count; index++) {
		const [code, name, price, cost, type] = PRODUCTS[index % PRODUCTS.length];
		const variant = index < PRODUCTS.length ? '' : ` (${Math.floor(index / PRODUCTS.length) + 1})`;
		products.push(
			seeder.create(
				'product.product',
				{
					default_code: variant ? `${code}-${Math.floor(index / PRODUCTS.length) + 1}` : code,
					name: `${name}${variant}`,
					list_price: price,
					standard_price: cost,
					type,
					purchase_ok: type !== 'service',
					qty_available: type === 'product' ? seeder.random.int(0, 120) : 0,
					weight: type === 'service' ? 0 : seeder.random.int(1, 400) / 10,
				},
				380,
			),
		);
	}
	return products;
}

function seedLeads(seeder: Seeder, partners: readonly number[], scale: number): void {
	const { random } = seeder;
	for (let index = 0; index < Math.round(30 * scale); index++) {
		const isLead = index < 8 || random.next() < 0.3;
		const stage = random.int(1, 4);
		seeder.create(
			'crm.lead',
			{
				name: LEAD_SUBJECTS[index % LEAD_SUBJECTS.length],
				type: isLead ? 'lead' : 'opportunity',
				partner_id: isLead ? false : random.pick(partners),
				contact_name: isLead ? personName(seeder) : false,
				email_from: isLead ? `lead${index}@example.com` : false,
				stage_id: isLead ? 1 : stage,
				planned_revenue: isLead ? 0 : random.int(5, 400) * 100,
				probability: CRM_STAGES[isLead ? 0 : stage - 1][2],
				tag_ids: [[6, 0, [random.int(1, LEAD_TAGS.length)]]],
				priority: random.pick(['0', '0', '1', '2', '3']),
				date_deadline: isLead ? false : formatDate(addDays(seeder.now, random.int(-30, 120))),
				user_id: random.next() < 0.6 ? ADMIN_UID : DEMO_UID,
				active: random.next() > 0.08,
			},
			seeder.daysAgo(180),
		);
	}
}

function seedOrders(seeder: Seeder, partners: readonly number[], products: readonly number[], scale: number): void {
	const { random } = seeder;
	const states = ['draft', 'draft', 'sent', 'sale', 'sale', 'sale', 'done', 'cancel'];
	for (let index = 0; index < Math.round(25 * scale); index++) {
		const daysAgo = seeder.daysAgo(365);
		const lines = Array.from({ length: random.int(1, 4) }, (_, line) => [
			0,
			0,
			{ product_id: random.pick(products), product_uom_qty: random.int(1, 12), discount: random.next() < 0.2 ? 10 : 0, sequence: 10 + line },
		]);
		const state = random.pick(states);
		const orderDate = formatDatetime(addDays(seeder.now, -daysAgo));
		seeder.create(
			'sale.order',
			{
				partner_id: random.pick(partners),
				date_order: orderDate,
				validity_date: formatDate(addDays(seeder.now, 30 - daysAgo)),
				state,
				confirmation_date: state === 'sale' || state === 'done' ? orderDate : false,
				order_line: lines,
				client_order_ref: random.next() < 0.3 ? `PO-${random.int(1000, 9999)}` : false,
			},
			daysAgo,
		);
	}
}
