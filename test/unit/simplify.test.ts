import { simplifyRecord, simplifyRecords } from '../../nodes/CloudOffix/helpers/simplify';

/** Shaped like a real Odoo 11 read of res.partner (see odoo11-captures/06_call_kw_read.json). */
const partner = () => ({
	id: 1,
	name: 'YourCompany',
	country_id: [233, 'United States'],
	parent_id: false,
	category_id: [],
	child_ids: [4, 9],
	comment: false,
	write_date: '2024-05-31 14:30:00',
});

/** fields_get's types for those fields. */
const partnerTypes = typesOf({
	id: 'integer',
	name: 'char',
	country_id: 'many2one',
	parent_id: 'many2one',
	category_id: 'many2many',
	child_ids: 'one2many',
	comment: 'text',
	write_date: 'datetime',
});

function typesOf(types: Record<string, string>): Record<string, { type: string }> {
	return Object.fromEntries(Object.entries(types).map(([name, type]) => [name, { type }]));
}

type Simplify = (record: Record<string, unknown>, fields: Record<string, { type: string }>) => Record<string, unknown>;

/** Both forms give the same record: one at a time, and within a page (the page's first record, then its last). */
const FORMS: Array<[string, Simplify]> = [
	['simplifyRecord', simplifyRecord],
	['simplifyRecords, first of a page', (record, fields) => simplifyRecords([record, { ...record }], fields)[0]],
	['simplifyRecords, last of a page', (record, fields) => simplifyRecords([{ ...record }, { ...record }, record], fields)[2]],
];

describe.each(FORMS)('%s', (_form, simplify) => {
	describe('simplifyRecord with field types', () => {
		it('flattens a many2one pair into the id and a <field>_name field', () => {
			const simplified = simplify(partner(), partnerTypes);
			expect(simplified.country_id).toBe(233);
			expect(simplified.country_id_name).toBe('United States');
		});

		it('turns an empty many2one (false) into a null id and a null name', () => {
			const simplified = simplify(partner(), partnerTypes);
			expect(simplified.parent_id).toBeNull();
			expect(simplified).toHaveProperty('parent_id_name', null);
		});

		it('leaves every other field as it is, adding only the _name fields', () => {
			const record = partner();
			const simplified = simplify(record, partnerTypes);
			const many2ones = ['country_id', 'parent_id'];
			for (const [key, value] of Object.entries(record).filter(([key]) => !many2ones.includes(key))) {
				expect(simplified[key]).toBe(value);
			}
			expect(Object.keys(simplified).filter((key) => !(key in record))).toEqual(['country_id_name', 'parent_id_name']);
		});

		it('puts the _name field right after its id field', () => {
			expect(Object.keys(simplify(partner(), partnerTypes)).slice(2, 4)).toEqual(['country_id', 'country_id_name']);
		});

		it('lets the field types decide: a pair in a field that is not a many2one stays a pair', () => {
			const record = { x_pair: [1, 'a'] };
			expect(simplify(record, typesOf({ x_pair: 'serialized' }))).toEqual({ x_pair: [1, 'a'] });
		});

		it('leaves keys the model does not describe as they are, even when they look like a many2one', () => {
			const groups = { user_id: [2, 'Mitchell Admin'], 'date:month': 'May 2024', __count: 3, __domain: [['user_id', '=', 2]] };
			expect(simplify(groups, typesOf({ user_id: 'many2one' }))).toEqual({ user_id: 2, user_id_name: 'Mitchell Admin', 'date:month': 'May 2024', __count: 3, __domain: [['user_id', '=', 2]] });
			expect(simplify({ user_id: [2, 'Mitchell Admin'], active: false }, typesOf({ active: 'boolean' }))).toEqual({ user_id: [2, 'Mitchell Admin'], active: false });
		});

		it('leaves a many2one value that is neither a pair nor empty as it is, without inventing a name', () => {
			expect(simplify({ partner_id: 7 }, typesOf({ partner_id: 'many2one' }))).toEqual({ partner_id: 7 });
		});

		it('does not overwrite a real field called <field>_name, wherever it comes', () => {
			const types = typesOf({ partner_id: 'many2one', partner_id_name: 'char' });
			expect(simplify({ partner_id: [7, 'Agrolait'], partner_id_name: 'Real value' }, types)).toEqual({ partner_id: 7, partner_id_name: 'Real value' });
			expect(simplify({ partner_id_name: 'Real value', partner_id: [7, 'Agrolait'] }, types)).toEqual({ partner_id_name: 'Real value', partner_id: 7 });
		});
	});

	describe('simplifyRecord on many2one values', () => {
		it.each([
			['an id list', [4, 9]],
			['a text pair', ['draft', 'Draft']],
			['a three-element list', [7, 'Agrolait', 'x']],
			['a one-element list', [7]],
			['an empty list', []],
			['a text', 'res.partner,7'],
		])('leaves %s alone', (_name, value) => {
			expect(simplify({ field: value }, typesOf({ field: 'many2one' }))).toEqual({ field: value });
		});
	});

	describe('simplifyRecord input', () => {
		it('does not change the record it is given', () => {
			const record = partner();
			simplify(record, partnerTypes);
			expect(record).toEqual(partner());
		});
	});
});

describe('simplifyRecords over a page', () => {
	const types = typesOf({ partner_id: 'many2one', user_id: 'many2one', name: 'char' });

	it('gives every record what simplifyRecord gives it, whatever keys and values the records of the page have', () => {
		const page = [
			{ id: 1, name: 'a', partner_id: [7, 'Agrolait'], user_id: false },
			{ id: 2, name: 'b', partner_id: false, user_id: [2, 'Admin'] },
			{ id: 3, partner_id: [8, 'Deco'], name: 'c', user_id: false },
			{ id: 4, name: 'd', partner_id: 9, user_id: [2, 'Admin'] },
			{ id: 5, name: 'e', partner_id: [7, 'Agrolait'] },
			{ id: 6, name: 'f', partner_id: [7, 'Agrolait'], user_id: false, extra: 1 },
			{ id: 7, name: 'g', partner_id: [7, 'Agrolait'], user_id: false },
		];
		const expected = page.map((record) => simplifyRecord(record, types));
		const simplified = simplifyRecords(page, types);
		expect(simplified).toEqual(expected);
		expect(simplified.map((record) => Object.keys(record))).toEqual(expected.map((record) => Object.keys(record)));
	});

	it('makes a new object per record, leaving the page as it was', () => {
		const page = [{ id: 1, partner_id: [7, 'Agrolait'] }, { id: 2, partner_id: [7, 'Agrolait'] }];
		const simplified = simplifyRecords(page, types);
		simplified[0].partner_id_name = 'changed';
		expect(simplified[1].partner_id_name).toBe('Agrolait');
		expect(page[0]).toEqual({ id: 1, partner_id: [7, 'Agrolait'] });
	});
});
