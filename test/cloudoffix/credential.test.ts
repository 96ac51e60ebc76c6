import type { IDataObject } from 'n8n-workflow';

import { afterItems, captureLogs, packageNode } from '../harness';
import { cloudOffixHarness, useCloudOffixSandbox } from './sandbox';

const SECRET = 'Adm-9f3c-Secret';

const sandbox = useCloudOffixSandbox();

const countPartners = (wireFormat = 'jsonRpcSession', connection: IDataObject = {}) =>
	packageNode(
		'cloudOffix',
		{ resource: 'record', operation: 'count', model: { mode: 'name', value: 'res.partner' }, connection: { wireFormat, ...connection } },
		{ cloudOffixApi: 'co-1' },
	);

describe('CloudOffix credential', () => {
	it('passes its test with good credentials', async () => {
		const result = await cloudOffixHarness(sandbox()).testCredential('co-1');
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox().stats.logins).toBe(1);
	});

	it('logs in for its test even with a session stored, as n8n tests a credential (a wrong password is not hidden by it)', async () => {
		const harness = cloudOffixHarness(sandbox());
		await harness.testCredential('co-1');
		const stored = harness.credentials.store.get('co-1');
		if (!stored) throw new Error('co-1 is not stored');
		expect(stored.data.sessionId).not.toBe('');
		stored.data.password = 'Wrong-Pass-77';
		const result = await harness.testCredential('co-1');
		expect(result.status).toBe('Error');
		expect(sandbox().stats.logins).toBe(1);
	});

	it.each([
		['password', { password: 'Wrong-Pass-77' }],
		['login', { login: 'nobody' }],
	])('fails its test with a clear message on a wrong %s, naming login, password and database', async (_, data) => {
		const result = await cloudOffixHarness(sandbox(), data).testCredential('co-1');
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/refused login ".*" on database ".*": check the login, the password and the database name/);
	});

	it('fails its test on a redirect without following it (the password is not sent on), saying which address to use', async () => {
		sandbox().faults.set({ kind: 'redirect', location: 'https://crm.example.com/web/session/authenticate', route: '/web/session/authenticate' });
		const result = await cloudOffixHarness(sandbox()).testCredential('co-1');
		expect(result.status).toBe('Error');
		expect(result.message).toContain('HTTP 301, a redirect to https://crm.example.com (use that address)');
		expect(sandbox().stats.requests['/web/session/authenticate']).toBe(1);
	});

	it('fails on an unknown database with the server reason, and never guesses a database', async () => {
		const bad = await cloudOffixHarness(sandbox(), { db: 'no-such-db' }).testCredential('co-1');
		expect(bad.status).toBe('Error');
		expect(bad.message).toContain('no-such-db');
		const blank = await cloudOffixHarness(sandbox(), { db: '' }).testCredential('co-1');
		expect(blank.message).toContain('has no database');
	});

	it('tolerates a trailing slash in the URL (and several)', async () => {
		const result = await cloudOffixHarness(sandbox(), { url: `${sandbox().url}///` }).testCredential('co-1');
		expect(result.status).toBe('OK');
	});

	it('logs in once and reuses the stored session across two executions', async () => {
		const harness = cloudOffixHarness(sandbox());
		const workflow = afterItems([{}, {}, {}], countPartners());
		const first = await harness.run(workflow);
		const second = await harness.run(workflow);
		expect(first.error).toBeUndefined();
		expect(second.json('cloudOffix')).toHaveLength(3);
		expect(Number(second.json('cloudOffix')[0].count)).toBeGreaterThan(10);
		expect(sandbox().stats.logins).toBe(1);
		expect(harness.credentials.stored('co-1').sessionId).toMatch(/^[0-9a-f]{40}$/);
	});

	it('refreshes an expired session once (code 100 in HTTP 200), stores it, and the call succeeds', async () => {
		const harness = cloudOffixHarness(sandbox());
		const workflow = afterItems([{}, {}, {}, {}], countPartners());
		await harness.run(workflow);
		const firstSession = harness.credentials.stored('co-1').sessionId;
		sandbox().expireSessions();
		const result = await harness.run(workflow);
		expect(result.error).toBeUndefined();
		expect(result.json('cloudOffix')).toHaveLength(4);
		expect(sandbox().stats.logins).toBe(2);
		expect(harness.credentials.stored('co-1').sessionId).not.toBe(firstSession);
		await harness.run(workflow);
		expect(sandbox().stats.logins).toBe(2);
	});

	it('renews an expired session once for executions running at once in one process (a queue worker runs many)', async () => {
		const harness = cloudOffixHarness(sandbox());
		const workflow = afterItems([{}, {}], countPartners());
		await harness.run(workflow);
		sandbox().expireSessions();
		const runs = await Promise.all(Array.from({ length: 5 }, async () => await harness.run(workflow)));
		expect(runs.map((run) => run.error?.message)).toEqual(Array(5).fill(undefined));
		expect(runs.map((run) => run.json('cloudOffix').length)).toEqual(Array(5).fill(2));
		expect(sandbox().stats.logins).toBe(2);
	});

	// The suite's secrets check (test/setup/secrets.ts) looks for every password and session of the test in all it
	// produced; this test makes sure that there is much to look at: a password set by a call, failures, their logs.
	it('keeps the password and session id out of output, errors and logs', async () => {
		const harness = cloudOffixHarness(sandbox());
		// A password that cannot be confused with the login or any other text of the run.
		const changed = await harness.run(
			afterItems([{}], packageNode('cloudOffix', { resource: 'method', operation: 'call', model: { mode: 'name', value: 'res.users' }, method: 'write', args: `[[2], {"password": "${SECRET}"}]`, kwargs: '{}' }, { cloudOffixApi: 'co-1' })),
		);
		expect(changed.json('cloudOffix')).toEqual([{ result: true }]);
		harness.credentials.store.get('co-1')!.data.password = SECRET;
		const { result: runs, logs } = await captureLogs(async () => {
			const ok = await harness.run(afterItems([{}], countPartners('jsonRpc')));
			sandbox().faults.set({ kind: 'status', status: 502 });
			const failed = await harness.run(afterItems([{}], countPartners('jsonRpc', { retries: 0 })));
			const wrong = await cloudOffixHarness(sandbox(), { password: 'Wrong-Pass-77' }).run(afterItems([{}], countPartners()));
			return [ok, failed, wrong];
		});
		const [ok, failed, wrong] = runs;
		const session = String(harness.credentials.stored('co-1').sessionId);
		expect(ok.error).toBeUndefined();
		expect(session).toMatch(/^[0-9a-f]{40}$/);
		expect(failed.error?.message).toContain('HTTP 502');
		expect(wrong.error?.message).toContain('refused login "admin"');
		// The logs are really read: n8n logged both failures.
		expect(logs).toContain('HTTP 502');
		expect(logs).toContain('refused login "admin"');
		// /jsonrpc carries the password in every body: none of it may surface (the hook checks), nor the session id.
		expect(harness.credentials.stored('co-1').password).toBe(SECRET);
	});
});
