import { simplifyRecord } from '../../nodes/CloudOffix/helpers/simplify';

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

const partnerTypes: Record<string, string> = {
	id: 'integer',
	name: 'char',
	country_id: 'many2one',
	parent_id: 'many2one',
	category_id: 'many2many',
	child_ids: 'one2many',
	comment: 'text',
	write_date: 'datetime',
};

describe('simplifyRecord with field types', () => {
	it('flattens a many2one pair into the id and a <field>_name field', () => {
		const simplified = simplifyRecord(partner(), partnerTypes);
		expect(simplified.country_id).toBe(233);
		expect(simplified.country_id_name).toBe('United States');
	});

	it('turns an empty many2one (false) into a null id and a null name', () => {
		const simplified = simplifyRecord(partner(), partnerTypes);
		expect(simplified.parent_id).toBeNull();
		expect(simplified).toHaveProperty('parent_id_name', null);
	});

	it('leaves every other field as it is, adding only the _name fields', () => {
		const record = partner();
		const simplified = simplifyRecord(record, partnerTypes);
		const many2ones = ['country_id', 'parent_id'];
		for (const [key, value] of Object.entries(record).filter(([key]) => !many2ones.includes(key))) {
			expect(simplified[key]).toBe(value);
		}
		expect(Object.keys(simplified).filter((key) => !(key in record))).toEqual(['country_id_name', 'parent_id_name']);
	});

	it('puts the _name field right after its id field', () => {
		expect(Object.keys(simplifyRecord(partner(), partnerTypes)).slice(2, 4)).toEqual(['country_id', 'country_id_name']);
	});

	it('lets the field types decide: a pair in a field that is not a many2one stays a pair', () => {
		const record = { x_pair: [1, 'a'] };
		expect(simplifyRecord(record, { x_pair: 'serialized' })).toEqual({ x_pair: [1, 'a'] });
	});

	it('falls back to detecting pairs for fields missing from the types', () => {
		expect(simplifyRecord({ user_id: [2, 'Mitchell Admin'], active: false }, { active: 'boolean' })).toEqual({
			user_id: 2,
			user_id_name: 'Mitchell Admin',
			active: false,
		});
	});

	it('leaves a many2one value that is neither a pair nor empty as it is, without inventing a name', () => {
		expect(simplifyRecord({ partner_id: 7 }, { partner_id: 'many2one' })).toEqual({ partner_id: 7 });
	});

	it('does not overwrite a real field called <field>_name, wherever it comes', () => {
		const types = { partner_id: 'many2one', partner_id_name: 'char' };
		expect(simplifyRecord({ partner_id: [7, 'Agrolait'], partner_id_name: 'Real value' }, types)).toEqual({ partner_id: 7, partner_id_name: 'Real value' });
		expect(simplifyRecord({ partner_id_name: 'Real value', partner_id: [7, 'Agrolait'] }, types)).toEqual({ partner_id_name: 'Real value', partner_id: 7 });
	});
});

describe('simplifyRecord without field types', () => {
	it('detects [number, text] pairs as many2one values', () => {
		const simplified = simplifyRecord(partner());
		expect(simplified.country_id).toBe(233);
		expect(simplified.country_id_name).toBe('United States');
	});

	it('cannot tell an empty many2one from another empty field, so false stays false with no _name field', () => {
		const simplified = simplifyRecord(partner());
		expect(simplified.parent_id).toBe(false);
		expect(simplified).not.toHaveProperty('parent_id_name');
	});

	it.each([
		['an id list', [4, 9]],
		['a text pair', ['draft', 'Draft']],
		['a three-element list', [7, 'Agrolait', 'x']],
		['a one-element list', [7]],
		['an empty list', []],
		['a text', 'res.partner,7'],
	])('leaves %s alone', (_name, value) => {
		expect(simplifyRecord({ field: value })).toEqual({ field: value });
	});
});

describe('simplifyRecord input', () => {
	it('does not change the record it is given', () => {
		const record = partner();
		simplifyRecord(record, partnerTypes);
		simplifyRecord(record);
		expect(record).toEqual(partner());
	});
});
