import type { IDataObject } from 'n8n-workflow';

import { afterItems, packageNode } from '../harness';
import { cloudOffixHarness, mappedColumns, useCloudOffixSandbox } from './sandbox';

const sandbox = useCloudOffixSandbox();
const lead = { mode: 'name', value: 'crm.lead' };

function node(parameters: IDataObject, extra: IDataObject = {}) {
	return packageNode('cloudOffix', { resource: 'record', model: lead, fieldsMode: 'map', ...parameters }, { cloudOffixApi: 'co-1' }, extra);
}

const readLead = (id: unknown, fields: string[]) =>
	node({ operation: 'get', recordId: { mode: 'id', value: String(id) }, options: { fields, simplify: false } });

describe('CloudOffix resource mapper at run time', () => {
	it('creates from mapped fields, converting each to its Odoo type, and leaves untouched fields out', async () => {
		const harness = cloudOffixHarness(sandbox());
		const columns = await mappedColumns(harness, 'crm.lead', 'create', {
			name: '={{ $json.title }}',
			planned_revenue: '={{ $json.revenue }}',
			date_deadline: '2024-06-30',
			partner_id: '={{ $json.partner }}',
			tag_ids: '1,2',
			// Shown in the mapper but left empty: the editor saves null, and nothing is written (Odoo's default stays).
			probability: null,
		});
		const created = await harness.run(afterItems([{ title: 'Mapped lead', revenue: '1250.5', partner: 3 }], node({ operation: 'create', columns })));
		expect(created.error).toBeUndefined();
		const [{ id }] = created.json('cloudOffix');
		const read = await harness.run(afterItems([{}], readLead(id, ['name', 'planned_revenue', 'date_deadline', 'partner_id', 'tag_ids', 'probability', 'type'])));
		expect(read.json('cloudOffix')[0]).toMatchObject({
			name: 'Mapped lead',
			planned_revenue: 1250.5,
			date_deadline: '2024-06-30',
			partner_id: [3, expect.any(String)],
			tag_ids: [1, 2],
			probability: 10,
			type: 'lead',
		});
	});

	it('refuses a create that leaves a required field empty, before sending it', async () => {
		const harness = cloudOffixHarness(sandbox());
		const columns = await mappedColumns(harness, 'crm.lead', 'create', { name: null, planned_revenue: 5 });
		const result = await harness.run(afterItems([{}], node({ operation: 'create', columns })));
		expect(result.error?.message).toBe("Invalid input for 'name' [item 0]");
		expect(sandbox().stats.creates['crm.lead'] ?? 0).toBe(0);
	});

	it('names the item and the mapper when a mapped value does not fit its field', async () => {
		const harness = cloudOffixHarness(sandbox());
		const columns = await mappedColumns(harness, 'crm.lead', 'create', { name: 'x', partner_id: '={{ $json.partner }}' });
		const result = await harness.run(afterItems([{ partner: 'Agrolait' }], node({ operation: 'create', columns })));
		expect(result.error?.message).toBe('Item 0: Field "partner_id" (many2one) needs a record ID (a whole number above 0), not "Agrolait"');
		expect((result.error as unknown as { description: string }).description).toBe('Check the parameter "Fields". Nothing was sent for this item.');
		expect(sandbox().stats.creates['crm.lead'] ?? 0).toBe(0);
	});

	it('maps the input automatically: fields of the model are written, everything else is left out', async () => {
		const harness = cloudOffixHarness(sandbox());
		const input = { id: 999, name: 'Auto lead', email_from: 'auto@example.com', partner_id: 3, partner_id_name: 'Simplify companion', date_open: '2020-01-01 00:00:00', hubspot_id: 'x-77' };
		const columns = { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] };
		const created = await harness.run(afterItems([input], node({ operation: 'create', columns })));
		expect(created.error).toBeUndefined();
		const [{ id }] = created.json('cloudOffix');
		expect(id).not.toBe(999);
		const read = await harness.run(afterItems([{}], readLead(id, ['name', 'email_from', 'partner_id', 'date_open'])));
		expect(read.json('cloudOffix')[0]).toMatchObject({ name: 'Auto lead', email_from: 'auto@example.com', partner_id: [3, expect.any(String)], date_open: false });
	});

	it('updates only the mapped fields', async () => {
		const harness = cloudOffixHarness(sandbox());
		const created = await harness.run(afterItems([{}], node({ operation: 'create', fieldsMode: 'json', valuesJson: '{"name": "Keep me", "phone": "+90 555"}' })));
		const [{ id }] = created.json('cloudOffix');
		const columns = await mappedColumns(harness, 'crm.lead', 'update', { probability: 75, phone: null });
		const updated = await harness.run(afterItems([{}], node({ operation: 'update', recordId: { mode: 'id', value: String(id) }, columns })));
		expect(updated.json('cloudOffix')).toEqual([{ id, updated: true }]);
		const read = await harness.run(afterItems([{}], readLead(id, ['name', 'phone', 'probability'])));
		expect(read.json('cloudOffix')[0]).toEqual({ id, name: 'Keep me', phone: '+90 555', probability: 75 });
	});

	it('creates or updates on the fields to match on', async () => {
		const harness = cloudOffixHarness(sandbox());
		const columns = await mappedColumns(harness, 'crm.lead', 'upsert', { email_from: '={{ $json.email }}', name: '={{ $json.name }}' }, ['email_from']);
		const items = [
			{ email: 'same@example.com', name: 'First' },
			{ email: 'same@example.com', name: 'Second' },
			{ email: 'other@example.com', name: 'Third' },
		];
		const result = await harness.run(afterItems(items, node({ operation: 'upsert', columns })));
		const output = result.json('cloudOffix');
		expect(output.map((item) => item.action)).toEqual(['created', 'updated', 'created']);
		expect(output[1].id).toBe(output[0].id);
		expect(sandbox().stats.creates['crm.lead']).toBe(2);
	});

	it('refuses a create or update without fields to match on', async () => {
		const harness = cloudOffixHarness(sandbox());
		const columns = await mappedColumns(harness, 'crm.lead', 'upsert', { name: 'x' });
		const result = await harness.run(afterItems([{}], node({ operation: 'upsert', columns })));
		expect(result.error?.message).toBe('Item 0: Choose at least one field to match on');
		expect((result.error as unknown as { description: string }).description).toBe('Check the parameter "Fields". Nothing was sent for this item.');
	});
});
