import type { JsonRpcClient } from './helpers/json-client';
import { loggedIn, useSandbox } from './helpers/sandbox';

/** load() with external ids: the `id` column, `.id`, and relational columns by name, external id or database id. */
const sandbox = useSandbox({ computedFieldCostMs: 0 });
let admin: JsonRpcClient;

beforeEach(async () => {
	admin = await loggedIn(sandbox());
});

interface LoadAnswer {
	ids: number[] | false;
	messages: Array<{ type: string; rows: { from: number; to: number }; record: number; field: string; message: string; moreinfo?: unknown }>;
}

const load = async (fields: string[], rows: string[][], context: Record<string, unknown> = {}, model = 'res.partner') =>
	(await admin.callKw(model, 'load', [fields, rows], { context })) as LoadAnswer;
const read = async (ids: number[], fields: string[]) => (await admin.callKw('res.partner', 'read', [ids, fields])) as Array<Record<string, unknown>>;
const xmlid = async (module: string, name: string) =>
	(await admin.callKw('ir.model.data', 'search_read', [[['module', '=', module], ['name', '=', name]]], { fields: ['model', 'res_id', 'noupdate'] })) as Array<Record<string, unknown>>;

describe('load with external ids', () => {
	test('a new external id creates the record and its ir.model.data row; a bare name gets the context’s module, else none', async () => {
		const answer = await load(['id', 'name', 'country_id/id'], [
			['crm_sync.acme', 'Acme Imports', 'base.be'],
			['bare_one', 'Bare One', 'base.uk'],
		]);
		expect(answer.messages).toEqual([]);
		const [acme, bare] = answer.ids as number[];
		expect(await xmlid('crm_sync', 'acme')).toEqual([{ id: expect.any(Number), model: 'res.partner', res_id: acme, noupdate: false }]);
		// Odoo 11 keeps a bare name in the context's module, '' without one ("__import__" came with 12.0).
		expect(await xmlid('', 'bare_one')).toEqual([{ id: expect.any(Number), model: 'res.partner', res_id: bare, noupdate: false }]);
		expect((await read([acme, bare], ['country_id'])).map((row) => (row.country_id as unknown[])[1])).toEqual(['Belgium', 'United Kingdom']);
		const withModule = await load(['id', 'name'], [['in_module', 'In Module']], { module: 'my_import', noupdate: true });
		expect(await xmlid('my_import', 'in_module')).toEqual([{ id: expect.any(Number), model: 'res.partner', res_id: (withModule.ids as number[])[0], noupdate: true }]);
	});

	test('an existing external id updates its record instead of creating one', async () => {
		const first = await load(['id', 'name', 'city'], [['crm_sync.acme', 'Acme Imports', 'Ghent']]);
		const [acme] = first.ids as number[];
		const before = (await admin.callKw('res.partner', 'search_count', [[]])) as number;
		const second = await load(['id', 'name', 'city'], [['crm_sync.acme', 'Acme Imports NV', 'Antwerp'], ['base.main_partner', 'YourCompany', 'Istanbul']]);
		expect(second).toEqual({ ids: [acme, 1], messages: [] });
		expect(await admin.callKw('res.partner', 'search_count', [[]])).toBe(before);
		expect(await read([acme, 1], ['name', 'city'])).toEqual([
			{ id: acme, name: 'Acme Imports NV', city: 'Antwerp' },
			{ id: 1, name: 'YourCompany', city: 'Istanbul' },
		]);
		expect(sandbox().stats.creates['res.partner']).toBe(1);
	});

	test('`.id` updates a record by database id, and gives it the row’s external id', async () => {
		const answer = await load(['.id', 'id', 'phone'], [['12', 'crm_sync.agrolait_copy', '+32 10 000 000']]);
		expect(answer).toEqual({ ids: [12], messages: [] });
		expect(await read([12], ['phone'])).toEqual([{ id: 12, phone: '+32 10 000 000' }]);
		expect(await xmlid('crm_sync', 'agrolait_copy')).toEqual([expect.objectContaining({ res_id: 12 })]);
		const unknown = await load(['.id', 'name'], [['999999', 'Ghost']]);
		expect(unknown.ids).toBe(false);
		expect(unknown.messages).toEqual([{ type: 'error', rows: { from: 0, to: 0 }, record: 0, field: '.id', message: "Unknown database identifier '999999'" }]);
	});

	test('relational columns by name, external id or database id; many2many ones take lists', async () => {
		const answer = await load(['name', 'country_id', 'category_id/id', 'parent_id/.id'], [['Named', 'Belgium', 'base.res_partner_category_1,base.res_partner_category_11', '12']]);
		expect(answer.messages).toEqual([]);
		const [row] = await read(answer.ids as number[], ['country_id', 'category_id', 'parent_id']);
		expect((row.country_id as unknown[])[1]).toBe('Belgium');
		expect((row.parent_id as unknown[])[1]).toBe('Agrolait');
		expect(row.category_id).toHaveLength(2);
	});

	test('an unknown external id in a column fails the row with Odoo’s message, and the load creates nothing', async () => {
		const before = (await admin.callKw('res.partner', 'search_count', [[]])) as number;
		const dataBefore = (await admin.callKw('ir.model.data', 'search_count', [[]])) as number;
		const answer = await load(['id', 'name', 'country_id/id'], [
			['crm_sync.good', 'Good Row', 'base.be'],
			['crm_sync.bad', 'Bad Row', 'base.atlantis'],
		]);
		expect(answer.ids).toBe(false);
		expect(answer.messages).toEqual([
			{
				type: 'error',
				rows: { from: 1, to: 1 },
				record: 1,
				field: 'country_id',
				message: "No matching record found for external id 'base.atlantis' in field 'Country'",
				moreinfo: expect.objectContaining({ res_model: 'ir.model.data', domain: [['model', '=', 'res.country']] }),
			},
		]);
		// The good row's record and its external id were rolled back with the rest.
		expect(await admin.callKw('res.partner', 'search_count', [[]])).toBe(before);
		expect(await admin.callKw('ir.model.data', 'search_count', [[]])).toBe(dataBefore);
		expect(await xmlid('crm_sync', 'good')).toEqual([]);
	});

	test('external ids with too many dots, of another model, or two references to one field are refused as Odoo refuses them', async () => {
		const dots = await load(['id', 'name'], [['a.b.c', 'Dotty']]);
		expect(dots.messages[0]).toMatchObject({
			field: '',
			message:
				"Unknown error during import: <class 'AssertionError'>: 'a.b.c' contains too many dots. XML ids should not contain dots ! These are used to refer to other modules data, as in module.reference_id",
		});
		// base.main_company points at res.company 1, and res.partner 1 exists: a conflict.
		const conflict = await load(['id', 'name'], [['base.main_company', 'Not a company']]);
		expect(conflict.messages[0].message).toBe(
			"Unknown error during import: <class 'AssertionError'>: External ID conflict, main_company already refers to a `res.company` record, you can't define a `res.partner` record with this ID.",
		);
		const ambiguous = await load(['name', 'country_id', 'country_id/id'], [['Twice', 'Belgium', 'base.be']]);
		expect(ambiguous.messages[0]).toMatchObject({ field: 'country_id', message: "Ambiguous specification for field 'Country', only provide one of name, external id or database id" });
	});

	test('messages name fields by their label, with Odoo’s texts', async () => {
		const answer = await load(['name', 'color', 'type', 'date', 'customer'], [
			['One', 'x', 'contact', '2026-11-05', '1'],
			['Two', '3', 'Nowhere', '05/11/2026', 'perhaps'],
		]);
		expect(answer.messages.map(({ type, record, field, message }) => ({ type, record, field, message }))).toEqual([
			{ type: 'error', record: 0, field: 'color', message: "'x' does not seem to be an integer for field 'Color Index'" },
			{ type: 'error', record: 1, field: 'type', message: "Value 'Nowhere' not found in selection field 'Address Type'" },
			{ type: 'error', record: 1, field: 'date', message: "'05/11/2026' does not seem to be a valid date for field 'Date'" },
			{ type: 'warning', record: 1, field: 'customer', message: "Unknown value 'perhaps' for boolean field 'Is a Customer', assuming 'yes'" },
		]);
	});
});
