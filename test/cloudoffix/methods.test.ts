import { CloudOffix } from '../../nodes/CloudOffix/CloudOffix.node';
import { packageNode } from '../harness';
import { recordingMethods } from '../harness/secrets';
import { cloudOffixHarness, useCloudOffixSandbox } from './sandbox';

const sandbox = useCloudOffixSandbox();
// What the methods return or throw goes to the suite's secrets check too.
const { listSearch, loadOptions, resourceMapping } = recordingMethods(new CloudOffix().methods);

function editing(model: string, operation = 'create', data: Record<string, unknown> = {}) {
	const harness = cloudOffixHarness(sandbox(), data);
	const node = packageNode('cloudOffix', { resource: 'record', operation, model: { mode: 'list', value: model } }, { cloudOffixApi: 'co-1' });
	return harness.loadOptionsContext(node);
}

describe('CloudOffix editor lists', () => {
	it('searches models by technical name or label', async () => {
		const { results } = await listSearch.searchModels.call(editing(''), 'partner');
		expect(results.map((r) => r.value)).toContain('res.partner');
		expect(results.every((r) => /partner/i.test(String(r.name)))).toBe(true);
	});

	it('searches records of the chosen model by display name', async () => {
		const { results } = await listSearch.searchRecords.call(editing('res.country'), 'Belg');
		expect(results).toEqual([{ name: 'Belgium (#1)', value: '1' }]);
	});

	it('lists fields with label, type, required and comodel', async () => {
		const all = await loadOptions.getFieldNames.call(editing('crm.lead'));
		expect(all.find((option) => option.value === 'name')).toEqual({ name: 'Opportunity (name)', value: 'name', description: 'char, required' });
		expect(all.find((option) => option.value === 'partner_id')).toEqual({ name: 'Customer (partner_id)', value: 'partner_id', description: 'many2one, res.partner' });
		expect(all.map((o) => o.value)).toEqual(expect.arrayContaining(['create_date', 'date_open']));
	});

	it('lists only the stored numeric fields for Aggregate to total', async () => {
		const numeric = (await loadOptions.getNumericFieldNames.call(editing('crm.lead'))).map((option) => option.value);
		expect(numeric).toEqual(expect.arrayContaining(['planned_revenue', 'probability', 'color']));
		// Text, relations and counts Odoo computes on every read cannot be totalled by read_group.
		for (const other of ['name', 'partner_id', 'meeting_count']) expect(numeric).not.toContain(other);
	});
});

describe('CloudOffix resource mapper', () => {
	it('offers the writable fields of the model, typed, with only required fields without a default marked', async () => {
		const { fields } = await resourceMapping.getMappingColumns.call(editing('crm.lead'));
		const byId = new Map(fields.map((field) => [field.id, field]));
		// Read-only fields (magic fields, date_open) are not offered at all.
		for (const readOnly of ['id', 'create_date', 'write_date', 'date_open', '__last_update']) expect(byId.has(readOnly)).toBe(false);
		expect(byId.get('name')).toMatchObject({ displayName: 'Opportunity (name)', type: 'string', required: true, removed: false, display: true, canBeUsedToMatch: true });
		// type is required too, but Odoo fills it in ("lead") when it is left out.
		expect(byId.get('type')).toMatchObject({ type: 'options', required: false, removed: true, options: [{ name: 'Lead', value: 'lead' }, { name: 'Opportunity', value: 'opportunity' }] });
		expect(byId.get('planned_revenue')).toMatchObject({ type: 'number', required: false });
		expect(byId.get('date_deadline')).toMatchObject({ type: 'dateTime' });
		expect(byId.get('active')).toMatchObject({ type: 'boolean' });
		// Relational fields take what the node converts (an id, "1,2,3", command tuples), so they are text.
		expect(byId.get('partner_id')).toMatchObject({ type: 'string', canBeUsedToMatch: true });
		expect(byId.get('tag_ids')).toMatchObject({ type: 'string', canBeUsedToMatch: false });
		expect(fields.filter((field) => field.required).map((field) => field.id)).toEqual(['name']);
	});

	it("starts a Create's fields at Odoo's defaults, except dates and empty values", async () => {
		const { fields } = await resourceMapping.getMappingColumns.call(editing('crm.lead'));
		const defaultOf = (id: string) => fields.find((field) => field.id === id)?.defaultValue;
		expect(defaultOf('active')).toBe(true);
		expect(defaultOf('probability')).toBe(10);
		expect(defaultOf('type')).toBe('lead');
		// A many2one default (the current user, uid 2) as the text the field takes.
		expect(defaultOf('user_id')).toBe('2');
		for (const none of ['name', 'partner_id', 'date_deadline', 'tag_ids']) expect(defaultOf(none)).toBeUndefined();
	});

	it('marks no field required when updating', async () => {
		const { fields } = await resourceMapping.getMappingColumns.call(editing('crm.lead', 'update'));
		expect(fields.find((field) => field.id === 'name')).toMatchObject({ required: false, removed: true });
		expect(fields.filter((field) => field.defaultValue !== undefined)).toEqual([]);
		expect(sandbox().stats.calls['crm.lead.default_get'] ?? 0).toBe(0);
	});

	it('says so when the user may write nothing, and asks for a model first', async () => {
		const demo = await resourceMapping.getMappingColumns.call(editing('res.partner', 'create', { login: 'demo', password: 'demo' }));
		expect(demo).toEqual({ fields: [], emptyFieldsNotice: 'This user may not write any field of res.partner' });
		expect(await resourceMapping.getMappingColumns.call(editing(''))).toEqual({ fields: [], emptyFieldsNotice: 'Choose a model first' });
	});
});
