import type { IDataObject, INode } from 'n8n-workflow';

import { Codelayer } from '../../nodes/Codelayer/Codelayer.node';
import { CodelayerRouteReportTrigger } from '../../nodes/Codelayer/CodelayerRouteReportTrigger.node';
import { startCodelayerSandbox, type CodelayerSandbox, type CodelayerSandboxOptions } from '../../sandbox/codelayer';
import { createHarness, packageNode } from '../harness';
import { registerIssuedSecrets } from '../harness/secrets';
import { useSandbox } from '../harness/useSandbox';

/** The documentation's sample user and device, as the sandbox knows them by default. */
export const SAMPLE = { username: 'TEST', password: 'password', imei: '352099001761481' };

/**
 * The sample user with a distinctive password, the tests' default: the suite's secrets check (test/setup/secrets.ts)
 * looks for it in every test ('password' is too common a word to look for).
 */
export const TEST_USER = { ...SAMPLE, password: 'Pw-6d2a-sandbox' };

/**
 * A Codelayer sandbox for a test file, reset before each test, knowing TEST_USER unless `users` says otherwise; the
 * keys it issues are secrets the secrets check looks for.
 */
export function useCodelayerSandbox(options: CodelayerSandboxOptions = {}): () => CodelayerSandbox {
	const sandbox = useSandbox(() => startCodelayerSandbox({ users: [TEST_USER], ...options }));
	registerIssuedSecrets(sandbox, 'a key the Codelayer sandbox issued', (running) => running.issuedKeys());
	return sandbox;
}

export type CodelayerHarness = ReturnType<typeof codelayerHarness>;

/** A harness with the Codelayer nodes and one stored credential `cl-1` pointing at the sandbox. */
export function codelayerHarness(sandbox: CodelayerSandbox, data: Record<string, unknown> = {}) {
	const harness = createHarness({ codelayer: new Codelayer(), codelayerRouteReportTrigger: new CodelayerRouteReportTrigger() });
	harness.addCredential({
		id: 'cl-1',
		name: 'Codelayer account',
		type: 'codelayerApi',
		data: { baseUrl: `${sandbox.url}/`, licenseUrl: `${sandbox.licenseUrl}/`, ...TEST_USER, ...data },
	});
	return harness;
}

/** A Codelayer node doing `resource` → `operation` with `parameters`. */
export function codelayer(resource: string, operation: string, parameters: IDataObject = {}, extra: Partial<INode> = {}): INode {
	return packageNode('codelayer', { resource, operation, ...parameters }, { codelayerApi: 'cl-1' }, extra);
}

/** The two lines of the sample sale: product 12 (rate 12, tax 18 %) and 185 (rate 8, no tax), as the seed has them. */
export const SAMPLE_SALE_LINES = [
	{ itemcode: 12, qty: 2, rate: 12, taxperc: 18 },
	{ itemcode: 185, qty: 5, rate: 8, taxperc: 0 },
];

/** A sale to customer 359 (ABC) of the sample lines, paid 100 in cash, as Sale → Create takes it. */
export function saleParameters(parameters: IDataObject = {}): IDataObject {
	return {
		gp_fyear: '4_19',
		custcode: 359,
		paymentmode: 'C',
		cashreceived: 100,
		roff: 0,
		specialdisc: 0,
		salesInput: 'rows',
		sales: { row: SAMPLE_SALE_LINES },
		...parameters,
	};
}
