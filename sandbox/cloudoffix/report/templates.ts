import { parseServerDate, zonedParts } from '../dates';
import { Model, type Env, type Rec } from '../orm/database';
import { commercialPartner, displayAddress, receivable } from '../models/res-partner-computed';
import type { Block, ReportDocument } from './layout';

/**
 * The QWeb templates of the seeded reports, as documents of text: what Odoo 11's sale.report_saleorder_document and
 * account.report_overdue_document print, from the sandbox's data (values formatted as Odoo's t-field widgets do for
 * en_US: 1,234.50 € with a no-break space, dates as 11/05/2026, datetimes in the user's time zone).
 */

export interface ReportTemplate {
	/** The node of the main template that t-calls the document (QWeb errors name it). */
	callNode: string;
	render(env: Env, rec: Rec): ReportDocument;
}

const NBSP = '\u00a0';

function grouped(value: number, digits: number): string {
	const [whole, fraction] = Math.abs(value).toFixed(digits).split('.');
	const sign = value < 0 && Number(value.toFixed(digits)) !== 0 ? '-' : '';
	return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** The monetary widget: the amount with the currency's symbol before or after it. */
function money(env: Env, value: unknown, currencyId: unknown): string {
	const amount = grouped(typeof value === 'number' ? value : 0, 2);
	const currency = typeof currencyId === 'number' ? env.registry.get('res.currency').records.get(currencyId) : undefined;
	if (!currency) return amount;
	return currency.position === 'before' ? `${String(currency.symbol)}${NBSP}${amount}` : `${amount}${NBSP}${String(currency.symbol)}`;
}

function userTz(env: Env): string {
	const tz = env.registry.get('res.users').records.get(env.uid)?.tz;
	return typeof tz === 'string' && tz !== '' ? tz : 'UTC';
}

const pad = (value: number) => String(value).padStart(2, '0');

/** en_US's date format, %m/%d/%Y. */
function shortDate(text: unknown): string {
	if (typeof text !== 'string') return '';
	const [year, month, day] = text.slice(0, 10).split('-');
	return `${month}/${day}/${year}`;
}

/** en_US's datetime format in the user's time zone, %m/%d/%Y %H:%M:%S. */
function shortDatetime(env: Env, text: unknown): string {
	if (typeof text !== 'string') return '';
	const parts = zonedParts(parseServerDate(text), userTz(env));
	return `${pad(parts.month)}/${pad(parts.day)}/${parts.year} ${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`;
}

function today(env: Env): string {
	const parts = zonedParts(parseServerDate(env.now), userTz(env));
	return `${pad(parts.month)}/${pad(parts.day)}/${parts.year}`;
}

function model(env: Env, name: string): Model {
	return new Model(env, env.registry.get(name));
}

function record(env: Env, name: string, id: unknown): Rec | undefined {
	return typeof id === 'number' ? env.registry.get(name).records.get(id) : undefined;
}

/** web.external_layout_standard: the company's name and address above, its contact details below. */
function companyLayout(env: Env, companyId: unknown): { header: string[]; footer: string[] } {
	const company = record(env, 'res.company', companyId) ?? record(env, 'res.company', 1);
	const partner = record(env, 'res.partner', company?.partner_id);
	const country = record(env, 'res.country', partner?.country_id);
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	const header = [text(company?.name), text(partner?.street), [text(partner?.city), text(partner?.zip)].filter(Boolean).join(' '), text(country?.name)].filter(Boolean);
	const contact = [
		partner?.phone ? `Phone: ${text(partner.phone)}` : '',
		partner?.email ? `Email: ${text(partner.email)}` : '',
		partner?.website ? `Web: ${text(partner.website)}` : '',
	].filter(Boolean);
	return { header, footer: contact.length > 0 ? [contact.join(' | ')] : [] };
}

/**
 * The address block (the contact widget): the partner's display name, then its address without the company line
 * (name_get with show_address_only, which _display_address(without_company=True) writes).
 */
function addressBlock(env: Env, partner: Rec | undefined): Block {
	if (!partner) return { kind: 'space', height: 0 };
	const address = displayAddress(partner, env).split('\n');
	if (commercialPartner(partner, env).is_company) address.shift();
	const name = model(env, 'res.partner').displayName(partner);
	return { kind: 'text', lines: [name, ...address.filter((line) => line.trim() !== '')], align: 'right' };
}

const saleOrder: ReportTemplate = {
	callNode: '<t t-call="sale.report_saleorder_document" t-lang="doc.partner_id.lang"/>',
	render(env, order) {
		const orders = model(env, 'sale.order');
		const partner = record(env, 'res.partner', order.partner_id);
		const quotation = order.state === 'draft' || order.state === 'sent';
		const lineTable = env.registry.get('sale.order.line');
		const lines = [...lineTable.referrers('order_id', order.id)]
			.map((id) => lineTable.records.get(id) as Rec)
			.sort((a, b) => Number(a.sequence) - Number(b.sequence) || a.id - b.id);
		const discounted = lines.some((line) => Number(line.discount) > 0);
		const currency = order.currency_id;
		const fields: [string, string][] = [];
		if (order.client_order_ref) fields.push(['Your Reference:', String(order.client_order_ref)]);
		fields.push([quotation ? 'Quotation Date:' : 'Date Ordered:', shortDatetime(env, order.date_order)]);
		const salesperson = record(env, 'res.users', order.user_id);
		if (salesperson) fields.push(['Salesperson:', String(salesperson.name)]);
		if (quotation && order.validity_date) fields.push(['Expiration Date:', shortDate(order.validity_date)]);
		const columns: Extract<Block, { kind: 'table' }>['columns'] = [
			{ title: 'Description', width: 5, align: 'left' },
			{ title: 'Quantity', width: 2, align: 'right' },
			{ title: 'Unit Price', width: 2, align: 'right' },
			...(discounted ? [{ title: 'Disc.(%)', width: 1.4, align: 'right' as const }] : []),
			{ title: 'Taxes', width: 1.6, align: 'left' },
			{ title: 'Amount', width: 2.2, align: 'right' },
		];
		const rows = lines.map((line) => [
			String(line.name ?? '').split('\n')[0],
			`${grouped(Number(line.product_uom_qty) || 0, 3)} Unit(s)`,
			grouped(Number(line.price_unit) || 0, 2),
			...(discounted ? [grouped(Number(line.discount) || 0, 2)] : []),
			'Tax 15.00%',
			money(env, model(env, 'sale.order.line').value(line, 'price_subtotal'), currency),
		]);
		const blocks: Block[] = [
			addressBlock(env, partner),
			{ kind: 'space', height: 16 },
			{ kind: 'text', lines: [`${quotation ? 'Quotation # ' : 'Order # '}${String(order.name)}`], size: 16, bold: true },
			{ kind: 'space', height: 6 },
			{ kind: 'fields', items: fields },
			{ kind: 'table', columns, rows },
			{
				kind: 'totals',
				rows: [
					['Subtotal', money(env, orders.value(order, 'amount_untaxed'), currency)],
					['Tax 15.00%', money(env, orders.value(order, 'amount_tax'), currency)],
					['Total', money(env, orders.value(order, 'amount_total'), currency), true],
				],
			},
		];
		if (typeof order.note === 'string' && order.note !== '') blocks.push({ kind: 'space', height: 10 }, { kind: 'text', lines: order.note.split('\n') });
		return { title: String(order.name), ...companyLayout(env, order.company_id), blocks };
	},
};

/**
 * account.report_overdue_document: the partner's due payments. The sandbox has no invoices; the confirmed orders of
 * the commercial entity and its contacts stand in for them, as they do for the partner's `credit`.
 */
const overdue: ReportTemplate = {
	callNode: '<t t-call="account.report_overdue_document" t-lang="o.lang"/>',
	render(env, partner) {
		const company = commercialPartner(partner, env);
		const orders = model(env, 'sale.order');
		const partners = env.registry.get('res.partner').records;
		const due = [...orders.table.records.values()]
			.filter((order) => (order.state === 'sale' || order.state === 'done') && typeof order.partner_id === 'number')
			.filter((order) => commercialPartner(partners.get(order.partner_id as number) as Rec, env).id === company.id)
			.sort((a, b) => String(a.date_order).localeCompare(String(b.date_order)) || a.id - b.id);
		const currency = env.registry.get('res.company').records.get(1)?.currency_id;
		const blocks: Block[] = [
			addressBlock(env, partner),
			{ kind: 'space', height: 16 },
			{ kind: 'text', lines: ['Due Payments'], size: 16, bold: true },
			{ kind: 'text', lines: [`Date: ${today(env)}`, ...(partner.ref ? [`Customer ref: ${String(partner.ref)}`] : [])] },
			{ kind: 'space', height: 8 },
			{
				kind: 'text',
				lines: [
					'Dear Sir/Madam,',
					'Our records indicate that some payments on your account are still due. Please find details below.',
					'If the amount has already been paid, please disregard this notice. Otherwise, please forward us the total',
					'amount stated below. If you have any queries regarding your account, Please contact us.',
					'Thank you in advance for your cooperation.',
					'Best Regards,',
				],
			},
			{ kind: 'space', height: 8 },
			{
				kind: 'table',
				columns: [
					{ title: 'Reference number', width: 3, align: 'left' },
					{ title: 'Date', width: 2, align: 'left' },
					{ title: 'Due Date', width: 2, align: 'left' },
					{ title: 'Total Due', width: 2.5, align: 'right' },
				],
				rows: due.map((order) => [String(order.name), shortDate(order.date_order), shortDate(order.validity_date), money(env, orders.value(order, 'amount_total'), order.currency_id)]),
			},
			{ kind: 'totals', rows: [['Total Due', money(env, receivable(company, env), currency), true]] },
		];
		return { title: model(env, 'res.partner').displayName(partner), ...companyLayout(env, 1), blocks };
	},
};

/** The templates by report_name. */
export const TEMPLATES: Readonly<Record<string, ReportTemplate>> = {
	'sale.report_saleorder': saleOrder,
	'account.report_overdue': overdue,
};
