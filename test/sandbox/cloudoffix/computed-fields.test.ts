import { startCloudOffixSandbox } from '../../../sandbox/cloudoffix';
import { ManualClock } from '../helpers/clock';
import type { JsonRpcClient } from './helpers/json-client';
import { loggedIn, useSandbox } from './helpers/sandbox';
import { xmlCall } from './helpers/xml-client';

/**
 * Non-stored computed fields, as Odoo 11 computes them at every read, and what they cost: the answer to a read waits
 * records × such fields × computedFieldCostMs. Nothing here measures time: the sandbox runs on a clock the test
 * owns, and the stats count what was computed and how long answers waited.
 */

const COST = 0.05;
const clock = new ManualClock({ instantSleeps: true });
const sandbox = useSandbox({ clock, computedFieldCostMs: COST });
let admin: JsonRpcClient;

beforeEach(async () => {
	admin = await loggedIn(sandbox());
	clock.sleeps.length = 0;
});

type Row = Record<string, unknown>;
type Description = Record<string, unknown>;

/** The fields fields_get reports as neither stored nor one2many: those a read has to compute. */
async function computedFieldNames(model: string): Promise<string[]> {
	const fields = (await admin.callKw(model, 'fields_get', [], { attributes: ['type', 'store'] })) as Record<string, Description>;
	return Object.keys(fields).filter((name) => fields[name].store === false && fields[name].type !== 'one2many');
}

describe('fields_get', () => {
	test.each<[string, string, Description]>([
		['res.partner', 'credit', { type: 'monetary', string: 'Total Receivable', currency_field: 'currency_id' }],
		['res.partner', 'debit', { type: 'monetary', string: 'Total Payable' }],
		['res.partner', 'total_invoiced', { type: 'monetary', string: 'Total Invoiced' }],
		['res.partner', 'currency_id', { type: 'many2one', string: 'Currency', relation: 'res.currency' }],
		['res.partner', 'sale_order_count', { type: 'integer', string: '# of Sales Order' }],
		['res.partner', 'opportunity_count', { type: 'integer', string: 'Opportunity' }],
		['res.partner', 'meeting_count', { type: 'integer', string: '# Meetings' }],
		['res.partner', 'journal_item_count', { type: 'integer', string: 'Journal Items' }],
		['res.partner', 'bank_account_count', { type: 'integer', string: 'Bank' }],
		['res.partner', 'contact_address', { type: 'char', string: 'Complete Address' }],
		['res.partner', 'tz_offset', { type: 'char', string: 'Timezone offset' }],
		['res.partner', 'email_formatted', { type: 'char', string: 'Formatted Email' }],
		['res.partner', 'self', { type: 'many2one', string: 'Self', relation: 'res.partner' }],
		['res.partner', 'message_partner_ids', { type: 'many2many', string: 'Followers (Partners)', relation: 'res.partner' }],
		['res.partner', 'activity_state', { type: 'selection', string: 'State' }],
		['crm.lead', 'meeting_count', { type: 'integer', string: '# Meetings' }],
		['crm.lead', 'company_currency', { type: 'many2one', string: 'Currency', relation: 'res.currency', related: ['company_id', 'currency_id'] }],
		['crm.lead', 'sale_amount_total', { type: 'monetary', string: 'Sum of Orders', currency_field: 'company_currency' }],
		['sale.order', 'invoice_count', { type: 'integer', string: '# of Invoices' }],
		['sale.order', 'access_url', { type: 'char', string: 'Portal Access URL' }],
		['sale.order', 'message_unread', { type: 'boolean', string: 'Unread Messages' }],
	])('%s.%s is computed, not stored, readonly', async (model, field, expected) => {
		const fields = (await admin.callKw(model, 'fields_get', [[field]])) as Record<string, Description>;
		expect(fields[field]).toMatchObject({ ...expected, store: false, readonly: true, sortable: false });
	});

	test('a read of every partner field includes some twenty of them', async () => {
		expect((await computedFieldNames('res.partner')).length).toBeGreaterThanOrEqual(20);
	});
});

describe('values computed from the sandbox data', () => {
	const readPartner = async (id: number, fields: string[]) => ((await admin.callKw('res.partner', 'read', [[id], fields])) as Row[])[0];
	const agrolait = async () => ((await admin.callKw('res.partner', 'search', [[['name', '=', 'Agrolait']]])) as number[])[0];

	test('sale_order_count: the orders of the partner and of its active contacts', async () => {
		const company = await agrolait();
		const contacts = (await admin.callKw('res.partner', 'search', [[['parent_id', '=', company]]])) as number[];
		const expected = (await admin.callKw('sale.order', 'search_count', [[['partner_id', 'in', [company, ...contacts]]]])) as number;
		expect(await readPartner(company, ['sale_order_count'])).toEqual({ id: company, sale_order_count: expected });
		// Edward Foster's orders count for Agrolait.
		expect(expected).toBeGreaterThan((await admin.callKw('sale.order', 'search_count', [[['partner_id', '=', company]]])) as number);
	});

	test('opportunity_count: a company counts the opportunities of all its contacts', async () => {
		const company = await agrolait();
		const expected = (await admin.callKw('crm.lead', 'search_count', [[['partner_id', 'child_of', company], ['type', '=', 'opportunity']]])) as number;
		expect((await readPartner(company, ['opportunity_count'])).opportunity_count).toBe(expected);
		expect(expected).toBeGreaterThan((await admin.callKw('crm.lead', 'search_count', [[['partner_id', '=', company], ['type', '=', 'opportunity']]])) as number);
	});

	test('credit and total_invoiced: the confirmed orders of the commercial entity and its contacts; a contact owes nothing', async () => {
		const company = await agrolait();
		const confirmed = (await admin.callKw('sale.order', 'search_read', [[['partner_id', 'child_of', company], ['state', 'in', ['sale', 'done']]]], {
			fields: ['amount_total', 'amount_untaxed'],
			context: { active_test: false },
		})) as { amount_total: number; amount_untaxed: number }[];
		const sum = (key: 'amount_total' | 'amount_untaxed') => Math.round(confirmed.reduce((total, row) => total + row[key], 0) * 100) / 100;
		expect(sum('amount_total')).toBeGreaterThan(0);
		expect(await readPartner(company, ['credit', 'debit', 'total_invoiced'])).toEqual({ id: company, credit: sum('amount_total'), debit: 0, total_invoiced: sum('amount_untaxed') });
		const [edward] = (await admin.callKw('res.partner', 'search', [[['name', '=', 'Edward Foster']]])) as number[];
		expect((await readPartner(edward, ['credit'])).credit).toBe(0);
	});

	test('contact_address follows Odoo 11 default format, with the company on top; email_formatted; self', async () => {
		const company = await agrolait();
		const stored = await readPartner(company, ['street', 'city', 'zip', 'country_id']);
		const [edward] = (await admin.callKw('res.partner', 'search', [[['name', '=', 'Edward Foster']]])) as number[];
		expect(await readPartner(company, ['contact_address', 'email_formatted', 'self'])).toEqual({
			id: company,
			contact_address: `Agrolait\n${String(stored.street)}\n\n${String(stored.city)}  ${String(stored.zip)}\nBelgium`,
			email_formatted: 'Agrolait <info@agrolait.example.com>',
			self: [company, 'Agrolait'],
		});
		expect((await readPartner(edward, ['contact_address'])).contact_address).toBe('Agrolait\n\n\nWavre  \nBelgium');
		const quoted = (await admin.callKw('res.partner', 'create', [{ name: 'Foster, Edward', email: 'ef@example.com' }])) as number;
		expect((await readPartner(quoted, ['email_formatted'])).email_formatted).toBe('"Foster, Edward" <ef@example.com>');
	});

	test('a parent loop (which the sandbox, unlike Odoo, lets a write make) does not hang them', async () => {
		const first = (await admin.callKw('res.partner', 'create', [{ name: 'First', is_company: true }])) as number;
		const second = (await admin.callKw('res.partner', 'create', [{ name: 'Second', parent_id: first }])) as number;
		await admin.callKw('res.partner', 'write', [[first], { parent_id: second }]);
		expect(await readPartner(first, ['total_invoiced', 'opportunity_count'])).toEqual({ id: first, total_invoiced: 0, opportunity_count: 0 });
	});

	test('tz_offset comes from the time zone of the partner’s user', async () => {
		expect(await readPartner(3, ['tz_offset'])).toEqual({ id: 3, tz_offset: '+0300' });
		expect((await readPartner(await agrolait(), ['tz_offset'])).tz_offset).toBe('+0000');
	});
});

describe('the cost of computing them', () => {
	const stats = () => sandbox().stats;
	const partnerIds = async (count: number) => ((await admin.callKw('res.partner', 'search', [[]], { limit: count, order: 'id' })) as number[]).slice(0, count);

	test('a read of stored fields only computes nothing and does not wait', async () => {
		await admin.callKw('res.partner', 'read', [await partnerIds(3), ['name', 'email', 'display_name', 'country_id', 'child_ids']]);
		expect([stats().computedFieldReads, stats().computedFieldDelayMs, clock.sleeps]).toEqual([0, 0, []]);
	});

	test('a read naming computed fields waits records × fields × cost', async () => {
		await admin.callKw('res.partner', 'read', [await partnerIds(3), ['name', 'credit', 'sale_order_count']]);
		expect(stats().computedFieldReads).toBe(6);
		expect(stats().computedFieldDelayMs).toBeCloseTo(6 * COST);
		expect(clock.sleeps).toHaveLength(1);
		expect(clock.sleeps[0]).toBeCloseTo(6 * COST);
	});

	test('an empty field list means every field, so every computed one', async () => {
		const computed = (await computedFieldNames('res.partner')).length;
		const ids = await partnerIds(2);
		await admin.callKw('res.partner', 'read', [ids, []]);
		await admin.callKw('res.partner', 'read', [ids]);
		expect(stats().computedFieldReads).toBe(2 * 2 * computed);
		expect(clock.sleeps).toEqual([expect.closeTo(2 * computed * COST), expect.closeTo(2 * computed * COST)]);
	});

	test('search_read without fields computes them for every record found; over every transport', async () => {
		const computed = (await computedFieldNames('crm.lead')).length;
		const found = (await admin.callKw('crm.lead', 'search_read', [[['type', '=', 'opportunity']]])) as Row[];
		expect(stats().computedFieldReads).toBe(found.length * computed);
		stats().reset();
		await xmlCall(sandbox().url, '/xmlrpc/2/object', 'execute_kw', [sandbox().db, 2, 'admin', 'sale.order', 'read', [[1], ['invoice_count', 'access_url']]]);
		expect(stats().computedFieldReads).toBe(2);
		stats().reset();
		expect([stats().computedFieldReads, stats().computedFieldDelayMs]).toEqual([0, 0]);
	});

	test('name_get, search, search_count, read_group and search_read of ids cost nothing', async () => {
		const ids = await partnerIds(5);
		await admin.callKw('res.partner', 'name_get', [ids]);
		await admin.callKw('res.partner', 'search_count', [[]]);
		await admin.callKw('res.partner', 'name_search', ['agro']);
		await admin.callKw('res.partner', 'search_read', [[]], { fields: ['id'] });
		await admin.callKw('sale.order', 'read_group', [[], ['amount_total', 'state'], ['state']]);
		expect([stats().computedFieldReads, stats().computedFieldDelayMs, clock.sleeps]).toEqual([0, 0, []]);
	});

	describe('on a clock that only the test moves', () => {
		const held = new ManualClock();
		const slow = useSandbox({ clock: held, computedFieldCostMs: COST });

		test('the answer comes once the computing time has passed', async () => {
			const client = await loggedIn(slow());
			const ids = ((await client.callKw('res.partner', 'search', [[]], { limit: 4 })) as number[]).slice(0, 4);
			let answered = false;
			const reading = client.callKw('res.partner', 'read', [ids, ['contact_address', 'credit']]).finally(() => (answered = true));
			expect(await held.nextSleep()).toBeCloseTo(4 * 2 * COST);
			expect(await client.callKw('res.partner', 'search_count', [[]])).toEqual(expect.any(Number));
			expect(answered).toBe(false);
			held.advance(1);
			expect(await reading).toHaveLength(4);
		});
	});

	describe('with computedFieldCostMs 0', () => {
		const free = new ManualClock({ instantSleeps: true });
		const fast = useSandbox({ clock: free, computedFieldCostMs: 0 });

		test('the fields are still computed and counted, and nothing waits', async () => {
			const client = await loggedIn(fast());
			const rows = (await client.callKw('res.partner', 'search_read', [[]], { limit: 3 })) as Row[];
			expect(rows[0]).toHaveProperty('sale_order_count');
			expect(fast().stats.computedFieldReads).toBeGreaterThan(0);
			expect(fast().stats.computedFieldDelayMs).toBe(0);
			expect(free.sleeps).toEqual([]);
			expect(fast().computedFieldCostMs).toBe(0);
		});
	});

	test('a negative or non-numeric cost is refused at start', async () => {
		await expect(startCloudOffixSandbox({ computedFieldCostMs: -1 })).rejects.toThrow('computedFieldCostMs must be a number of milliseconds >= 0');
		await expect(startCloudOffixSandbox({ computedFieldCostMs: Number.NaN })).rejects.toThrow('computedFieldCostMs');
	});
});
