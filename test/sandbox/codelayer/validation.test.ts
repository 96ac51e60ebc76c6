import { ENDPOINTS, endpointOf, type CatalogField, type Endpoint } from '../../../nodes/Codelayer/catalog';
import { validBody, validValue } from './helpers/bodies';
import { REFERENCES } from './helpers/references';
import { BAD_REQUEST, CodelayerClient, SUCCESS, useCodelayerSandbox } from './helpers/sandbox';

/**
 * The sandbox refuses what the catalog refuses, field by field, as Codelayer does: `{"e":400,"msg":"Bad Request."}`,
 * counted as rejected, nothing done. The bad bodies are built from the catalog: a valid body with one field made
 * wrong (out of range, too long or short, not in its format, missing, rows wrong).
 */

const sandbox = useCodelayerSandbox();
const device = new CodelayerClient(sandbox);

beforeEach(() => device.login());

interface BadCase {
	/** The field's path as the refusal names it: 'sales[1].qty'. */
	field: string;
	what: string;
	/** Sets the bad value into a valid body (or removes the field). */
	apply(body: Record<string, unknown>): void;
}

/** Ways to make one field wrong, from what the catalog says of it. `enforced`: whether a missing value is refused. */
function wrongValues(field: CatalogField, enforced: boolean): Array<{ what: string; value: unknown }> {
	const wrong: Array<{ what: string; value: unknown }> = [];
	if (enforced && field.mandatory) {
		wrong.push({ what: 'missing', value: undefined });
		if (!field.emptyAllowed) wrong.push({ what: 'empty', value: '' });
	}
	switch (field.type) {
		case 'array':
			wrong.push({ what: 'not a list', value: 'rows' });
			if (field.min !== undefined && field.min > 0) wrong.push({ what: `fewer than ${field.min} rows`, value: [] });
			break;
		case 'integer':
		case 'decimal':
			wrong.push({ what: 'not a number', value: 'twelve' });
			if (field.type === 'integer') wrong.push({ what: 'not whole', value: '1.5' });
			if (field.min !== undefined) wrong.push({ what: `below ${field.min}`, value: String(field.min - 1) });
			if (field.max !== undefined) wrong.push({ what: `above ${field.max}`, value: String(field.max + 1) });
			break;
		case 'character':
			wrong.push({ what: 'two characters', value: 'CB' });
			break;
		default:
			wrong.push({ what: 'an object', value: { text: 'x' } });
			if (field.max !== undefined) wrong.push({ what: `longer than ${field.max}`, value: 'x'.repeat(field.max + 1) });
			if (field.min !== undefined && field.min > 1) wrong.push({ what: `shorter than ${field.min}`, value: 'x'.repeat(field.min - 1) });
			if (field.format) wrong.push({ what: `not a ${field.format}`, value: field.format === 'date' ? '03/11/2020' : '2021-01-03T07:06:08' });
	}
	return wrong;
}

function badCases(endpoint: Endpoint): BadCase[] {
	const cases: BadCase[] = [];
	for (const field of endpoint.request) {
		for (const { what, value } of wrongValues(field, endpoint.published)) {
			cases.push({ field: field.name, what, apply: (body) => (value === undefined ? delete body[field.name] : (body[field.name] = value)) });
		}
		// Rows are checked field by field, mandatory fields included, on every endpoint.
		for (const rowField of field.fields ?? []) {
			for (const { what, value } of wrongValues(rowField, true)) {
				cases.push({
					field: `${field.name}[1].${rowField.name}`,
					what,
					apply: (body) => {
						const row = { ...((validValue(field) as Array<Record<string, unknown>>)[0] ?? {}) };
						if (value === undefined) delete row[rowField.name];
						else row[rowField.name] = value;
						body[field.name] = [row];
					},
				});
			}
		}
	}
	return cases;
}

const withCases = ENDPOINTS.map((endpoint) => [`${endpoint.server} ${endpoint.path}`, endpoint, badCases(endpoint)] as const).filter(([, , cases]) => cases.length > 0);

test('every endpoint with request fields has wrong bodies to try', () => {
	const without = ENDPOINTS.filter((endpoint) => endpoint.request.length > 0 && badCases(endpoint).length === 0);
	expect(without).toEqual([]);
	expect(withCases.length).toBeGreaterThan(15);
});

describe.each(withCases)('%s', (_name, endpoint, cases) => {
	test(`refuses each wrong field as e 400 and counts it (${cases.length} bodies)`, async () => {
		const dayBefore = sandbox().day;
		const unexpected: string[] = [];
		for (const [index, wrong] of cases.entries()) {
			const body = { ...validBody(endpoint), ...REFERENCES[endpoint.path] };
			wrong.apply(body);
			const answer = await device.call(endpoint.path, body);
			const refusal = sandbox().stats.refusals.at(-1);
			const named = refusal?.reasons.some((reason) => reason.startsWith(`${wrong.field} `));
			if (JSON.stringify(answer) !== JSON.stringify(BAD_REQUEST) || sandbox().stats.rejected !== index + 1 || !named) {
				unexpected.push(`${wrong.field} ${wrong.what}: ${JSON.stringify(answer)}, refused for ${JSON.stringify(refusal?.reasons)}`);
			}
		}
		expect(unexpected).toEqual([]);
		expect(sandbox().day).toEqual(dayBefore);
		// And the valid body itself passes: what was refused was the one wrong field.
		expect(await device.call(endpoint.path, { ...validBody(endpoint), ...REFERENCES[endpoint.path] })).toMatchObject(SUCCESS);
	});
});

describe('bodies the API cannot read', () => {
	const report = endpointOf('sale', 'getReport')?.path ?? '';

	test.each([
		['not JSON', '{"key": '],
		['a JSON array', '[1, 2]'],
		['a JSON string', '"sales"'],
		['empty', ''],
	])('%s: e 400, counted', async (_what, text) => {
		const response = await device.raw(report, text);
		expect(response.status).toBe(200);
		expect(JSON.parse(response.text)).toEqual(BAD_REQUEST);
		expect(sandbox().stats.rejected).toBe(1);
		expect(sandbox().stats.refusals).toEqual([{ path: report, e: 400, reasons: ['the body is no JSON object'] }]);
	});

	test('a GET has no body: e 400', async () => {
		const response = await fetch(`${sandbox().url}/${report}`);
		expect(await response.json()).toEqual(BAD_REQUEST);
	});
});
