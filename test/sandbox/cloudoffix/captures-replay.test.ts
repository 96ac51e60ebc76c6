import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCloudOffixSandbox, type CloudOffixSandbox } from '../../../sandbox/cloudoffix';
import { cookieSid, header, post } from './helpers/http';
import { JsonRpcClient, type Envelope } from './helpers/json-client';
import { xmlCall } from './helpers/xml-client';

/**
 * Replays the 68 exchanges recorded from a stock Odoo 11 server (test/fixtures/odoo11-captures) against the sandbox
 * started with db 'testdb', and checks each answer has the real one's shape: HTTP status, content type, cookie
 * behaviour, envelope keys, result types, error code / name / exception_type / message, and the traceback's last
 * line. Ids, timestamps and the rest of tracebacks are not compared. Where the sandbox's ids differ from that
 * server's (admin is uid 2 here, not 1; demo uid 6, not 5), ADAPTATIONS says so, capture by capture.
 */

const DIR = join(__dirname, '../../fixtures/odoo11-captures');

interface JsonCapture {
	request: { path: string; headers: Record<string, string>; body: string };
	response: { status_line: string; headers: Record<string, string>; body_json?: Envelope; body_text?: string };
}

interface XmlCapture {
	result: {
		ok?: unknown;
		fault?: { faultCode: number; faultString_head: string; faultString_tail: string };
		status?: number;
		headers?: Record<string, string>;
	};
}

interface Adaptation {
	/** Replacements in the request body sent to the sandbox. */
	request?: readonly (readonly [string, string])[];
	/** Replacements in the capture's texts (messages, tracebacks, fault strings) before comparing. */
	texts?: readonly (readonly [string, string])[];
	/** Keys the sandbox's result has beyond stock Odoo's. */
	extraKeys?: readonly string[];
}

/** CloudOffix's additions to session_info. */
const CLOUDOFFIX_SESSION_KEYS = ['mfa_login_needed', 'is_saas_client', 'expiration_datetime', 'trial', 'background_css'];
const SESSION_INFO: Adaptation = { extraKeys: CLOUDOFFIX_SESSION_KEYS };
const ADMIN_UID_2 = ['"testdb",1,', '"testdb",2,'] as const;

const ADAPTATIONS: Record<string, Adaptation> = {
	'02': SESSION_INFO,
	'03': SESSION_INFO,
	'18': SESSION_INFO,
	'20': SESSION_INFO,
	'26': SESSION_INFO,
	// The admin user is uid 2 in the sandbox (uid 1 is the inactive system user).
	'14': { request: [['"args":[[1]]', '"args":[[2]]']] },
	'15': { texts: [['User: 1)', 'User: 2)']] },
	'27': { request: [['"args":[[1],', '"args":[[2],']], texts: [['User: 5)', 'User: 6)']] },
	'28': { texts: [['User: 5)', 'User: 6)']] },
	'19': { texts: [['port 5433', 'port 5432']] },
	'50': { texts: [['port 5433', 'port 5432']] },
	'44': { request: [ADMIN_UID_2] },
	'45': { request: [['"testdb",1,"WRONG"', '"testdb",2,"WRONG"']] },
	'46': { request: [ADMIN_UID_2] },
	'47': { request: [ADMIN_UID_2] },
	// The capture's point: a uid that does not exist (2 exists in the sandbox).
	'51': { request: [['"testdb",2,', '"testdb",99,']] },
	'52': { request: [ADMIN_UID_2, ['[[1]]', '[[2]]']] },
	'53': { request: [['"testdb",5,"demo"', '"testdb",6,"demo"']], texts: [['User: 5)', 'User: 6)']] },
	'68': { texts: [['User: 5)', 'User: 6)']] },
	'69': { texts: [['User: 1)', 'User: 2)']] },
};

const OBJECT = '/xmlrpc/2/object';
const COMMON = '/xmlrpc/2/common';

/** The Python calls behind the XML-RPC captures (xmlrpc-calls.md), with the sandbox's uids (admin 2, demo 6). */
const XML_CALLS: Record<string, [path: string, method: string, params: unknown[]]> = {
	'60': [COMMON, 'version', []],
	'61': [COMMON, 'login', ['testdb', 'admin', 'admin']],
	'62': [COMMON, 'login', ['testdb', 'admin', 'WRONG']],
	'63': [COMMON, 'authenticate', ['testdb', 'admin', 'admin', {}]],
	'64': [OBJECT, 'execute_kw', ['testdb', 2, 'admin', 'res.partner', 'search_read', [[['is_company', '=', true]]], { fields: ['name', 'country_id', 'create_date'], limit: 2 }]],
	'65': [OBJECT, 'execute_kw', ['testdb', 2, 'WRONG', 'res.partner', 'search', [[]]]],
	'66': [OBJECT, 'execute_kw', ['testdb', 2, 'admin', 'no.such.model', 'search', [[]]]],
	'67': [OBJECT, 'execute_kw', ['testdb', 2, 'admin', 'res.users', 'unlink', [[2]]]],
	'68': [OBJECT, 'execute_kw', ['testdb', 6, 'demo', 'ir.config_parameter', 'search_read', [[]]]],
	'69': [OBJECT, 'execute_kw', ['testdb', 2, 'admin', 'res.partner', 'write', [[999999], { name: 'x' }]]],
	'70': ['/xmlrpc/common', 'version', []],
	'71': ['/xmlrpc/2/db', 'list', []],
	'72': [OBJECT, 'execute_kw', ['testdb', 2, 'admin', 'res.partner', 'read', [[1]], { fields: ['name', 'parent_id', 'comment', 'date'] }]],
	'73': [COMMON, 'version', []],
	'74': [OBJECT, 'execute_kw', ['testdb', 2, 'WRONG', 'res.partner', 'search', [[]]]],
	'75': [OBJECT, 'execute_kw', ['testdb', 2, 'admin', 'no.such.model', 'search', [[]]]],
};

const captures = readdirSync(DIR)
	.filter((name) => /^\d\d_.*\.json$/.test(name))
	.sort();

function adapt(text: string, replacements: readonly (readonly [string, string])[] = []): string {
	return replacements.reduce((result, [from, to]) => result.split(from).join(to), text);
}

/** The same JSON shape: types, object keys (plus allowed extras), array items against the captured ones. */
function expectShape(actual: unknown, expected: unknown, extraKeys: readonly string[], path = 'result'): void {
	const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
	expect(`${path}: ${kind(actual)}`).toBe(`${path}: ${kind(expected)}`);
	if (Array.isArray(actual) && Array.isArray(expected)) {
		if (path === 'result') expect(actual.length > 0).toBe(expected.length > 0);
		if (expected.length === 0) return;
		actual.forEach((item, index) => expectShape(item, expected[Math.min(index, expected.length - 1)], extraKeys, `${path}[${index}]`));
	} else if (kind(actual) === 'object') {
		const actualObject = actual as Record<string, unknown>;
		const expectedObject = expected as Record<string, unknown>;
		const keys = Object.keys(actualObject).filter((key) => !(path === 'result' && extraKeys.includes(key)));
		expect(keys.sort()).toEqual(Object.keys(expectedObject).sort());
		for (const key of Object.keys(expectedObject)) expectShape(actualObject[key], expectedObject[key], extraKeys, `${path}.${key}`);
	}
}

const lastLine = (text: string) => text.trimEnd().split('\n').pop();

describe('replaying the Odoo 11 captures', () => {
	let sandbox: CloudOffixSandbox;
	/** Placeholder → [sid the sandbox gave, sid the captured server gave]. */
	const sessions = new Map<string, [string, string]>();

	beforeAll(async () => {
		sandbox = await startCloudOffixSandbox({ db: 'testdb' });
		for (const [user, capture] of [
			['admin', '02_authenticate_ok.json'],
			['demo', '26_authenticate_demo.json'],
		]) {
			const client = new JsonRpcClient(sandbox.url, 'testdb');
			await client.login(user, user);
			const recorded = JSON.parse(readFileSync(join(DIR, capture), 'utf8')) as JsonCapture;
			sessions.set(`<session of ${user}>`, [client.sid as string, /session_id=(\w+)/.exec(recorded.response.headers['Set-Cookie'])?.[1] as string]);
		}
	});
	afterAll(() => sandbox.close());

	test('every capture has a replay', () => {
		expect(captures).toHaveLength(65);
		const xml = captures.filter((name) => Number(name.slice(0, 2)) >= 60).map((name) => name.slice(0, 2));
		expect(new Set(xml)).toEqual(new Set(Object.keys(XML_CALLS)));
	});

	test.each(captures)('%s', async (name) => {
		const number = name.slice(0, 2);
		const capture = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as JsonCapture & XmlCapture;
		if (capture.request) await replayJson(capture, ADAPTATIONS[number] ?? {});
		else await replayXml(number, capture, ADAPTATIONS[number] ?? {});
	});

	async function replayJson(capture: JsonCapture, adaptation: Adaptation): Promise<void> {
		const { request, response: recorded } = capture;
		const cookie = /session_id=([^;]*)/.exec(request.headers.Cookie ?? '')?.[1];
		const [sandboxSid, recordedSid] = sessions.get(cookie ?? '') ?? [cookie, cookie];
		const headers: Record<string, string> = { 'Content-Type': request.headers['Content-Type'] };
		if (sandboxSid) headers.Cookie = `session_id=${sandboxSid}`;
		const body = adapt(request.body, adaptation.request);
		const response = await post(`${sandbox.url}${request.path}`, body, headers);

		expect(response.status).toBe(Number(recorded.status_line.split(' ')[1]));
		expect(header(response, 'content-type')).toBe(recorded.headers['Content-Type']);
		const recordedCookie = recorded.headers['Set-Cookie'];
		expect(cookieSid(response) !== undefined).toBe(recordedCookie !== undefined);
		if (recordedCookie) {
			expect(header(response, 'set-cookie')).toMatch(/^session_id=[0-9a-f]{40}; Expires=\w{3}, \d\d-\w{3}-\d{4} \d\d:\d\d:\d\d GMT; Max-Age=7776000; HttpOnly; Path=\/$/);
			const recordedEcho = /session_id=(\w+)/.exec(recordedCookie)?.[1] === recordedSid;
			expect(cookieSid(response) === sandboxSid).toBe(recordedEcho);
		}
		if (recorded.body_text !== undefined) {
			expect(response.text).toBe(recorded.body_text);
			return;
		}
		const actual = JSON.parse(response.text) as Envelope;
		const expected = recorded.body_json as Envelope;
		expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
		expect(actual.id).toEqual(expected.id);
		if (expected.error) expectSameError(actual, expected, adaptation, body);
		else expectShape(actual.result, expected.result, adaptation.extraKeys ?? []);
	}

	function expectSameError(actual: Envelope, expected: Envelope, adaptation: Adaptation, requestBody: string): void {
		const error = actual.error as NonNullable<Envelope['error']>;
		const { data, ...envelope } = expected.error as NonNullable<Envelope['error']>;
		const { data: actualData, ...actualEnvelope } = error;
		expect(actualEnvelope).toEqual(envelope);
		expect(Object.keys(actualData).sort()).toEqual(Object.keys(data).sort());
		expect(actualData.name).toBe(data.name);
		expect(actualData.exception_type).toBe(data.exception_type);
		expect(actualData.message).toBe(adapt(data.message, adaptation.texts));
		expect(actualData.arguments).toEqual(JSON.parse(adapt(JSON.stringify(data.arguments), adaptation.texts)));
		expect(actualData.debug.startsWith('Traceback (most recent call last):\n')).toBe(true);
		expect(lastLine(actualData.debug)).toBe(lastLine(adapt(data.debug, adaptation.texts)));
		const password = /"password":"([^"]+)"/.exec(requestBody)?.[1];
		if (password) expect(actualData.debug).not.toContain(password);
	}

	async function replayXml(number: string, capture: XmlCapture, adaptation: Adaptation): Promise<void> {
		const [path, method, params] = XML_CALLS[number];
		const outcome = await xmlCall(sandbox.url, path, method, params);
		expect(outcome.raw.status).toBe(200);
		expect(header(outcome.raw, 'content-type')).toBe('text/xml; charset=utf-8');
		expect(header(outcome.raw, 'set-cookie')).toBeUndefined();
		const { result } = capture;
		if (result.status !== undefined) {
			// Raw bodies: byte for byte what Python's xmlrpc.client marshaller wrote.
			expect(outcome.raw.text).toBe(readFileSync(join(DIR, `${captures.find((name) => name.startsWith(number))?.replace('.json', '.xml')}`), 'utf8'));
			expect(Number(header(outcome.raw, 'content-length'))).toBe(Number(result.headers?.['Content-Length']));
		} else if (result.fault) {
			expect(outcome.fault?.faultCode).toBe(result.fault.faultCode);
			expect(outcome.fault?.faultString.startsWith(adapt(result.fault.faultString_head, adaptation.texts))).toBe(true);
			expect(outcome.fault?.faultString.endsWith(adapt(result.fault.faultString_tail, adaptation.texts))).toBe(true);
		} else {
			expect(outcome.fault).toBeUndefined();
			expectShape(outcome.ok, result.ok, []);
		}
	}
});
