import { ENDPOINTS, endpointOf, type Endpoint, type FieldType } from '../../../nodes/Codelayer/catalog';
import { header } from '../helpers/http';
import { validBody } from './helpers/bodies';
import { REFERENCES } from './helpers/references';
import { CodelayerClient, SUCCESS, UNAUTHORIZED, useCodelayerSandbox, type Answer } from './helpers/sandbox';

/**
 * Every endpoint of the catalog, driven from the catalog itself: a new entry is covered without a line here.
 * Bodies are each field's sample (or a valid value of its type), answers are checked against the catalog's
 * response field names and Codelayer's wire rules.
 */

const sandbox = useCodelayerSandbox();
const device = new CodelayerClient(sandbox);

const bodyOf = (endpoint: Endpoint) => ({ ...validBody(endpoint), ...REFERENCES[endpoint.path] });
const named = (endpoints: readonly Endpoint[]) => endpoints.map((endpoint) => [`${endpoint.server} ${endpoint.path}`, endpoint] as const);

/** Every value in the payload is a string, down to the rows of rows. */
function nonStrings(value: unknown, at: string): string[] {
	if (typeof value === 'string') return [];
	if (Array.isArray(value)) return value.flatMap((item, index) => nonStrings(item, `${at}[${index}]`));
	if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => nonStrings(item, `${at}.${key}`));
	return [`${at} = ${JSON.stringify(value)}`];
}

/** A documented type as text: whole numbers and decimals as their digits, arrays as rows; "" is any type's empty value. */
const WIRE_FORMS: Record<FieldType, (value: unknown) => boolean> = {
	string: (value) => typeof value === 'string',
	character: (value) => typeof value === 'string' && value.length <= 1,
	integer: (value) => typeof value === 'string' && /^(-?\d+)?$/.test(value),
	decimal: (value) => typeof value === 'string' && /^(-?\d+(\.\d+)?)?$/.test(value),
	array: (value) => Array.isArray(value),
};

function mistyped(record: Record<string, unknown>, types: Record<string, FieldType>): string[] {
	return Object.entries(types)
		.filter(([name, type]) => !WIRE_FORMS[type](record[name]))
		.map(([name, type]) => `${name} (${type}) = ${JSON.stringify(record[name])}`);
}

function payloadOf(answer: Answer): Answer {
	return Object.fromEntries(Object.entries(answer).filter(([name]) => name !== 'e' && name !== 'msg'));
}

beforeEach(async () => {
	await device.login();
	// A sale and a return, so that the day's lists (report, sales details, returns) have rows to show.
	for (const [resource, operation] of [
		['sale', 'create'],
		['return', 'create'],
	]) {
		const endpoint = endpointOf(resource, operation);
		if (!endpoint) throw new Error(`no ${resource} ${operation} in the catalog`);
		expect(await device.call(endpoint.path, bodyOf(endpoint))).toMatchObject(SUCCESS);
	}
});

test('the catalog has the 31 endpoints the sandbox serves', () => {
	expect(ENDPOINTS).toHaveLength(31);
	expect(ENDPOINTS.filter((endpoint) => endpoint.server === 'license').map((endpoint) => endpoint.path)).toEqual(['system/license', 'system/register_device']);
});

describe.each(named(ENDPOINTS))('%s', (_name, endpoint) => {
	test('answers its documented envelope and fields, every value a string', async () => {
		const response = await device.raw(endpoint.path, bodyOf(endpoint));
		expect(response.status).toBe(200);
		expect(header(response, 'content-type')).toBe('application/json');
		const answer = JSON.parse(response.text) as Answer;
		expect(answer).toMatchObject(SUCCESS);
		// e and msg come beside the payload, after it, as in every sample.
		expect(Object.keys(answer).slice(-2)).toEqual(['e', 'msg']);
		const payload = payloadOf(answer);
		expect(nonStrings(payload, endpoint.listField ?? 'answer')).toEqual([]);
		if (endpoint.listField) {
			expect(Object.keys(payload)).toEqual([endpoint.listField]);
			const rows = payload[endpoint.listField] as Array<Record<string, unknown>>;
			expect(rows.length).toBeGreaterThan(0);
			for (const row of rows) {
				expect(Object.keys(row)).toEqual(Object.keys(endpoint.response));
				expect(mistyped(row, endpoint.response)).toEqual([]);
			}
		} else {
			expect(Object.keys(payload)).toEqual(Object.keys(endpoint.response));
			expect(mistyped(payload, endpoint.response)).toEqual([]);
		}
	});

	test('is counted under its path', async () => {
		const before = sandbox().stats.requests[endpoint.path] ?? 0;
		await device.call(endpoint.path, bodyOf(endpoint));
		expect(sandbox().stats.requests[endpoint.path]).toBe(before + 1);
	});

	test('is not served by the other server (the framework’s HTML 404 there)', async () => {
		const other = endpoint.server === 'api' ? sandbox().licenseUrl : sandbox().url;
		const response = await fetch(`${other}/${endpoint.path}`, { method: 'POST', body: JSON.stringify({ key: device.key, ...bodyOf(endpoint) }) });
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
		expect(await response.text()).toContain('<title>404 Page Not Found</title>');
	});
});

describe.each(named(ENDPOINTS.filter((endpoint) => endpoint.sendsKey)))('%s, keyed', (_name, endpoint) => {
	test('refuses a body without a key, or with a key the server never issued, as e 401, and counts it', async () => {
		const stranger = new CodelayerClient(sandbox);
		expect(await stranger.call(endpoint.path, bodyOf(endpoint))).toEqual(UNAUTHORIZED);
		// A well-formed key, 32 letters and digits, that the server never issued.
		const neverIssued = 'Q7'.repeat(16);
		expect(await stranger.call(endpoint.path, { ...bodyOf(endpoint), key: neverIssued })).toEqual(UNAUTHORIZED);
		expect(sandbox().stats.unauthorized).toBe(2);
		expect(sandbox().stats.refusals.map((refusal) => [refusal.path, refusal.e])).toEqual([
			[endpoint.path, 401],
			[endpoint.path, 401],
		]);
	});
});

describe.each(named(ENDPOINTS.filter((endpoint) => !endpoint.sendsKey)))('%s, without a key', (_name, endpoint) => {
	test('needs no key', async () => {
		expect(await new CodelayerClient(sandbox).call(endpoint.path, bodyOf(endpoint))).toMatchObject(SUCCESS);
	});
});
