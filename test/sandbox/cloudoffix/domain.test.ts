import type { JsonRpcClient } from './helpers/json-client';
import { loggedIn, useSandbox } from './helpers/sandbox';

const sandbox = useSandbox();
let admin: JsonRpcClient;

type Partner = {
	id: number;
	name: string | false;
	email: string | false;
	active: boolean;
	is_company: boolean;
	parent_id: [number, string] | false;
	country_id: [number, string] | false;
	category_id: number[];
	credit_limit: number;
	date: string | false;
	create_date: string | false;
};

let partners: Partner[];
let countryCodes: Map<number, string>;
/** A partner whose name and email differ from seeded ones only in case: like / not ilike must tell them apart. */
let shouting: number;

beforeEach(async () => {
	admin = await loggedIn(sandbox());
	shouting = (await admin.callKw('res.partner', 'create', [{ name: 'AGROLAIT SUPPLY', email: 'INFO@AGROLAIT-SUPPLY.EXAMPLE.NET' }])) as number;
	partners = (await admin.callKw('res.partner', 'search_read', [[]], {
		fields: ['name', 'email', 'active', 'is_company', 'parent_id', 'country_id', 'category_id', 'credit_limit', 'date', 'create_date'],
		context: { active_test: false },
	})) as Partner[];
	const countries = (await admin.callKw('res.country', 'search_read', [[]], { fields: ['code'] })) as { id: number; code: string }[];
	countryCodes = new Map(countries.map((country) => [country.id, country.code]));
});

const search = async (domain: unknown[], context: Record<string, unknown> = {}) =>
	((await admin.callKw('res.partner', 'search', [domain], { order: 'id', context })) as number[]).sort((a, b) => a - b);

const expected = (keep: (partner: Partner) => boolean, withArchived = false) =>
	partners.filter((partner) => (withArchived || partner.active) && keep(partner)).map((partner) => partner.id).sort((a, b) => a - b);

const text = (value: string | false) => (value === false ? '' : value);
const id = (value: [number, string] | false) => (value === false ? false : value[0]);

describe('term operators', () => {
	test.each<[string, unknown[], (partner: Partner) => boolean]>([
		['= (text)', [['name', '=', 'Agrolait']], (p) => p.name === 'Agrolait'],
		['!= (text)', [['name', '!=', 'Agrolait']], (p) => p.name !== false && p.name !== 'Agrolait'],
		['= false', [['parent_id', '=', false]], (p) => p.parent_id === false],
		['!= false', [['parent_id', '!=', false]], (p) => p.parent_id !== false],
		['<>', [['email', '<>', false]], (p) => p.email !== false],
		// The seeded customers all have a credit limit; partner 1 has none (NULL, see below).
		['< (number)', [['credit_limit', '<', 6000], ['is_company', '=', true]], (p) => p.credit_limit < 6000 && p.is_company && p.id !== 1],
		['>= (number)', [['credit_limit', '>=', 10000]], (p) => p.credit_limit >= 10000],
		['<= and > on dates', [['date', '<=', '2026-06-01'], ['date', '>', '2025-06-01']], (p) => p.date !== false && p.date <= '2026-06-01' && p.date > '2025-06-01'],
		['=? with false matches all', [['name', '=?', false]], () => true],
		['=? with a value is =', [['name', '=?', 'Agrolait']], (p) => p.name === 'Agrolait'],
		['ilike ignores case', [['name', 'ilike', 'agro']], (p) => text(p.name).toLowerCase().includes('agro')],
		['not like', [['name', 'not like', 'a']], (p) => p.name !== false && !p.name.includes('a')],
		['=like is a pattern', [['name', '=like', 'A%']], (p) => text(p.name).startsWith('A')],
		['=ilike is a pattern', [['email', '=ilike', 'INFO@%']], (p) => text(p.email).toLowerCase().startsWith('info@')],
		['ilike with _ wildcard', [['name', 'ilike', 'a_r']], (p) => /a.r/i.test(text(p.name))],
		['ilike "" also matches empty', [['email', 'ilike', '']], () => true],
		['in', [['id', 'in', [1, 3, 8]]], (p) => [1, 3, 8].includes(p.id)],
		['in with false includes empty', [['parent_id', 'in', [false, 12]]], (p) => p.parent_id === false || id(p.parent_id) === 12],
		['not in keeps empty', [['parent_id', 'not in', [12]]], (p) => id(p.parent_id) !== 12],
		['in []', [['id', 'in', []]], () => false],
		['many2one = text uses name_search', [['country_id', '=', 'Belgium']], (p) => p.country_id !== false && p.country_id[1] === 'Belgium'],
		['many2one ilike text', [['country_id', 'ilike', 'united']], (p) => p.country_id !== false && /united/i.test(p.country_id[1])],
		['many2many = id', [['category_id', '=', 1]], (p) => p.category_id.includes(1)],
		['many2many in ids', [['category_id', 'in', [1, 2]]], (p) => p.category_id.some((tag) => tag === 1 || tag === 2)],
		['many2many = false', [['category_id', '=', false]], (p) => p.category_id.length === 0],
		['many2many not in', [['category_id', 'not in', [1]]], (p) => !p.category_id.includes(1)],
		['boolean = false', [['is_company', '=', false]], (p) => !p.is_company],
		['boolean != true', [['is_company', '!=', true]], (p) => !p.is_company],
		['in with a boolean becomes =', [['is_company', 'in', true]], (p) => p.is_company],
		['datetime compared with a bare date', [['create_date', '>=', '2026-01-01']], (p) => p.create_date !== false && p.create_date >= '2026-01-01 00:00:00'],
	])('%s', async (_name, domain, keep) => {
		expect(await search(domain)).toEqual(expected(keep));
	});
});

describe('like and not ilike', () => {
	const byName = (name: string) => (partners.find((p) => p.name === name) as Partner).id;

	test('like is case-sensitive: "Agro" finds Agrolait, not AGROLAIT SUPPLY (which ilike finds)', async () => {
		const found = await search([['name', 'like', 'Agro']]);
		expect(found).toContain(byName('Agrolait'));
		expect(found).not.toContain(shouting);
		expect(found).toEqual(expected((p) => text(p.name).includes('Agro')));
		expect(await search([['name', 'ilike', 'agro']])).toEqual(expect.arrayContaining([byName('Agrolait'), shouting]));
	});

	test('not ilike keeps the other emails and leaves out the text in any case, and the empty ones', async () => {
		const withoutEmail = (await admin.callKw('res.partner', 'create', [{ name: 'No Email' }])) as number;
		const found = await search([['email', 'not ilike', 'info@']]);
		expect(found).toContain(byName('Edward Foster'));
		expect(found).not.toContain(byName('Agrolait'));
		expect(found).not.toContain(shouting);
		expect(found).not.toContain(withoutEmail);
		expect(found).toEqual(expected((p) => p.email !== false && !p.email.toLowerCase().includes('info@')));
	});
});

describe('prefix operators and paths', () => {
	test('implicit AND, | and ! combine as in Odoo', async () => {
		const belgian = (p: Partner) => p.country_id !== false && p.country_id[1] === 'Belgium';
		expect(await search([['is_company', '=', true], ['country_id.code', '=', 'BE']])).toEqual(expected((p) => p.is_company && belgian(p)));
		expect(await search(['|', ['is_company', '=', true], ['country_id.code', '=', 'BE']])).toEqual(expected((p) => p.is_company || belgian(p)));
		expect(await search(['!', ['is_company', '=', true]])).toEqual(expected((p) => !p.is_company));
		expect(await search(['&', '!', ['is_company', '=', true], '|', ['email', 'ilike', 'edward'], ['name', 'ilike', 'edward']])).toEqual(
			expected((p) => !p.is_company && (/edward/i.test(text(p.email)) || /edward/i.test(text(p.name)))),
		);
	});

	test('dotted paths follow many2one chains', async () => {
		const byCountry = (p: Partner) => (p.parent_id === false ? undefined : partners.find((parent) => parent.id === id(p.parent_id)));
		const result = await search([['parent_id.country_id.code', '=', 'BE']]);
		expect(result).toEqual(expected((p) => {
			const parent = byCountry(p);
			return parent !== undefined && parent.country_id !== false && countryCodes.get(parent.country_id[0]) === 'BE';
		}));
		expect(result.length).toBeGreaterThan(0);
	});

	test('dotted paths through x2many match when any related record does', async () => {
		const companies = await search([['child_ids.name', 'ilike', 'edward foster']]);
		expect(companies).toEqual(expected((p) => partners.some((child) => id(child.parent_id) === p.id && child.active && /edward foster/i.test(text(child.name)))));
		const orders = (await admin.callKw('sale.order', 'search', [[['order_line.product_id.default_code', '=', 'FURN_8220']]])) as number[];
		const lines = (await admin.callKw('sale.order.line', 'search_read', [[['product_id.default_code', '=', 'FURN_8220']]], { fields: ['order_id'] })) as { order_id: [number, string] }[];
		expect(orders.sort((a, b) => a - b)).toEqual([...new Set(lines.map((line) => line.order_id[0]))].sort((a, b) => a - b));
	});

	test('child_of and parent_of walk parent_id', async () => {
		expect(await search([['id', 'child_of', 12]])).toEqual(expected((p) => p.id === 12 || id(p.parent_id) === 12));
		const child = partners.find((p) => id(p.parent_id) === 12 && p.active) as Partner;
		expect(await search([['id', 'parent_of', child.id]])).toEqual([12, child.id].sort((a, b) => a - b));
		expect(await search([['parent_id', 'child_of', 'Agrolait']])).toEqual(expected((p) => id(p.parent_id) === 12));
	});

	test('TRUE and FALSE leaves', async () => {
		expect(await search([[1, '=', 1]])).toEqual(expected(() => true));
		expect(await search([[0, '=', 1]])).toEqual([]);
	});
});

test('an unset number is NULL: it reads as 0 but matches no comparison, as in SQL', async () => {
	const contact = partners.find((p) => !p.is_company && p.active) as Partner;
	expect(contact.credit_limit).toBe(0);
	expect(await search([['id', '=', contact.id], ['credit_limit', '<', 6000]])).toEqual([]);
	expect(await search([['id', '=', contact.id], ['credit_limit', '=', false]])).toEqual([contact.id]);
});

describe('archived records', () => {
	test('are hidden unless the domain names active or active_test is false', async () => {
		const archived = expected((p) => !p.active, true);
		expect(archived.length).toBeGreaterThan(0);
		expect(await search([])).toEqual(expected(() => true));
		expect(await search([['active', '=', false]])).toEqual(archived);
		expect(await search([], { active_test: false })).toEqual(expected(() => true, true));
	});

	test('read still returns an archived record by id', async () => {
		const [archivedId] = expected((p) => !p.active, true);
		expect(await admin.callKw('res.partner', 'read', [[archivedId], ['active']])).toEqual([{ id: archivedId, active: false }]);
	});
});

describe('bad domains', () => {
	test('an unknown field is the ValueError of capture 13', async () => {
		const error = await admin.failure('res.partner', 'search', [[['nope', 'ilike', "it's"]]]);
		// Python's repr of a text holding both quote kinds: single quotes, escaped.
		expect(error.data.message).toBe(`Invalid field 'nope' in leaf '<osv.ExtendedLeaf: (\\'nope\\', \\'ilike\\', "it\\'s") on res_partner (ctx: )>'`);
	});

	test('an unknown field behind a dot names the comodel table', async () => {
		const error = await admin.failure('res.partner', 'search', [[['country_id.nope', '=', 1]]]);
		expect(error.data.message).toBe(`Invalid field 'nope' in leaf "<osv.ExtendedLeaf: ('nope', '=', 1) on res_country (ctx: )>"`);
	});

	test('an unknown operator is an invalid leaf; unbalanced operators an AssertionError', async () => {
		expect((await admin.failure('res.partner', 'search', [[['name', 'contains', 'x']]])).data.message).toBe("Invalid leaf ['name', 'contains', 'x']");
		const unbalanced = await admin.failure('res.partner', 'search', [['|', ['name', '=', 'x']]]);
		expect(unbalanced.data).toMatchObject({ name: 'builtins.AssertionError', message: "This domain is syntactically not correct: [('active', '=', 1), '|', ['name', '=', 'x']]" });
	});
});
