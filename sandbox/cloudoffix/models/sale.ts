import { userError } from '../errors';
import type { Env, ModelMethod, Rec } from '../orm/database';
import { always, char, date, datetime, defineModel, float, integer, many2one, monetary, one2many, selection, text } from '../orm/fields';
import { writeRecords } from '../orm/write';
import { mailThreadFields } from './mail';
import { nextSequence } from './sequence';

/** Quotations and sales orders. Every line carries one 15% sales tax (the sandbox has no tax model). */
const TAX_RATE = 0.15;

const round2 = (value: number): number => Math.round(value * 100) / 100;
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

const lineSubtotal = (line: Rec): number => round2(num(line.product_uom_qty) * num(line.price_unit) * (1 - num(line.discount) / 100));
const lineTax = (line: Rec): number => round2(lineSubtotal(line) * TAX_RATE);

function orderLines(order: Rec, env: Env): Rec[] {
	const lines = env.registry.get('sale.order.line');
	return [...lines.referrers('order_id', order.id)].map((id) => lines.records.get(id) as Rec);
}

const orderSum = (amount: (line: Rec) => number) => (order: Rec, env: Env) => round2(orderLines(order, env).reduce((total, line) => total + amount(line), 0));

/** A value of the line's order (Odoo's related fields such as state or currency_id). */
const fromOrder = (name: string) => (line: Rec, env: Env) => env.registry.get('sale.order').records.get(line.order_id as number)?.[name] ?? false;

const ORDER_STATES = [
	['draft', 'Quotation'],
	['sent', 'Quotation Sent'],
	['sale', 'Sales Order'],
	['done', 'Locked'],
	['cancel', 'Cancelled'],
] as const;

/** A button method that moves orders to a state (Odoo's action_confirm, action_cancel, ...). */
function stateAction(state: string, extra: (env: Env) => Record<string, unknown> = () => ({})): ModelMethod {
	return { api: 'multi', params: [], run: (model, ids) => writeRecords(model, ids, { state, ...extra(model.env) }) };
}

export const saleOrder = defineModel({
	name: 'sale.order',
	description: 'Quotation',
	order: 'date_order desc, id desc',
	access: { group: 'Sales/User: Own Documents Only' },
	fields: [
		char('name', 'Order Reference', { required: true, copy: false, default: always('New') }),
		many2one('partner_id', 'res.partner', 'Customer', { required: true }),
		datetime('date_order', 'Order Date', { required: true, copy: false, default: (env) => env.now }),
		date('validity_date', 'Expiration Date'),
		datetime('confirmation_date', 'Confirmation Date', { readonly: true, copy: false }),
		selection('state', 'Status', ORDER_STATES, { readonly: true, copy: false, default: always('draft') }),
		one2many('order_line', 'sale.order.line', 'order_id', 'Order Lines', { copy: true }),
		monetary('amount_untaxed', 'Untaxed Amount', { compute: orderSum(lineSubtotal), store: true, depends: ['order_line.price_total'] }),
		monetary('amount_tax', 'Taxes', { compute: orderSum(lineTax), store: true, depends: ['order_line.price_total'] }),
		monetary('amount_total', 'Total', { compute: orderSum((line) => lineSubtotal(line) + lineTax(line)), store: true, depends: ['order_line.price_total'] }),
		many2one('currency_id', 'res.currency', 'Currency', { default: always(1) }),
		many2one('user_id', 'res.users', 'Salesperson', { default: (env) => env.uid }),
		many2one('company_id', 'res.company', 'Company', { default: always(1) }),
		text('note', 'Terms and conditions'),
		char('client_order_ref', 'Customer Reference', { copy: false }),
		char('origin', 'Source Document'),
		selection('invoice_status', 'Invoice Status', [['upselling', 'Upselling Opportunity'], ['invoiced', 'Fully Invoiced'], ['to invoice', 'To Invoice'], ['no', 'Nothing to Invoice']], {
			default: always('no'),
		}),
		// Computed at every read. The sandbox has no invoices.
		integer('invoice_count', '# of Invoices', { compute: always(0) }),
		char('access_url', 'Portal Access URL', { compute: (order) => `/my/orders/${order.id}`, help: 'Customer Portal URL' }),
		...mailThreadFields(),
	],
	hooks: {
		prepareCreate(env, vals) {
			if (!vals.name || vals.name === 'New') vals.name = nextSequence(env, 'sale.order', 'SO');
		},
		beforeUnlink(env, ids) {
			const orders = env.registry.get('sale.order').records;
			if (ids.some((id) => !['draft', 'cancel'].includes(orders.get(id)?.state as string))) {
				throw userError('You can not delete a sent quotation or a sales order! Try to cancel it before.');
			}
		},
	},
	methods: {
		action_confirm: stateAction('sale', (env) => ({ confirmation_date: env.now })),
		action_cancel: stateAction('cancel'),
		action_draft: stateAction('draft'),
		action_done: stateAction('done'),
	},
});

export const saleOrderLine = defineModel({
	name: 'sale.order.line',
	description: 'Sales Order Line',
	order: 'order_id, sequence, id',
	access: { group: 'Sales/User: Own Documents Only' },
	fields: [
		many2one('order_id', 'sale.order', 'Order Reference', { required: true, ondelete: 'cascade' }),
		text('name', 'Description', { required: true }),
		integer('sequence', 'Sequence', { default: always(10) }),
		many2one('product_id', 'product.product', 'Product', { ondelete: 'restrict' }),
		float('product_uom_qty', 'Quantity', { required: true, default: always(1) }),
		float('price_unit', 'Unit Price', { required: true }),
		float('discount', 'Discount (%)'),
		monetary('price_subtotal', 'Subtotal', { compute: lineSubtotal, store: true }),
		float('price_tax', 'Total Tax', { compute: lineTax, store: true }),
		monetary('price_total', 'Total', { compute: (line) => round2(lineSubtotal(line) + lineTax(line)), store: true }),
		many2one('currency_id', 'res.currency', 'Currency', { compute: fromOrder('currency_id') }),
		selection('state', 'Order Status', ORDER_STATES, { compute: fromOrder('state'), store: true }),
		many2one('order_partner_id', 'res.partner', 'Customer', { compute: fromOrder('partner_id'), store: true }),
		many2one('salesman_id', 'res.users', 'Salesperson', { compute: fromOrder('user_id'), store: true }),
		float('qty_delivered', 'Delivered'),
		float('qty_invoiced', 'Invoiced', { readonly: true }),
	],
	displayName(rec, env) {
		const order = env.registry.get('sale.order').records.get(rec.order_id as number);
		return `${order?.name ?? ''} - ${String(rec.name || '').split('\n')[0]}`;
	},
	hooks: {
		/** Odoo 11's _prepare_add_missing_fields: description and price come from the product when not sent. */
		prepareCreate(env, vals) {
			const product = typeof vals.product_id === 'number' ? env.registry.get('product.product').records.get(vals.product_id) : undefined;
			if (vals.price_unit === undefined) vals.price_unit = product?.list_price ?? 0;
			if (product && !vals.name) vals.name = product.default_code ? `[${product.default_code}] ${product.name}` : product.name;
		},
		beforeUnlink(env, ids) {
			const lines = env.registry.get('sale.order.line').records;
			const orders = env.registry.get('sale.order').records;
			const locked = ids.some((id) => ['sale', 'done'].includes(orders.get(lines.get(id)?.order_id as number)?.state as string));
			if (locked) throw userError('You can not remove a sales order line.\nDiscard changes and try setting the quantity to 0.');
		},
	},
});
