import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import type { IDataObject, INode } from 'n8n-workflow';

import { CloudOffix } from '../../nodes/CloudOffix/CloudOffix.node';
import { codelayerUrl } from '../../nodes/Codelayer/transport/login';
import { ParameterError } from '../../nodes/shared/parameterError';
import { connectionFailure } from '../../nodes/shared/requestFailure';
import { failureKind } from '../../nodes/shared/retries';
import type { SandboxTls } from '../../sandbox/shared/server';
import { afterItems, packageNode, type RunResult } from '../harness';
import { ADMIN_PASSWORD, cloudOffixHarness, useCloudOffixSandbox } from '../cloudoffix/sandbox';
import { codelayer, codelayerHarness, TEST_USER, useCodelayerSandbox } from '../codelayer/harness';

/**
 * The security basics, through the real n8n engine against the sandboxes: TLS certificates are verified unless the
 * user ticks Ignore SSL Issues; only http(s) base URLs without a user name or password; no path a user types can
 * leave the credential's server or its base path; no eval in the package; credential test messages say what is
 * wrong and never repeat a secret (the suite's secrets check, test/setup/secrets.ts, also looks for them everywhere).
 */

const ROOT = join(__dirname, '..', '..');

/** A licence key in the Codelayer credentials here: a secret the messages must not repeat. */
const TEST_LICENCE = 'Lk-3e9a-7f1c-LICENCE';

/** The nodes' words for a self-signed certificate (nodes/shared/requestFailure.ts). */
const UNTRUSTED =
	"the server's TLS certificate is not trusted (self-signed certificate); tick Ignore SSL Issues in the credential only if you trust this server";

/**
 * A throwaway self-signed certificate for 127.0.0.1, made by openssl in a temporary directory that is removed at
 * once: no private key is ever committed.
 */
function selfSignedCertificate(): SandboxTls {
	const dir = mkdtempSync(join(tmpdir(), 'security-tls-'));
	try {
		const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
		const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert];
		// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- test code: makes a throwaway certificate with openssl
		const made = spawnSync('openssl', args, { encoding: 'utf8' });
		if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.error?.message ?? made.stderr}`);
		return { key: readFileSync(key), cert: readFileSync(cert) };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** An address where nothing listens: a port the system gave out and that was closed again. */
async function closedPortUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}

const countPartners = (connection: IDataObject = {}) =>
	packageNode('cloudOffix', { resource: 'record', operation: 'count', model: { mode: 'name', value: 'res.partner' }, connection }, { cloudOffixApi: 'co-1' });

/** The run's error message and description, as n8n keeps them. */
function errorOf(result: RunResult): { message: string; description: string } {
	const error = result.error as unknown as { message?: string; description?: string } | undefined;
	return { message: String(error?.message), description: String(error?.description) };
}

function expectNoSecrets(text: string, ...secrets: string[]): void {
	for (const secret of secrets) expect(text).not.toContain(secret);
}

/** One certificate for the file's HTTPS sandboxes. */
const TLS = selfSignedCertificate();

// ---------------------------------------------------------------------------------------------------------------
// 1. TLS
// ---------------------------------------------------------------------------------------------------------------

describe('TLS certificates are verified unless Ignore SSL Issues is ticked', () => {
	describe('CloudOffix over HTTPS with a self-signed certificate', () => {
		const sandbox = useCloudOffixSandbox({ tls: TLS });

		it('serves HTTPS', () => {
			expect(sandbox().url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		});

		it('fails the credential test with the certificate problem, sending nothing (not the password)', async () => {
			const result = await cloudOffixHarness(sandbox()).testCredential('co-1');
			expect(result).toEqual({ status: 'Error', message: `Could not reach CloudOffix at ${sandbox().url}: ${UNTRUSTED}` });
			expectNoSecrets(result.message, ADMIN_PASSWORD);
			expect(sandbox().stats.total).toBe(0);
		});

		it('fails a node call at the login, and does not retry it', async () => {
			const started = performance.now();
			const result = await cloudOffixHarness(sandbox()).run(afterItems([{}], countPartners({ retries: 3, retryWaitMs: 5000 })));
			expect(errorOf(result).message).toBe(`Could not reach CloudOffix at ${sandbox().url}: ${UNTRUSTED}`);
			expectNoSecrets(JSON.stringify(result.error), ADMIN_PASSWORD);
			// One retry would wait 5 s first.
			expect(performance.now() - started).toBeLessThan(4000);
			expect(sandbox().stats.total).toBe(0);
		});

		it('fails a node call with a stored session (no login) with the certificate problem, not retried', async () => {
			const started = performance.now();
			const harness = cloudOffixHarness(sandbox(), { sessionId: 'f'.repeat(40), uid: 2 });
			const result = await harness.run(afterItems([{}], countPartners({ retries: 3, retryWaitMs: 5000 })));
			expect(errorOf(result)).toEqual({
				message: `CloudOffix res.partner.search_count failed: ${UNTRUSTED}`,
				description: 'The connection was closed during the TLS handshake, before the request was sent. Nothing was done for this item.',
			});
			expect(performance.now() - started).toBeLessThan(4000);
			expect(sandbox().stats.total).toBe(0);
		});

		it('passes the credential test and runs the node with Ignore SSL Issues ticked', async () => {
			const harness = cloudOffixHarness(sandbox(), { ignoreSslIssues: true });
			expect(await harness.testCredential('co-1')).toEqual({ status: 'OK', message: 'Connection successful!' });
			const result = await harness.run(afterItems([{}], countPartners()));
			expect(result.error).toBeUndefined();
			expect(Number(result.json('cloudOffix')[0].count)).toBeGreaterThan(0);
			expect(sandbox().stats.requests['/web/session/authenticate']).toBe(1);
		});

		it.each(['jsonRpc', 'xmlRpc'])('runs the node over %s with Ignore SSL Issues ticked, and fails without', async (wireFormat) => {
			const ok = await cloudOffixHarness(sandbox(), { ignoreSslIssues: true }).run(afterItems([{}], countPartners({ wireFormat })));
			expect(ok.error).toBeUndefined();
			const refused = await cloudOffixHarness(sandbox(), { sessionId: 'f'.repeat(40), uid: 2 }).run(afterItems([{}], countPartners({ wireFormat, retries: 0 })));
			expect(errorOf(refused).message).toBe(`CloudOffix res.partner.search_count failed: ${UNTRUSTED}`);
		});
	});

	describe('Codelayer over HTTPS with a self-signed certificate', () => {
		const sandbox = useCodelayerSandbox({ tls: TLS });
		const harnessWith = (data: Record<string, unknown> = {}) => codelayerHarness(sandbox(), { licenseKey: TEST_LICENCE, ...data });

		it('serves HTTPS on both servers', () => {
			expect(sandbox().url).toMatch(/^https:\/\//);
			expect(sandbox().licenseUrl).toMatch(/^https:\/\//);
		});

		it('fails the credential test with the certificate problem, sending nothing', async () => {
			const result = await harnessWith().testCredential('cl-1');
			expect(result).toEqual({ status: 'Error', message: `Could not reach Codelayer at ${sandbox().url}/system/auth: ${UNTRUSTED}` });
			expectNoSecrets(result.message, TEST_USER.password, TEST_LICENCE);
			expect(sandbox().stats.total).toBe(0);
		});

		it('fails a keyed call at the login, and a licence server call, with the certificate problem, not retried', async () => {
			const started = performance.now();
			const connection = { retries: 3, retryWaitMs: 5000 };
			const keyed = await harnessWith().run(afterItems([{}], codelayer('route', 'get', { connection })));
			expect(errorOf(keyed).message).toBe(`Could not reach Codelayer at ${sandbox().url}/system/auth: ${UNTRUSTED}`);
			const licence = await harnessWith().run(afterItems([{}], codelayer('device', 'getLicenses', { appID: sandbox().licence.appID, connection })));
			expect(errorOf(licence).message).toBe(`Codelayer system/license failed: ${UNTRUSTED}`);
			expectNoSecrets(JSON.stringify([keyed.error, licence.error]), TEST_USER.password, TEST_LICENCE);
			expect(performance.now() - started).toBeLessThan(4000);
			expect(sandbox().stats.total).toBe(0);
		});

		it('passes the credential test and runs keyed and licence calls with Ignore SSL Issues ticked', async () => {
			const harness = harnessWith({ ignoreSslIssues: true });
			expect(await harness.testCredential('cl-1')).toEqual({ status: 'OK', message: 'Connection successful!' });
			const keyed = await harness.run(afterItems([{}], codelayer('route', 'get')));
			expect(keyed.error).toBeUndefined();
			expect(keyed.json('codelayer')[0]).toMatchObject({ routename: 'ALAMCHEARY' });
			const licence = await harness.run(afterItems([{}], codelayer('device', 'getLicenses', { appID: sandbox().licence.appID })));
			expect(licence.error).toBeUndefined();
			expect(sandbox().stats.requests).toMatchObject({ 'system/auth': 1, 'sales/route_details': 2, 'system/license': 1 });
		});
	});

	it('offers Ignore SSL Issues on both credentials, off by default, with the same words', async () => {
		const { CloudOffixApi } = await import('../../credentials/CloudOffixApi.credentials');
		const { CodelayerApi } = await import('../../credentials/CodelayerApi.credentials');
		const field = (properties: Array<{ name: string }>) => properties.find((property) => property.name === 'ignoreSslIssues');
		const cloudOffix = field(new CloudOffixApi().properties);
		expect(cloudOffix).toMatchObject({ type: 'boolean', default: false });
		expect(field(new CodelayerApi().properties)).toEqual(cloudOffix);
		expect(new CodelayerApi().test.request.skipSslCertificateValidation).toBe('={{$credentials.ignoreSslIssues}}');
	});

	it.each([
		['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'],
		['SELF_SIGNED_CERT_IN_CHAIN', 'a self-signed certificate in its chain'],
		['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'its issuer is not known'],
		['CERT_HAS_EXPIRED', 'expired'],
		['ERR_TLS_CERT_ALTNAME_INVALID', 'issued for another host name'],
	])('words %s wherever n8n puts the code (error, cause, httpCode), as a final failure', (code, words) => {
		const message = `the server's TLS certificate is not trusted (${words}); tick Ignore SSL Issues in the credential only if you trust this server`;
		for (const failure of [{ code }, { message: 'x', cause: { code } }, { httpCode: code, cause: { message: 'y' } }]) {
			expect(connectionFailure(failure)).toBe(message);
			expect(failureKind(failure)).toBe('final');
		}
	});
});

// ---------------------------------------------------------------------------------------------------------------
// 2. Base URLs
// ---------------------------------------------------------------------------------------------------------------

describe('only http(s) base URLs, with no user name or password in them', () => {
	const cloudOffix = useCloudOffixSandbox();
	const codelayerSandbox = useCodelayerSandbox();

	interface BadUrl {
		/** The URL, `HOST` standing for the sandbox's host and port (reachable, were the check to let it through). */
		url: string;
		problem: string;
		/** The URL as the message shows it (default: the URL without trailing slashes). */
		shown?: string;
	}

	const NOT_HTTP = 'is not an http(s) address';
	const USER_INFO = 'holds a user name or password before the host: remove them (the credential has its own fields for them)';
	const QUERY = 'holds a query (?) or fragment (#): give the address only';
	const BAD_URLS: Record<string, BadUrl> = {
		ftp: { url: 'ftp://HOST/', problem: NOT_HTTP },
		file: { url: 'file:///etc/passwd', problem: NOT_HTTP },
		javascript: { url: 'javascript:alert(1)', problem: NOT_HTTP },
		'no scheme': { url: 'HOST/', problem: NOT_HTTP },
		'no host': { url: 'http://', problem: NOT_HTTP },
		'a single slash': { url: 'http:/HOST', problem: NOT_HTTP },
		backslashes: { url: 'http:\\\\HOST', problem: NOT_HTTP },
		'a line break inside': { url: 'http://HO\nST', problem: `${NOT_HTTP} (it holds spaces or control characters)` },
		'a query': { url: 'http://HOST/?db=x', problem: QUERY },
		'a fragment': { url: 'http://HOST/#x', problem: QUERY },
		'a user name and password': { url: 'http://user:Pw-77aa-inurl@HOST/', problem: USER_INFO, shown: 'http://…@HOST' },
		'a password holding / and #': { url: 'http://user:Pw/77aa#inurl@HOST/', problem: NOT_HTTP, shown: 'http://…@HOST' },
		'a password and no scheme': { url: 'user:Pw-77aa-inurl@HOST', problem: NOT_HTTP, shown: '…@HOST' },
	};
	const URL_SECRETS = ['Pw-77aa-inurl', 'Pw/77aa#inurl'];
	const URL_CASES = Object.entries(BAD_URLS).map(([name, bad]) => [name, bad.url, bad] as const);

	/** The case's URL and the message's quote of it, for a sandbox at `base` (http://host:port); HO\nST splits the host. */
	function badUrl(bad: BadUrl, base: string): { url: string; quoted: string } {
		const host = base.replace(/^http:\/\//, '');
		const fill = (text: string) => text.replace('HO\nST', `${host.slice(0, 4)}\n${host.slice(4)}`).replace('HOST', host);
		return { url: fill(bad.url), quoted: JSON.stringify(fill(bad.shown ?? bad.url.replace(/\/+$/, ''))) };
	}

	it.each(URL_CASES)('CloudOffix refuses a URL with %s (%j), naming the field, before sending anything', async (_, __, bad) => {
		const { url, quoted } = badUrl(bad, cloudOffix().url);
		const expected = `The URL in the CloudOffix credential, ${quoted}, ${bad.problem}; it must look like https://mycompany.cloudoffix.com`;
		const harness = cloudOffixHarness(cloudOffix(), { url });
		const tested = await harness.testCredential('co-1');
		expect(tested).toEqual({ status: 'Error', message: expected });
		const run = await harness.run(afterItems([{}], countPartners()));
		expect(errorOf(run).message).toBe(expected);
		expectNoSecrets(tested.message + errorOf(run).message, ...URL_SECRETS, ADMIN_PASSWORD);
		expect(cloudOffix().stats.total).toBe(0);
	});

	it.each(URL_CASES)('Codelayer refuses an API base URL with %s (%j), naming the field, before sending anything', async (_, __, bad) => {
		const { url, quoted } = badUrl(bad, codelayerSandbox().url);
		const expected = `The API Base URL in the Codelayer credential, ${quoted}, ${bad.problem}; it must look like https://wats.api.codelayer.co.in/`;
		const harness = codelayerHarness(codelayerSandbox(), { baseUrl: url, licenseKey: TEST_LICENCE });
		const tested = await harness.testCredential('cl-1');
		expect(tested).toEqual({ status: 'Error', message: expected });
		const run = await harness.run(afterItems([{}], codelayer('route', 'get')));
		expect(errorOf(run).message).toBe(expected);
		expectNoSecrets(tested.message + errorOf(run).message, ...URL_SECRETS, TEST_USER.password, TEST_LICENCE);
		expect(codelayerSandbox().stats.total).toBe(0);
	});

	it.each(URL_CASES)('Codelayer refuses a licence server URL with %s (%j), naming the field, before sending anything', async (_, __, bad) => {
		const { url, quoted } = badUrl(bad, codelayerSandbox().licenseUrl);
		const harness = codelayerHarness(codelayerSandbox(), { licenseUrl: url });
		const run = await harness.run(afterItems([{}], codelayer('device', 'getLicenses', { appID: codelayerSandbox().licence.appID })));
		expect(errorOf(run).message).toBe(`The Licence Server URL in the Codelayer credential, ${quoted}, ${bad.problem}; it must look like https://license.codelayer.co.in/`);
		expectNoSecrets(errorOf(run).message, ...URL_SECRETS);
		expect(codelayerSandbox().stats.total).toBe(0);
	});

	it('keeps a base URL with a path: every call goes under it', async () => {
		const harness = codelayerHarness(codelayerSandbox(), { licenseUrl: `${codelayerSandbox().licenseUrl}/lic/` });
		const run = await harness.run(afterItems([{}], codelayer('device', 'getLicenses', { appID: codelayerSandbox().licence.appID, connection: { retries: 0 } })));
		// The sandbox serves the root only: the call reached /lic/system/license (and was answered 404 there).
		expect(errorOf(run).message).toContain('Codelayer system/license failed');
		expect(codelayerSandbox().stats.requests).toEqual({ 'lic/system/license': 1 });
		expect(codelayerUrl('https://host.example/api/', 'sales/route_details')).toBe('https://host.example/api/sales/route_details');
		expect(codelayerUrl('HTTPS://host.example:8443//', '/sales/route_details')).toBe('HTTPS://host.example:8443/sales/route_details');
	});
});

// ---------------------------------------------------------------------------------------------------------------
// 3. Paths
// ---------------------------------------------------------------------------------------------------------------

describe('no path a user types leaves the server or its base path', () => {
	const codelayerSandbox = useCodelayerSandbox();
	const cloudOffix = useCloudOffixSandbox();

	const BAD_PATHS: Array<[string, string]> = [
		['.. segments', 'sales/../system/auth'],
		['a leading ..', '../system/auth'],
		['%2e%2e', 'sales/%2e%2e/system/auth'],
		['%2E%2E', 'sales/%2E%2E/system/auth'],
		['backslashes', 'sales\\..\\system\\auth'],
		['a protocol-relative URL', '//evil.example/sales/route_details'],
		['a full URL', 'http://evil/x'],
		['a query', 'sales/route_details?key=x'],
		['a fragment', 'sales/route_details#x'],
		['a NUL', 'sales/route\u0000details'],
		['a line break', 'sales/route_details\nHost: evil'],
		['a tab', 'sales/\troute_details'],
		['a space', 'sales/route details'],
		['a . segment', 'sales/./route_details'],
		['an empty segment', 'sales//route_details'],
	];

	const notAPath = (path: string) => `Item 0: ${JSON.stringify(path.trim())} is not a path on the server, like sales/route_details (the server is the credential's)`;

	async function expectRefused(node: INode, path: string): Promise<void> {
		const result = await codelayerHarness(codelayerSandbox()).run(afterItems([{}], node));
		expect(errorOf(result)).toEqual({ message: notAPath(path), description: 'Check the parameter "Path". Nothing was sent for this item.' });
		expect(codelayerSandbox().stats.total).toBe(0);
	}

	it.each(BAD_PATHS)('Call Any Endpoint refuses a path with %s (%j) before any request', async (_, path) => {
		await expectRefused(codelayer('other', 'customApiCall', { server: 'api', path, sendKey: true, body: '{}' }), path);
	});

	it.each(BAD_PATHS)('an unpublished endpoint refuses a Path with %s (%j) before any request', async (_, path) => {
		await expectRefused(codelayer('route', 'getMany', { path }), path);
	});

	it('still takes a path with one leading slash', async () => {
		const result = await codelayerHarness(codelayerSandbox()).run(afterItems([{}], codelayer('other', 'customApiCall', { server: 'api', path: '/sales/route_details', sendKey: true, body: '{}' })));
		expect(result.error).toBeUndefined();
		expect(codelayerSandbox().stats.requests['sales/route_details']).toBe(1);
	});

	// The second line of defence, on its own: whatever reaches it, the URL stays on the base URL's origin and path.
	it.each([
		['sales/../../system/auth'],
		['sales/%2e%2e/%2e%2e/x'],
		['..\\..\\x'],
		['sales/x?y=1'],
		['sales/x#y'],
		['sales/route details'],
	])('codelayerUrl refuses %j under https://host.example/api/', (path) => {
		expect(() => codelayerUrl('https://host.example/api/', path)).toThrow(ParameterError);
		expect(() => codelayerUrl('https://host.example/api/', path)).toThrow(`${JSON.stringify(path)} would lead away from https://host.example/api/: nothing was sent`);
	});

	const MODEL_TRICKS = ['res.partner/../../../../web/database/list?', 'res.partner?x=1', 'res.partner#x', 'res.partner/x', 'res.partner\\..\\x', 'res.partner%2f..', 'res.partner x'];

	it.each(MODEL_TRICKS)('CloudOffix refuses the model %j in an operation before any request', async (model) => {
		const node = packageNode('cloudOffix', { resource: 'method', operation: 'call', model: { mode: 'name', value: model }, method: 'search_count', args: '[[]]', kwargs: '{}' }, { cloudOffixApi: 'co-1' });
		const result = await cloudOffixHarness(cloudOffix()).run(afterItems([{}], node));
		expect(errorOf(result)).toEqual({ message: `Item 0: "${model}" is not a model name like res.partner`, description: 'Check the parameter "Model". Nothing was sent for this item.' });
		expect(cloudOffix().stats.total).toBe(0);
	});

	// The editor's lists and mapping read the model unchecked: the client refuses it before it reaches the path.
	it.each(MODEL_TRICKS)('CloudOffix refuses the model %j from the editor (field mapping) before any request', async (model) => {
		const harness = cloudOffixHarness(cloudOffix());
		const editing = packageNode('cloudOffix', { resource: 'record', operation: 'create', model: { __rl: true, mode: 'name', value: model } }, { cloudOffixApi: 'co-1' });
		const mapping = new CloudOffix().methods.resourceMapping.getMappingColumns.call(harness.loadOptionsContext(editing));
		await expect(mapping).rejects.toThrow(`The model ${JSON.stringify(model)} is not an Odoo model name like res.partner: nothing was sent`);
		expect(cloudOffix().stats.total).toBe(0);
		expect(cloudOffix().stats.requests['/web/database/list']).toBeUndefined();
	});

	it.each(['_private_method', 'search/../x', 'search?x', 'read#x'])('CloudOffix refuses the method %j before any request', async (method) => {
		const node = packageNode('cloudOffix', { resource: 'method', operation: 'call', model: { mode: 'name', value: 'res.partner' }, method, args: '[[]]', kwargs: '{}' }, { cloudOffixApi: 'co-1' });
		const result = await cloudOffixHarness(cloudOffix()).run(afterItems([{}], node));
		expect(errorOf(result).message).toBe(`Item 0: "${method}" is not a public method name (letters, digits and _, not starting with _)`);
		expect(cloudOffix().stats.total).toBe(0);
	});

	it('the client itself refuses a model or method that would change the path', async () => {
		const { CloudOffixClient } = await import('../../nodes/CloudOffix/transport');
		const harness = cloudOffixHarness(cloudOffix());
		const client = new CloudOffixClient(harness.loadOptionsContext(countPartners()) as never);
		await expect(client.execute({ model: 'res.partner/../../../../web/database/list?', method: 'search_count', args: [[]] })).rejects.toThrow(
			'The model "res.partner/../../../../web/database/list?" is not an Odoo model name like res.partner: nothing was sent',
		);
		await expect(client.execute({ model: 'res.partner', method: 'search_count/../../x?', args: [[]] })).rejects.toThrow(
			'The method "search_count/../../x?" is not a public Odoo method name: nothing was sent',
		);
		expect(cloudOffix().stats.total).toBe(0);
		// A good call still goes where it should.
		expect(await client.execute({ model: 'res.partner', method: 'search_count', args: [[]] })).toBeGreaterThan(0);
		expect(cloudOffix().stats.requests).toEqual({ '/web/session/authenticate': 1, '/web/dataset/call_kw': 1 });
	});
});

// ---------------------------------------------------------------------------------------------------------------
// 4. No eval
// ---------------------------------------------------------------------------------------------------------------

describe('no eval of user input', () => {
	function sourceFiles(dir: string): string[] {
		return readdirSync(dir).flatMap((name) => {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) return sourceFiles(path);
			return /\.(ts|js)$/.test(name) ? [path] : [];
		});
	}

	const FORBIDDEN: Array<[string, RegExp]> = [
		['eval', /\beval\s*\(/],
		['new Function', /\bnew\s+Function\s*\(/],
		['Function(...) called', /(?<![\w.])Function\s*\(\s*['"`]/],
		['node:vm', /['"`](node:)?vm['"`]/],
		['child_process', /child_process/],
		['setTimeout with a string', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
	];

	it('finds none of eval, new Function, vm or child_process in nodes/ and credentials/', () => {
		const files = [...sourceFiles(join(ROOT, 'nodes')), ...sourceFiles(join(ROOT, 'credentials'))];
		expect(files.length).toBeGreaterThan(50);
		const found = files.flatMap((file) => {
			const text = readFileSync(file, 'utf8');
			return FORBIDDEN.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${relative(ROOT, file)}: ${what}`);
		});
		expect(found).toEqual([]);
	});

	it('would find them (the patterns match what they must)', () => {
		const samples = ['eval(x)', 'new Function("return 1")', "Function('a', 'return a')", "import vm from 'node:vm'", "import 'vm'", "require('vm')", 'await import("node:vm")', "import { spawn } from 'node:child_process'", "setTimeout('alert(1)', 1)"];
		for (const sample of samples) expect(FORBIDDEN.some(([, pattern]) => pattern.test(sample))).toBe(true);
		// Words that only look alike stay allowed.
		for (const innocent of ['evaluate(x)', 'retrieval(x)', 'isFunction(x)', "const vm = 'x'", "'vms'"]) expect(FORBIDDEN.some(([, pattern]) => pattern.test(innocent))).toBe(false);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// 5. Credential test messages
// ---------------------------------------------------------------------------------------------------------------

describe('credential tests say what is wrong without repeating secrets', () => {	const cloudOffix = useCloudOffixSandbox();
	const cloudOffixTls = useCloudOffixSandbox({ tls: TLS });
	const codelayerSandbox = useCodelayerSandbox();
	const codelayerTls = useCodelayerSandbox({ tls: TLS });

	interface CredentialCase {
		name: string;
		data: () => Promise<Record<string, unknown>> | Record<string, unknown>;
		fault?: () => void;
		message: () => string | RegExp;
	}

	const cloudOffixCases: CredentialCase[] = [
		{ name: 'a wrong password', data: () => ({ password: 'Wrong-Pw-5c2e' }), message: () => 'CloudOffix refused login "admin" on database "sandbox.cloudoffix.local": check the login, the password and the database name' },
		{ name: 'a wrong database', data: () => ({ db: 'no-such-db' }), message: () => /^CloudOffix refused to open database "no-such-db": .+/ },
		{ name: 'an unreachable port', data: async () => ({ url: await closedPortUrl() }), message: () => /^Could not reach CloudOffix at http:\/\/127\.0\.0\.1:\d+: the connection was refused \(is the address and port right, and the server up\?\)$/ },
		{
			name: 'HTTP 502 on the login',
			data: () => ({}),
			fault: () => cloudOffix().faults.set({ kind: 'status', status: 502, route: '/web/session/authenticate' }),
			message: () => `Could not reach CloudOffix at ${cloudOffix().url}: HTTP 502`,
		},
		{ name: 'an untrusted certificate', data: () => ({ url: cloudOffixTls().url }), message: () => `Could not reach CloudOffix at ${cloudOffixTls().url}: ${UNTRUSTED}` },
	];

	it('words a network failure of a node call too (n8n would put a generic sentence in its place)', async () => {
		cloudOffix().faults.set({ kind: 'resetBeforeProcessing', route: '/web/dataset/call_kw' });
		const result = await cloudOffixHarness(cloudOffix()).run(afterItems([{}], countPartners({ retries: 0 })));
		expect(errorOf(result).message).toBe('CloudOffix res.partner.search_count failed: the connection was reset');
		const refused = await cloudOffixHarness(cloudOffix(), { url: await closedPortUrl() }).run(afterItems([{}], countPartners({ retries: 0 })));
		expect(errorOf(refused).message).toMatch(/^Could not reach CloudOffix at http:\/\/127\.0\.0\.1:\d+: the connection was refused/);
	});

	it.each(cloudOffixCases.map((entry) => [entry.name, entry]))('CloudOffix: %s', async (_, entry) => {
		entry.fault?.();
		const result = await cloudOffixHarness(cloudOffix(), await entry.data()).testCredential('co-1');
		expect(result.status).toBe('Error');
		const expected = entry.message();
		if (typeof expected === 'string') expect(result.message).toBe(expected);
		else expect(result.message).toMatch(expected);
		expectNoSecrets(result.message, ADMIN_PASSWORD, 'Wrong-Pw-5c2e');
	});

	const codelayerCases: CredentialCase[] = [
		{
			name: 'a wrong password',
			data: () => ({ password: 'Wrong-Pw-5c2e' }),
			message: () => 'Codelayer refused user "TEST" on this device: Invalid authentication credentials. (e 401). Check the username, password, IMEI and licence key',
		},
		{
			name: 'an unknown device',
			data: () => ({ imei: '352099001761482' }),
			message: () => 'Codelayer refused user "TEST" on this device: Invalid authentication credentials. (e 401). Check the username, password, IMEI and licence key',
		},
		{ name: 'an unreachable port', data: async () => ({ baseUrl: await closedPortUrl() }), message: () => /^Could not reach Codelayer at http:\/\/127\.0\.0\.1:\d+\/system\/auth: the connection was refused \(is the address and port right, and the server up\?\)$/ },
		{
			name: 'HTTP 502 on the login',
			data: () => ({}),
			fault: () => codelayerSandbox().faults.set({ kind: 'status', status: 502, path: 'system/auth' }),
			message: () => `Codelayer at ${codelayerSandbox().url}/system/auth answered the login with HTTP 502 and no readable answer (a proxy's page, or cut short)`,
		},
		{ name: 'an untrusted certificate', data: () => ({ baseUrl: codelayerTls().url }), message: () => `Could not reach Codelayer at ${codelayerTls().url}/system/auth: ${UNTRUSTED}` },
	];

	it.each(codelayerCases.map((entry) => [entry.name, entry]))('Codelayer: %s', async (_, entry) => {
		entry.fault?.();
		const result = await codelayerHarness(codelayerSandbox(), { licenseKey: TEST_LICENCE, ...(await entry.data()) }).testCredential('cl-1');
		expect(result.status).toBe('Error');
		const expected = entry.message();
		if (typeof expected === 'string') expect(result.message).toBe(expected);
		else expect(result.message).toMatch(expected);
		expectNoSecrets(result.message, TEST_USER.password, TEST_LICENCE, 'Wrong-Pw-5c2e');
	});
});
