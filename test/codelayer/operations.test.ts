import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS, type CatalogField, type Endpoint } from '../../nodes/Codelayer/catalog';
import { afterItems } from '../harness';
import { codelayer, codelayerHarness, useCodelayerSandbox } from './harness';

const sandbox = useCodelayerSandbox();

/**
 * Values the sandbox's day accepts where the documentation's samples name records it does not have:
 * Stock Transfer's custcode is a salesman's code (Route → Get Salesmen), and the licence operations take
 * the app and client IDs the licence server knows.
 */
const DAY = { gp_fyear: '4_19', gpno_fyear: '4_19' };
const DEVICE = 'GB_routes_C35EAF1416256520A00BCDB138F48EFC08AE7B18';
const OVERRIDES: Record<string, IDataObject> = {
	'sales/stock_transfer': { ...DAY, custcode: 15 },
	'sales/update_shop_details': { custcode: 359 },
	'sales/get_notifications': { deviceid: DEVICE },
	'sales/update_notifications': { deviceid: DEVICE, entryId: '1', seenStatus: 'T' },
	'sales/sales_closing': DAY,
	'sales/route_closing': DAY,
};

function overrides(endpoint: Endpoint): IDataObject {
	if (endpoint.server === 'license') return { appID: sandbox().licence.appID, clientID: sandbox().licence.clientID };
	return { ...DAY, ...OVERRIDES[endpoint.path] };
}

/** Lists a fresh day holds nothing in: the operation that fills them runs first, in the same workflow. */
const FILLED_BY: Record<string, string> = {
	'sales/route_report': 'sales/route_save',
	'sales/route_salesdetails': 'sales/route_save',
	'sales/route_returndetails': 'sales/route_return',
};

/** A value a user would type for a field, from the documentation's sample. */
function sampleValue(field: CatalogField): unknown {
	if (field.format === 'datetime') return '';
	if (field.type === 'integer' || field.type === 'decimal') return Number(field.sample ?? field.min ?? 1);
	return field.sample ?? (field.min ? 'x'.repeat(field.min) : 'text');
}

/** Parameters filling every field of an endpoint the way the editor stores them. */
function parametersOf(endpoint: Endpoint): IDataObject {
	const parameters: IDataObject = {};
	const additional: IDataObject = {};
	const forced = overrides(endpoint);
	for (const field of endpoint.request) {
		if (field.type === 'array') {
			const row = Object.fromEntries((field.fields ?? []).map((rowField) => [rowField.name, sampleValue(rowField)]));
			parameters[field.name] = { row: [row] };
			continue;
		}
		const value = forced[field.name] ?? sampleValue(field);
		if (field.mandatory && !field.emptyAllowed) parameters[field.name] = value as IDataObject[string];
		else additional[field.name] = value as IDataObject[string];
	}
	return { ...parameters, additionalFields: additional };
}

/** Operations that end the day or change what later ones see run last, in this order. */
const LAST = ['sales/sales_closing', 'sales/route_closing'];
const ORDERED = [...ENDPOINTS].sort((a, b) => LAST.indexOf(a.path) - LAST.indexOf(b.path));

describe('Codelayer: every operation against the sandbox', () => {
	it.each(ORDERED.map((endpoint) => [`${endpoint.resource} → ${endpoint.displayName}`, endpoint] as const))('%s', async (_, endpoint) => {
		const harness = codelayerHarness(sandbox());
		const filler = ENDPOINTS.find((candidate) => candidate.path === FILLED_BY[endpoint.path]);
		const first = filler ? [codelayer(filler.resource, filler.operation, parametersOf(filler), { name: 'Fill' })] : [];
		const result = await harness.run(afterItems([{}], ...first, codelayer(endpoint.resource, endpoint.operation, parametersOf(endpoint))));
		expect({ error: result.error?.message, refusals: sandbox().stats.refusals }).toEqual({ error: undefined, refusals: [] });
		const items = result.output('codelayer');
		const documented = Object.keys(endpoint.response);
		if (endpoint.listField) {
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) expect(Object.keys(item.json).sort()).toEqual(expect.arrayContaining(documented.sort()));
		} else if (endpoint.fromCredential) {
			expect(items.map((item) => item.json)).toEqual([{ authenticated: true, features: '2,3' }]);
		} else {
			expect(items).toHaveLength(1);
			expect(Object.keys(items[0].json).sort()).toEqual(expect.arrayContaining(documented));
		}
		for (const item of items) {
			expect(item.pairedItem).toEqual({ item: 0 });
			// The envelope stays inside the node, and so does any key.
			expect(item.json).not.toHaveProperty('e');
			expect(item.json).not.toHaveProperty('key');
		}
		expect(sandbox().stats.requests[endpoint.path]).toBe(1);
		expect(sandbox().stats.logins).toBe(endpoint.sendsKey || endpoint.fromCredential ? 1 : 0);
		expect(sandbox().stats.rejected).toBe(0);
	});
});
