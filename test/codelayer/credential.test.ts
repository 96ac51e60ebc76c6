import { afterItems, captureLogs } from '../harness';
import { codelayer, codelayerHarness, SAMPLE, useCodelayerSandbox } from './harness';

const PASSWORD = 'Pw-8c1f-secret';
const SAMPLE_LICENCE = 'CAxLcQc5V1hc8VNe2pzxDQz+jaI+jf3FU+cp4E5oslD9EN6Rki8Ma3aFp01ilr3';

const useSandbox = useCodelayerSandbox({ users: [{ ...SAMPLE, password: PASSWORD }] });

function harnessWith(data: Record<string, unknown> = {}) {
	return codelayerHarness(useSandbox(), { password: PASSWORD, licenseKey: SAMPLE_LICENCE, ...data });
}

/** One keyed call: Route → Get (sales/route_details), one item per row of the answer. */
const routeDetails = () => codelayer('route', 'get');

describe('Codelayer credential', () => {
	it('passes its test with good credentials, after one login', async () => {
		const result = await harnessWith().testCredential('cl-1');
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(useSandbox().stats.logins).toBe(1);
		expect(useSandbox().stats.requests['sales/route_details']).toBe(1);
	});

	it('fails its test with a message naming the refusal, and never shows the password', async () => {
		const result = await harnessWith({ password: 'wrong-secret' }).testCredential('cl-1');
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Codelayer refused user "TEST"');
		expect(result.message).toContain('Invalid authentication credentials.');
	});

	it('rejects a malformed IMEI before anything is sent', async () => {
		const result = await harnessWith({ imei: '12345' }).testCredential('cl-1');
		expect(result.status).toBe('Error');
		expect(result.message).toContain('IMEI');
		expect(useSandbox().stats.total).toBe(0);
	});

	it('obtains the key once and reuses it across two executions', async () => {
		const harness = harnessWith();
		const workflow = afterItems([{ n: 1 }, { n: 2 }, { n: 3 }], routeDetails());
		const first = await harness.run(workflow);
		const second = await harness.run(workflow);
		expect(first.error).toBeUndefined();
		expect(second.json('codelayer')).toHaveLength(3);
		expect(second.json('codelayer')[0]).toMatchObject({ routename: 'ALAMCHEARY', gp_fyear: '4_19' });
		expect(useSandbox().stats.logins).toBe(1);
		expect(harness.credentials.preAuthentications).toBe(1);
		expect(useSandbox().stats.requests['sales/route_details']).toBe(6);
	});

	it('renews an expired key once (e 401 inside HTTP 200), stores it, and the call succeeds', async () => {
		const harness = harnessWith();
		const workflow = afterItems([{ n: 1 }], routeDetails());
		await harness.run(workflow);
		const firstKey = harness.credentials.stored('cl-1').sessionKey;
		useSandbox().expireKeys();
		const result = await harness.run(workflow);
		expect(result.error).toBeUndefined();
		expect(result.json('codelayer')[0]).toMatchObject({ routename: 'ALAMCHEARY' });
		expect(useSandbox().stats.logins).toBe(2);
		const renewedKey = harness.credentials.stored('cl-1').sessionKey;
		expect(renewedKey).toMatch(/^[A-Za-z0-9]{32}$/);
		expect(renewedKey).not.toBe(firstKey);
		// The next execution uses the stored key: no third login.
		await harness.run(workflow);
		expect(useSandbox().stats.logins).toBe(2);
	});

	it('renews the key on a real HTTP 401 too (n8n-core refresh)', async () => {
		const harness = harnessWith();
		const workflow = afterItems([{ n: 1 }], routeDetails());
		await harness.run(workflow);
		// The next keyed call is refused with a real HTTP 401 (and e 401 in the body).
		useSandbox().faults.set({ kind: 'e', e: 401, httpStatus: 401, path: 'sales/route_details' });
		const result = await harness.run(workflow);
		expect(result.error).toBeUndefined();
		expect(result.json('codelayer')[0]).toMatchObject({ routename: 'ALAMCHEARY' });
		expect(useSandbox().stats.logins).toBe(2);
	});

	// The suite's secrets check (test/setup/secrets.ts) looks for the password, licence key and keys in all that the
	// test produced; this test makes sure there is something to look at: a keyed run, a refused login, its log.
	it('keeps the password and keys out of output items, errors and logs', async () => {
		const harness = harnessWith();
		const { result: runs, logs } = await captureLogs(async () => {
			const ok = await harness.run(afterItems([{ n: 1 }], routeDetails()));
			const failed = await harnessWith({ password: 'wrong-secret' }).run(afterItems([{ n: 1 }], routeDetails()));
			return [ok, failed];
		});
		const [ok, failed] = runs;
		const key = String(harness.credentials.stored('cl-1').sessionKey);
		expect(key).toHaveLength(32);
		expect(failed.error?.message).toContain('Codelayer refused user "TEST"');
		expect(logs).toContain('Codelayer refused user "TEST"');
		expect(ok.error).toBeUndefined();
	});
});
