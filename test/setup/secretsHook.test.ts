import { CloudOffixApi } from '../../credentials/CloudOffixApi.credentials';
import { ADMIN_PASSWORD, cloudOffixHarness, useCloudOffixSandbox } from '../cloudoffix/sandbox';
import { afterItems, captureLogs, createHarness, packageNode } from '../harness';
import {
	checkTest,
	currentSecrets,
	describeLeaks,
	discardProduced,
	findLeaks,
	isSecretValue,
	producedSoFar,
	recordingMethods,
	type Produced,
	type Secret,
} from '../harness/secrets';

/**
 * The secrets check that test/setup/secrets.ts runs after every test: its rule, its detector, and that the harness
 * really feeds it. The tests that leak on purpose take what they leaked out of the recorder before they end, so
 * that the hook passes them.
 */

const PASSWORD = 'Leak-7c3e-dummy';
const secret = (value = PASSWORD, kind = 'cloudOffixApi.password'): Secret => ({ kind, value });
const output = (value: unknown, what = 'execution 1, node "Items" (run 1)'): Produced => ({ where: 'output', what, value });

describe('which values count as secrets', () => {
	it.each(['Adm-9f3c-Secret', 'wrong-secret', 'Pw-8c1f-secret', 'a'.repeat(20) + '1', '0123456789abcdef0123456789abcdef01234567', 'CAxLcQc5V1hc8VNe2pzxDQz+jaI'])('%s is one', (value) => {
		expect(isSecretValue(value)).toBe(true);
	});

	it.each(['admin', 'demo', 'password', 'PASSWORD', '12345678', 'Pw-1', '', 'abcdefghijklmnop'])('%s is not (too short or one class of characters)', (value) => {
		expect(isSecretValue(value)).toBe(false);
	});

	it('ignores non-strings', () => {
		expect(isSecretValue(12345678901)).toBe(false);
		expect(isSecretValue(undefined)).toBe(false);
	});
});

describe('findLeaks', () => {
	it('finds nothing where the secret is absent, or when there is no secret', () => {
		expect(findLeaks([output({ name: 'Agrolait', login: 'admin', field: 'password' })], [secret()])).toEqual([]);
		expect(findLeaks([output({ password: PASSWORD })], [])).toEqual([]);
	});

	it('finds a secret inside a longer text, in a key, in arrays, Maps and Sets, and names its kind and place', () => {
		for (const value of [
			{ note: `the password is ${PASSWORD}!` },
			{ [PASSWORD]: true },
			[[1, [{ deep: [PASSWORD] }]]],
			new Map([['k', { v: PASSWORD }]]),
			new Set([`x${PASSWORD}`]),
			Buffer.from(`binary ${PASSWORD}`),
		]) {
			expect(findLeaks([output(value)], [secret()])).toEqual([{ kind: 'cloudOffixApi.password', where: 'output', what: 'execution 1, node "Items" (run 1)' }]);
		}
	});

	it('finds a secret as JSON, a URL or XML would escape it (an error quoting a request)', () => {
		const tricky = 'Pw"&<x>+/ %é-secret';
		for (const text of [JSON.stringify({ password: tricky }), `password=${encodeURIComponent(tricky)}`, '<string>Pw&quot;&amp;&lt;x&gt;+/ %é-secret</string>']) {
			expect(findLeaks([output(text)], [secret(tricky)])).toHaveLength(1);
		}
	});

	it("reads all of an error: its message and stack (not enumerable), description, context and causes", () => {
		const inMessage = new Error(`refused ${PASSWORD}`);
		const inDescription = Object.assign(new Error('refused'), { description: `with ${PASSWORD}` });
		const inCause = new Error('outer', { cause: { config: { data: `{"password":"${PASSWORD}"}` } } });
		const inContext = Object.assign(new Error('refused'), { context: { request: { body: PASSWORD } } });
		for (const error of [inMessage, inDescription, inCause, inContext]) {
			expect(findLeaks([{ where: 'error', what: 'a poll', value: error }], [secret()])).toEqual([{ kind: 'cloudOffixApi.password', where: 'error', what: 'a poll' }]);
		}
	});

	it('reports each secret once per place, each place it is in, and survives cycles', () => {
		const cyclic: Record<string, unknown> = { password: PASSWORD };
		cyclic.self = cyclic;
		const produced: Produced[] = [output(cyclic), output({ again: PASSWORD }), { where: 'log', what: "n8n's log (warn)", value: [`key ${'K'.repeat(31)}1`, PASSWORD] }];
		expect(findLeaks(produced, [secret(), secret('K'.repeat(31) + '1', 'codelayerApi.sessionKey')])).toEqual([
			{ kind: 'cloudOffixApi.password', where: 'output', what: 'execution 1, node "Items" (run 1)' },
			{ kind: 'cloudOffixApi.password', where: 'log', what: "n8n's log (warn)" },
			{ kind: 'codelayerApi.sessionKey', where: 'log', what: "n8n's log (warn)" },
		]);
	});

	it('skips the workflow node an error says it came from (the parameters the test wrote)', () => {
		const node = packageNode('cloudOffix', { args: `[{"password": "${PASSWORD}"}]` });
		expect(findLeaks([{ where: 'error', what: 'x', value: Object.assign(new Error('failed'), { node }) }], [secret()])).toEqual([]);
	});

	it('walks the parts of one run as one: items passed on by the next node count where they first appeared', () => {
		const run = {};
		const items = [{ json: { password: PASSWORD } }];
		const produced: Produced[] = [
			{ where: 'output', what: 'node "Items"', value: items, group: run },
			{ where: 'output', what: 'node "No Operation"', value: items, group: run },
			{ where: 'run data', what: 'execution 1', value: { runData: [items] }, group: run },
		];
		expect(findLeaks(produced, [secret()]).map((leak) => leak.what)).toEqual(['node "Items"']);
	});

	it('describes a leak by kind and place, never by value', () => {
		const message = describeLeaks(findLeaks([output({ password: PASSWORD })], [secret()]));
		expect(message).toContain('cloudOffixApi.password in an output: execution 1, node "Items" (run 1)');
		expect(message).not.toContain(PASSWORD);
	});
});

describe('what the harness feeds the check', () => {
	function leakyHarness() {
		const harness = createHarness();
		harness.addCredential({ id: 'leaky', name: 'Leaky', type: 'cloudOffixApi', data: { url: 'http://127.0.0.1:9/', db: 'x', login: 'admin', password: PASSWORD } });
		return harness;
	}

	it('sees a password a real workflow emits as an item, names it, and the hook would fail the test', async () => {
		const harness = leakyHarness();
		const result = await harness.run(afterItems([{ copied: PASSWORD }]));
		expect(result.json('Items')).toEqual([{ copied: PASSWORD }]);
		expect(findLeaks(producedSoFar(), currentSecrets())).toEqual([
			{ kind: 'cloudOffixApi.password of credential "leaky"', where: 'output', what: expect.stringMatching(/^execution \d+, node "Items" \(run 1\)$/) },
		]);
		// What the afterEach hook calls: it empties the recorder, so that this test, having shown the leak, passes.
		expect(checkTest()).toHaveLength(1);
		expect(checkTest()).toEqual([]);
	});

	it('sees a secret in the console, and in a value the test changed in the store after adding the credential', async () => {
		const harness = leakyHarness();
		harness.credentials.store.get('leaky')!.data.sessionId = 'f'.repeat(39) + '0';
		// eslint-disable-next-line no-console -- the leak under test: a session id written to the console
		await captureLogs(async () => console.warn(`session ${'f'.repeat(39)}0`));
		expect(findLeaks(producedSoFar(), currentSecrets())).toEqual([{ kind: 'cloudOffixApi.sessionId of credential "leaky"', where: 'log', what: 'console.warn' }]);
		discardProduced();
	});

	it("sees what an editor method returns or throws, wrapped by recordingMethods", async () => {
		leakyHarness();
		const methods = recordingMethods({
			listSearch: { search: async () => ({ results: [{ name: PASSWORD, value: 1 }] }) },
			loadOptions: {
				fields: async () => {
					throw new Error(`refused ${PASSWORD}`);
				},
			},
		});
		expect(await methods.listSearch.search()).toEqual({ results: [{ name: PASSWORD, value: 1 }] });
		await expect(methods.loadOptions.fields()).rejects.toThrow('refused');
		expect(findLeaks(producedSoFar(), currentSecrets()).map(({ where, what }) => [where, what])).toEqual([
			['output', "the editor's listSearch.search"],
			['error', "the editor's loadOptions.fields"],
		]);
		discardProduced();
	});
});

describe('the secrets of a sandbox test', () => {
	const sandbox = useCloudOffixSandbox();

	it("holds admin's password, the session id n8n stored, and every session the sandbox issued", async () => {
		const harness = cloudOffixHarness(sandbox());
		const count = packageNode('cloudOffix', { resource: 'record', operation: 'count', model: { mode: 'name', value: 'res.partner' } }, { cloudOffixApi: 'co-1' });
		await harness.run(afterItems([{}], count));
		const first = String(harness.credentials.stored('co-1').sessionId);
		sandbox().expireSessions();
		await harness.run(afterItems([{}], count));
		const renewed = String(harness.credentials.stored('co-1').sessionId);
		expect(renewed).not.toBe(first);
		const secrets = currentSecrets();
		const kindOf = (value: string) => secrets.find((candidate) => candidate.value === value)?.kind;
		expect(kindOf(ADMIN_PASSWORD)).toBe('cloudOffixApi.password of credential "co-1"');
		// The first session, replaced in the store, is still known: it was registered when n8n stored it.
		expect(kindOf(first)).toBe('cloudOffixApi.sessionId of credential "co-1" = a session id the CloudOffix sandbox issued');
		expect(kindOf(renewed)).toBe('cloudOffixApi.sessionId of credential "co-1" = a session id the CloudOffix sandbox issued');
		expect(sandbox().issuedSessionIds()).toEqual([first, renewed]);
	});

	it("sees a secret in a real node's error, n8n's log of it and a credential test's message", async () => {
		// A user who typed the password into the Database field too: the server's refusal names the database.
		const harness = cloudOffixHarness(sandbox(), { db: ADMIN_PASSWORD });
		const count = packageNode('cloudOffix', { resource: 'record', operation: 'count', model: { mode: 'name', value: 'res.partner' } }, { cloudOffixApi: 'co-1' });
		const { result } = await captureLogs(async () => await harness.run(afterItems([{}], count)));
		expect(result.error?.message).toContain(ADMIN_PASSWORD);
		expect((await harness.testCredential('co-1')).message).toContain(ADMIN_PASSWORD);
		const kind = 'cloudOffixApi.password of credential "co-1"';
		expect(findLeaks(producedSoFar(), currentSecrets())).toEqual([
			{ kind, where: 'log', what: "n8n's log (error)" },
			{ kind, where: 'error', what: expect.stringMatching(/^execution \d+, the workflow error$/) },
			{ kind, where: 'error', what: expect.stringMatching(/^execution \d+, node "cloudOffix" \(run 1\)$/) },
			{ kind, where: 'error', what: 'the test of credential "co-1"' },
		]);
		discardProduced();
	});

	it('starts each test with the sandbox reset: the previous sessions are forgotten', () => {
		expect(sandbox().issuedSessionIds()).toEqual([]);
		expect(currentSecrets()).toEqual([]);
	});

	it('takes the password field from the credential type (typeOptions.password), not from a list of names', () => {
		const fields = new CloudOffixApi().properties.filter((p) => p.typeOptions?.password === true || p.typeOptions?.expirable === true).map((p) => p.name);
		expect(fields).toEqual(['password', 'sessionId']);
	});
});
