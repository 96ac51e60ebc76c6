import { loggedInEachTest, useSandbox } from './helpers/sandbox';

/** Custom models and fields created through ir.model and ir.model.fields, usable at once, as Odoo 11 sets them up. */
const sandbox = useSandbox({ computedFieldCostMs: 0 });
const users = loggedInEachTest(sandbox);

type Row = Record<string, unknown>;

const modelId = async (model: string) => ((await users.admin.callKw('ir.model', 'search', [[['model', '=', model]]])) as number[])[0];
const createModel = async (vals: Row) => (await users.admin.callKw('ir.model', 'create', [{ name: 'Machine', model: 'x_machine', ...vals }])) as number;
const addField = async (model: string, vals: Row) => (await users.admin.callKw('ir.model.fields', 'create', [{ model_id: await modelId(model), ...vals }])) as number;

describe('custom models', () => {
	test('an x_ model is usable at once, with the magic fields and x_name', async () => {
		const id = await createModel({});
		expect(await users.admin.callKw('ir.model', 'read', [[id], ['state', 'model', 'name', 'transient']])).toEqual([{ id, state: 'manual', model: 'x_machine', name: 'Machine', transient: false }]);
		const fields = (await users.admin.callKw('x_machine', 'fields_get', [], { attributes: ['type', 'manual'] })) as Record<string, Row>;
		expect(fields).toEqual({
			id: { type: 'integer', manual: false },
			display_name: { type: 'char', manual: false },
			create_uid: { type: 'many2one', manual: false },
			create_date: { type: 'datetime', manual: false },
			write_uid: { type: 'many2one', manual: false },
			write_date: { type: 'datetime', manual: false },
			__last_update: { type: 'datetime', manual: false },
			x_name: { type: 'char', manual: true },
		});
		const reflected = (await users.admin.callKw('ir.model.fields', 'search_read', [[['model', '=', 'x_machine']]], { fields: ['name', 'state'] })) as Row[];
		expect(reflected.map((row) => `${String(row.name)}:${String(row.state)}`).sort()).toEqual(
			['__last_update:base', 'create_date:base', 'create_uid:base', 'display_name:base', 'id:base', 'write_date:base', 'write_uid:base', 'x_name:manual'].sort(),
		);
	});

	test('every ORM method works on it: create, read, search, write, name_get, name_search, load, unlink', async () => {
		await createModel({});
		const first = (await users.admin.callKw('x_machine', 'create', [{ x_name: 'Press' }])) as number;
		const second = (await users.admin.callKw('x_machine', 'create', [{ x_name: 'Lathe' }])) as number;
		expect(await users.admin.callKw('x_machine', 'read', [[first], ['x_name', 'display_name', 'create_uid']])).toEqual([{ id: first, x_name: 'Press', display_name: 'Press', create_uid: [2, 'Administrator'] }]);
		expect(await users.admin.callKw('x_machine', 'search', [[['x_name', 'ilike', 'e']]])).toEqual([first, second]);
		expect(await users.admin.callKw('x_machine', 'write', [[second], { x_name: 'Big Lathe' }])).toBe(true);
		expect(await users.admin.callKw('x_machine', 'name_get', [[second]])).toEqual([[second, 'Big Lathe']]);
		expect(await users.admin.callKw('x_machine', 'name_search', ['big'])).toEqual([[second, 'Big Lathe']]);
		const loaded = (await users.admin.callKw('x_machine', 'load', [['id', 'x_name'], [['plant.drill', 'Drill']]])) as { ids: number[] };
		expect(await users.admin.callKw('ir.model.data', 'xmlid_to_res_id', ['plant.drill'])).toBe(loaded.ids[0]);
		expect(await users.admin.callKw('x_machine', 'unlink', [[first]])).toBe(true);
		expect(await users.admin.callKw('x_machine', 'search_count', [[]])).toBe(2);
	});

	test('without x_name a record is named model,id; its custom fields come from ir.model.fields', async () => {
		await createModel({ field_id: [[0, 0, { name: 'x_serial', field_description: 'Serial', ttype: 'char', required: true }]] });
		const id = (await users.admin.callKw('x_machine', 'create', [{ x_serial: 'SN-1' }])) as number;
		expect(await users.admin.callKw('x_machine', 'name_get', [[id]])).toEqual([[id, `x_machine,${id}`]]);
		expect((await users.admin.failure('x_machine', 'create', [{}])).data.name).toBe('odoo.exceptions.ValidationError');
	});

	test('the name must start with x_ and be unique', async () => {
		const prefix = await users.admin.failure('ir.model', 'create', [{ name: 'Machine', model: 'machine' }]);
		expect([prefix.data.name, prefix.data.arguments[0]]).toEqual(['odoo.exceptions.ValidationError', "The model name must start with 'x_'."]);
		const bad = await users.admin.failure('ir.model', 'create', [{ name: 'Machine', model: 'x_Machine!' }]);
		expect(bad.data.arguments[0]).toBe('The model name can only contain lowercase characters, digits, underscores and dots.');
		await createModel({});
		expect((await users.admin.failure('ir.model', 'create', [{ name: 'Again', model: 'x_machine' }])).data.arguments[0]).toBe('Each model must be unique!');
		// Nothing of a failed create remains in the registry.
		expect((await users.admin.failure('machine', 'search', [[]])).data.name).toBe('builtins.KeyError');
	});

	test('unlinking the ir.model drops the model; the models of modules cannot be dropped', async () => {
		const id = await createModel({});
		await users.admin.callKw('x_machine', 'create', [{ x_name: 'Press' }]);
		expect(await users.admin.callKw('ir.model', 'unlink', [[id]])).toBe(true);
		expect((await users.admin.failure('x_machine', 'search', [[]])).data.name).toBe('builtins.KeyError');
		expect(await users.admin.callKw('ir.model.fields', 'search_count', [[['model', '=', 'x_machine']]])).toBe(0);
		expect((await users.admin.failure('ir.model', 'unlink', [[await modelId('crm.lead')]])).data.arguments[0]).toBe("Model 'Lead/Opportunity' contains module data and cannot be removed!");
	});

	test('a model created in a call that then fails is gone with the call', async () => {
		const error = await users.admin.failure('ir.model', 'create', [{ name: 'Machine', model: 'x_machine', field_id: [[0, 0, { name: 'bad_name', field_description: 'Bad', ttype: 'char' }]] }]);
		expect(error.data.arguments[0]).toBe("Custom fields must have a name that starts with 'x_' !");
		expect((await users.admin.failure('x_machine', 'search', [[]])).data.name).toBe('builtins.KeyError');
		expect(await users.admin.callKw('ir.model', 'search_count', [[['model', '=', 'x_machine']]])).toBe(0);
	});

	test('name_create infers the technical name', async () => {
		const [id, name] = (await users.admin.callKw('ir.model', 'name_create', ['Spare Part'])) as [number, string];
		expect(name).toBe('Spare Part');
		expect(await users.admin.callKw('ir.model', 'read', [[id], ['model']])).toEqual([{ id, model: 'x_spare_part' }]);
		expect(await users.admin.callKw('x_spare_part', 'search', [[]])).toEqual([]);
	});

	test('nobody but the administrator reaches a custom model: it has no access rule', async () => {
		await createModel({});
		const error = await users.demo.failure('x_machine', 'search_read', [[]]);
		expect(error.data.arguments[0]).toBe(
			'Sorry, you are not allowed to access this document. Please contact your system administrator if you think this is an error.\n\n(Document model: x_machine) - (Operation: read, User: 6)',
		);
		expect(await users.demo.callKw('ir.model.access', 'check', ['x_machine', 'read', false])).toBe(false);
		expect(await users.admin.callKw('ir.model.access', 'check', ['x_machine', 'unlink'])).toBe(true);
	});
});

describe('custom fields', () => {
	test('an x_ field on res.partner is usable at once: fields_get, create, read, search, write, load', async () => {
		await addField('res.partner', { name: 'x_rating', field_description: 'Rating', ttype: 'integer' });
		await addField('res.partner', { name: 'x_tier', field_description: 'Tier', ttype: 'selection', selection: "[('gold','Gold'),('silver','Silver')]" });
		const fields = (await users.admin.callKw('res.partner', 'fields_get', [['x_rating', 'x_tier']], { attributes: ['type', 'string', 'manual', 'selection'] })) as Record<string, Row>;
		expect(fields).toEqual({
			x_rating: { type: 'integer', string: 'Rating', manual: true },
			x_tier: { type: 'selection', string: 'Tier', manual: true, selection: [['gold', 'Gold'], ['silver', 'Silver']] },
		});
		const id = (await users.admin.callKw('res.partner', 'create', [{ name: 'Rated', x_rating: 4, x_tier: 'gold' }])) as number;
		expect(await users.admin.callKw('res.partner', 'read', [[id, 12], ['x_rating', 'x_tier']])).toEqual([
			{ id, x_rating: 4, x_tier: 'gold' },
			{ id: 12, x_rating: 0, x_tier: false },
		]);
		expect(await users.admin.callKw('res.partner', 'search', [[['x_tier', '=', 'gold']]])).toEqual([id]);
		await users.admin.callKw('res.partner', 'write', [[12], { x_tier: 'silver' }]);
		expect((await users.admin.failure('res.partner', 'write', [[12], { x_tier: 'bronze' }])).data.message).toBe("Wrong value for res.partner.x_tier: 'bronze'");
		const loaded = (await users.admin.callKw('res.partner', 'load', [['name', 'x_tier'], [['Loaded', 'Silver']]])) as { ids: number[] };
		expect(await users.admin.callKw('res.partner', 'read', [loaded.ids, ['x_tier']])).toEqual([{ id: loaded.ids[0], x_tier: 'silver' }]);
	});

	test('every simple type, and a many2one with its relation', async () => {
		await createModel({});
		const types: [string, Row][] = [
			['x_note', { ttype: 'text' }],
			['x_weight', { ttype: 'float' }],
			['x_active', { ttype: 'boolean' }],
			['x_bought', { ttype: 'date' }],
			['x_checked', { ttype: 'datetime' }],
			['x_partner_id', { ttype: 'many2one', relation: 'res.partner' }],
		];
		for (const [name, vals] of types) await addField('x_machine', { name, field_description: name, ...vals });
		const id = (await users.admin.callKw('x_machine', 'create', [{ x_name: 'Press', x_note: 'heavy', x_weight: 1.5, x_active: true, x_bought: '2026-01-02', x_checked: '2026-01-02 10:00:00', x_partner_id: 12 }])) as number;
		expect(await users.admin.callKw('x_machine', 'read', [[id], types.map(([name]) => name)])).toEqual([
			{ id, x_note: 'heavy', x_weight: 1.5, x_active: true, x_bought: '2026-01-02', x_checked: '2026-01-02 10:00:00', x_partner_id: [12, 'Agrolait'] },
		]);
		expect(await users.admin.callKw('x_machine', 'search', [[['x_partner_id.name', '=', 'Agrolait']]])).toEqual([id]);
	});

	test('errors as Odoo 11 words them: the x_ prefix, an unknown relation, a missing or malformed selection, duplicates', async () => {
		const prefix = await users.admin.failure('ir.model.fields', 'create', [{ model_id: await modelId('res.partner'), name: 'rating', field_description: 'Rating', ttype: 'integer' }]);
		expect([prefix.data.name, prefix.data.arguments[0]]).toEqual(['odoo.exceptions.ValidationError', "Custom fields must have a name that starts with 'x_' !"]);
		const relation = await users.admin.failure('ir.model.fields', 'create', [{ model_id: await modelId('res.partner'), name: 'x_thing_id', field_description: 'Thing', ttype: 'many2one', relation: 'no.such.model' }]);
		expect([relation.data.name, relation.data.arguments[0]]).toEqual(['odoo.exceptions.UserError', 'Model no.such.model does not exist!']);
		const noOptions = await users.admin.failure('ir.model.fields', 'create', [{ model_id: await modelId('res.partner'), name: 'x_tier', field_description: 'Tier', ttype: 'selection' }]);
		expect(noOptions.data.arguments[0]).toBe('For selection fields, the Selection Options must be given!');
		const malformed = await users.admin.failure('ir.model.fields', 'create', [{ model_id: await modelId('res.partner'), name: 'x_tier', field_description: 'Tier', ttype: 'selection', selection: "['gold']" }]);
		expect(malformed.data.arguments[0]).toBe("The Selection Options expression is not a valid Pythonic expression. Please provide an expression in the [('key','Label'), ...] format.");
		await addField('res.partner', { name: 'x_rating', field_description: 'Rating', ttype: 'integer' });
		expect((await users.admin.failure('ir.model.fields', 'create', [{ model_id: await modelId('res.partner'), name: 'x_rating', field_description: 'Again', ttype: 'char' }])).data.arguments[0]).toBe(
			'Field names must be unique per model.',
		);
		// None of the failed fields exists.
		expect(Object.keys((await users.admin.callKw('res.partner', 'fields_get', [['rating', 'x_thing_id', 'x_tier', 'x_rating']])) as Row)).toEqual(['x_rating']);
	});

	test('a custom field can be renamed and removed; base fields cannot', async () => {
		const field = await addField('res.partner', { name: 'x_rating', field_description: 'Rating', ttype: 'integer' });
		await users.admin.callKw('res.partner', 'write', [[12], { x_rating: 5 }]);
		await users.admin.callKw('ir.model.fields', 'write', [[field], { name: 'x_score', field_description: 'Score' }]);
		expect(await users.admin.callKw('res.partner', 'read', [[12], ['x_score']])).toEqual([{ id: 12, x_score: 5 }]);
		expect(await users.admin.callKw('res.partner', 'fields_get', [['x_score', 'x_rating']], { attributes: ['string'] })).toEqual({ x_score: { string: 'Score' } });
		await users.admin.callKw('ir.model.fields', 'unlink', [[field]]);
		expect(await users.admin.callKw('res.partner', 'fields_get', [['x_score']])).toEqual({});
		const [base] = (await users.admin.callKw('ir.model.fields', 'search', [[['model', '=', 'res.partner'], ['name', '=', 'email']]])) as number[];
		expect((await users.admin.failure('ir.model.fields', 'unlink', [[base]])).data.arguments[0]).toBe('This column contains module data and cannot be removed!');
		expect((await users.admin.failure('ir.model.fields', 'write', [[base], { field_description: 'Mail' }])).data.arguments[0]).toBe(
			'Properties of base fields cannot be altered in this manner! Please modify them through Python code, preferably through a custom addon!',
		);
	});
});

describe('ir.model.access.check', () => {
	test('True, False, or the AccessError of the access rules', async () => {
		expect(await users.demo.callKw('ir.model.access', 'check', ['res.partner'])).toBe(true);
		expect(await users.demo.callKw('ir.model.access', 'check', ['res.partner', 'write', false])).toBe(false);
		const error = await users.demo.failure('ir.model.access', 'check', ['res.partner', 'write']);
		expect(error.data.arguments[0]).toBe(
			'Sorry, you are not allowed to modify this document. Only users with the following access level are currently allowed to do that:\n- Extra Rights/Contact Creation\n\n(Document model: res.partner) - (Operation: write, User: 6)',
		);
		expect((await users.demo.failure('ir.model.access', 'check', ['res.partner', 'delete'])).data.message).toBe('Invalid access mode');
		expect(await users.admin.callKw('ir.model.access', 'check', ['ir.config_parameter', 'write'])).toBe(true);
	});
});
