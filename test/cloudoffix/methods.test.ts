import { CloudOffix } from '../../nodes/CloudOffix/CloudOffix.node';
import { packageNode } from '../harness';
import { cloudOffixHarness, useCloudOffixSandbox } from './sandbox';

const sandbox = useCloudOffixSandbox();
const { listSearch, loadOptions } = new CloudOffix().methods;

function editing(model: string) {
	const harness = cloudOffixHarness(sandbox());
	const node = packageNode('cloudOffix', { resource: 'record', operation: 'create', model: { mode: 'list', value: model } }, { cloudOffixApi: 'co-1' });
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
		expect(results.length).toBeGreaterThan(0);
		expect(String(results[0].name)).toMatch(/Belg.*\(#\d+\)$/);
		expect(String(results[0].value)).toMatch(/^\d+$/);
	});

	it('lists fields with label, type and required, and only writable ones for writing', async () => {
		const context = editing('res.partner');
		const all = await loadOptions.getFieldNames.call(context);
		const writable = await loadOptions.getWritableFields.call(context);
		const name = all.find((option) => option.value === 'name');
		expect(name?.description).toMatch(/^char/);
		expect(all.map((o) => o.value)).toEqual(expect.arrayContaining(['create_date', 'name']));
		expect(writable.map((o) => o.value)).not.toContain('create_date');
		expect(writable.length).toBeLessThan(all.length);
	});
});
