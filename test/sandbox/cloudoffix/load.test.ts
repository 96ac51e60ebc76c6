import type { JsonRpcClient } from './helpers/json-client';
import { loggedIn, useSandbox } from './helpers/sandbox';

/** `load(fields, data)` as Odoo 11's BaseModel.load answers it: all rows created, or none with per-row messages. */
const sandbox = useSandbox();
let admin: JsonRpcClient;

beforeEach(async () => {
	admin = await loggedIn(sandbox());
});

interface LoadAnswer {
	ids: number[] | false;
	messages: Array<{ type: string; rows: { from: number; to: number }; record: number; field: string; message: string }>;
}

const load = async (model: string, fields: string[], rows: string[][]) => (await admin.callKw(model, 'load', [fields, rows])) as LoadAnswer;
const count = async (domain: unknown[]) => (await admin.callKw('res.partner', 'search_count', [domain])) as number;

describe('load', () => {
	test('creates every row from strings, many2one by database id, and answers their ids in row order', async () => {
		const answer = await load('res.partner', ['name', 'is_company', 'credit_limit', 'country_id/.id', 'comment'], [
			['Load One', '1', '12.5', '1', ''],
			['Load Two', 'false', '', '', 'a note'],
		]);
		expect(answer.messages).toEqual([]);
		expect(answer.ids).toHaveLength(2);
		const rows = (await admin.callKw('res.partner', 'read', [answer.ids, ['name', 'is_company', 'credit_limit', 'country_id', 'comment']])) as Array<Record<string, unknown>>;
		expect(rows.map(({ name, is_company, credit_limit, comment }) => ({ name, is_company, credit_limit, comment }))).toEqual([
			{ name: 'Load One', is_company: true, credit_limit: 12.5, comment: false },
			{ name: 'Load Two', is_company: false, credit_limit: 0, comment: 'a note' },
		]);
		expect((rows[0].country_id as unknown[])[0]).toBe(1);
		expect(sandbox().stats.creates['res.partner']).toBe(2);
	});

	test('is all or nothing: a bad row creates nothing and every bad row gets its message', async () => {
		const before = await count([]);
		const answer = await load('res.partner', ['name', 'credit_limit', 'country_id/.id'], [
			['Good Row', '1', '1'],
			['Bad Number', 'lots', ''],
			['Bad Country', '', '999999'],
			['', '', ''],
		]);
		expect(answer.ids).toBe(false);
		expect(answer.messages.map(({ type, record, rows, field }) => ({ type, record, rows, field }))).toEqual([
			{ type: 'error', record: 1, rows: { from: 1, to: 1 }, field: 'credit_limit' },
			{ type: 'error', record: 2, rows: { from: 2, to: 2 }, field: 'country_id' },
			{ type: 'error', record: 3, rows: { from: 3, to: 3 }, field: '' },
		]);
		// Odoo 11 names the field by its label in the text (and by its name in `field`).
		expect(answer.messages[0].message).toBe("'lots' does not seem to be a number for field 'Credit Limit'");
		expect(answer.messages[1].message).toBe("No matching record found for database id '999999' in field 'Country'");
		expect(await count([])).toBe(before);
		expect(sandbox().stats.creates['res.partner'] ?? 0).toBe(0);
	});

	test('an unknown column fails the whole call', async () => {
		await expect(load('res.partner', ['name', 'no_such_field'], [['X', 'y']])).rejects.toThrow(/Invalid field 'no_such_field'/);
	});
});
