import { parseServerDate, zonedParts } from '../dates';
import { Model, type Env, type Rec } from '../orm/database';

/**
 * The values of res.partner's non-stored computed fields, as Odoo 11's modules compute them, from what the sandbox
 * has: partners, users, companies, leads and sale orders (no invoices, meetings or messages).
 */

/** account's _invoice_total: the partner's and all its contacts' invoices. */
export function totalInvoiced(rec: Rec, env: Env): number {
	return confirmedOrderSum(withDescendants(rec, env).map((partner) => partner.id), env, 'amount_untaxed');
}

/** account's _credit_debit_get: receivables are booked on the commercial entity, so its contacts owe nothing. */
export function receivable(rec: Rec, env: Env): number {
	if (commercialPartner(rec, env).id !== rec.id) return 0;
	const booked = withDescendants(rec, env).filter((partner) => commercialPartner(partner, env).id === rec.id);
	return confirmedOrderSum(booked.map((partner) => partner.id), env, 'amount_total');
}

/** sale's _compute_sale_order_count: the partner's orders and those of its direct contacts. */
export function saleOrderCount(rec: Rec, env: Env): number {
	const contacts = [...env.registry.get('res.partner').referrers('parent_id', rec.id)].filter((id) => partners(env).get(id)?.active);
	return ordersOf([rec.id, ...contacts], env).length;
}

/** crm's _compute_opportunity_count: active opportunities of the partner, and of all its contacts for a company. */
export function opportunityCount(rec: Rec, env: Env): number {
	const leads = env.registry.get('crm.lead');
	const owners = rec.is_company ? withDescendants(rec, env).filter((partner) => partner.active) : [rec];
	return owners.flatMap((partner) => [...leads.referrers('partner_id', partner.id)]).filter((id) => {
		const lead = leads.records.get(id) as Rec;
		return lead.type === 'opportunity' && lead.active;
	}).length;
}

/** Odoo's _display_address with the default format "%(street)s\n%(street2)s\n%(city)s %(state_code)s %(zip)s\n%(country_name)s". */
export function displayAddress(rec: Rec, env: Env): string {
	const text = (value: unknown): string => (typeof value === 'string' ? value : '');
	const country = typeof rec.country_id === 'number' ? env.registry.get('res.country').records.get(rec.country_id) : undefined;
	// The sandbox has no states: state_code is always '', hence two spaces between city and zip, as Odoo writes them.
	const address = `${text(rec.street)}\n${text(rec.street2)}\n${text(rec.city)}  ${text(rec.zip)}\n${text(country?.name)}`;
	const company = commercialPartner(rec, env);
	return company.is_company ? `${text(company.name)}\n${address}` : address;
}

/** base's _compute_tz_offset: '+0300' for the time zone of the partner's user, '+0000' (GMT) without one. */
export function tzOffset(rec: Rec, env: Env): string {
	const users = env.registry.get('res.users');
	const tz = [...users.referrers('partner_id', rec.id)].map((id) => users.records.get(id)?.tz).find((zone) => typeof zone === 'string' && zone !== '');
	if (typeof tz !== 'string') return '+0000';
	const moment = parseServerDate(env.now);
	const wall = zonedParts(moment, tz);
	const minutes = Math.round((Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - moment.getTime()) / 60_000);
	const sign = minutes < 0 ? '-' : '+';
	return `${sign}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
}

/**
 * base's _compute_email_formatted: Python's email.utils.formataddr of the name and email ("False" for a missing
 * part); a name with specials is quoted, a non-ASCII one written as an RFC 2047 encoded word.
 */
export function emailFormatted(rec: Rec): string {
	const address = typeof rec.email === 'string' && rec.email !== '' ? rec.email : 'False';
	const display = typeof rec.name === 'string' && rec.name !== '' ? rec.name : 'False';
	// Any character beyond ASCII makes formataddr encode the name.
	if ([...display].some((character) => (character.codePointAt(0) ?? 0) > 0x7f)) return `=?utf-8?b?${Buffer.from(display, 'utf8').toString('base64')}?= <${address}>`;
	if (/[()<>@,:;."[\]\\]/.test(display)) return `"${display.replace(/[\\"]/g, '\\$&')}" <${address}>`;
	return `${display} <${address}>`;
}

/** account's _get_company_currency: the currency of the current user's company. */
export function userCurrency(_rec: Rec, env: Env): number | false {
	const company = env.registry.get('res.users').records.get(env.uid)?.company_id;
	const currency = typeof company === 'number' ? env.registry.get('res.company').records.get(company)?.currency_id : undefined;
	return typeof currency === 'number' ? currency : false;
}

/** The partners' records, by id. */
export const partners = (env: Env) => env.registry.get('res.partner').records;

/** The company a contact works for, found by walking up to the first company (Odoo's commercial partner). */
export function commercialPartner(rec: Rec, env: Env): Rec {
	let current = rec;
	for (let depth = 0; depth < 10 && !current.is_company && typeof current.parent_id === 'number'; depth++) {
		current = partners(env).get(current.parent_id) ?? current;
	}
	return current;
}

/** The partner and every contact below it, archived ones included (Odoo's child_of with active_test off). */
function withDescendants(rec: Rec, env: Env): Rec[] {
	const found = new Map([[rec.id, rec]]);
	for (const current of found.values()) {
		// A Map iterates over what is added while it runs; a parent loop written through the API adds nothing twice.
		for (const id of env.registry.get('res.partner').referrers('parent_id', current.id)) if (!found.has(id)) found.set(id, partners(env).get(id) as Rec);
	}
	return [...found.values()];
}

function ordersOf(partnerIds: readonly number[], env: Env): Rec[] {
	const orders = env.registry.get('sale.order');
	return partnerIds.flatMap((id) => [...orders.referrers('partner_id', id)].map((orderId) => orders.records.get(orderId) as Rec));
}

/**
 * Confirmed orders stand in for posted customer invoices, which the sandbox does not have: their total is what the
 * commercial entity is owed (credit) and has been invoiced (total_invoiced), none of it paid.
 */
function confirmedOrderSum(partnerIds: readonly number[], env: Env, amount: 'amount_total' | 'amount_untaxed'): number {
	const orders = new Model(env, env.registry.get('sale.order'));
	const confirmed = ordersOf(partnerIds, env).filter((order) => order.state === 'sale' || order.state === 'done');
	return Math.round(confirmed.reduce((total, order) => total + (orders.value(order, amount) as number), 0) * 100) / 100;
}
