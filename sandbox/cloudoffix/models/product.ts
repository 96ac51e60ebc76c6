import { always, boolean, char, defineModel, float, selection, text } from '../orm/fields';

export const productProduct = defineModel({
	name: 'product.product',
	description: 'Product',
	order: 'default_code, name, id',
	access: { group: 'Sales/Manager' },
	fields: [
		char('name', 'Name', { required: true }),
		char('default_code', 'Internal Reference'),
		char('barcode', 'Barcode'),
		float('list_price', 'Sales Price', { default: always(1) }),
		float('standard_price', 'Cost'),
		selection('type', 'Product Type', [['consu', 'Consumable'], ['service', 'Service'], ['product', 'Stockable Product']], {
			required: true,
			default: always('consu'),
		}),
		boolean('sale_ok', 'Can be Sold', { default: always(true) }),
		boolean('purchase_ok', 'Can be Purchased', { default: always(true) }),
		boolean('active', 'Active', { default: always(true) }),
		text('description', 'Description'),
		text('description_sale', 'Sale Description'),
		float('weight', 'Weight'),
		float('volume', 'Volume'),
		float('qty_available', 'Quantity On Hand', { readonly: true }),
	],
	/** "[FURN_7800] Desk Combination", as Odoo shows products with a reference. */
	displayName: (rec) => (rec.default_code ? `[${rec.default_code}] ${rec.name}` : String(rec.name)),
	nameSearchDomain: (name, operator) => ['|', ['default_code', operator, name], ['name', operator, name]],
});
