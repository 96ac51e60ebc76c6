import { always, binary, boolean, char, defineModel, float, selection, text } from '../orm/fields';
import { resizeImages } from './res-partner';

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
		// Odoo 11 keeps these on product.template (attachment=True) and computes the variant's from them; the sandbox has
		// no templates, so the product holds them itself, resized like a partner's (res-partner.ts resizeImages).
		binary('image', 'Big-sized image', {
			attachment: true,
			help: 'Image of the product variant (Big-sized image of product template if false). It is automatically resized as a 1024x1024px image, with aspect ratio preserved.',
		}),
		binary('image_medium', 'Medium-sized image', { attachment: true, help: 'Image of the product variant (Medium-sized image of product template if false).' }),
		binary('image_small', 'Small-sized image', { attachment: true, help: 'Image of the product variant (Small-sized image of product template if false).' }),
	],
	hooks: {
		prepareCreate: (_env, vals) => resizeImages(vals),
		prepareWrite: (_env, _ids, vals) => resizeImages(vals),
	},
	/** "[FURN_7800] Desk Combination", as Odoo shows products with a reference. */
	displayName: (rec) => (rec.default_code ? `[${rec.default_code}] ${rec.name}` : String(rec.name)),
	nameSearchDomain: (name, operator) => ['|', ['default_code', operator, name], ['name', operator, name]],
});
