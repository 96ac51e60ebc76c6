import { startCloudOffixSandbox, type CloudOffixSandbox, type CloudOffixSandboxOptions } from '../../sandbox/cloudoffix';
import { createHarness } from '../harness';
import { CloudOffix } from '../../nodes/CloudOffix/CloudOffix.node';

const ADMIN_PASSWORD = 'admin';

/** Starts a CloudOffix sandbox for a test file (reset before each test) and returns a getter for it. */
export function useCloudOffixSandbox(options: CloudOffixSandboxOptions = {}): () => CloudOffixSandbox {
	let sandbox: CloudOffixSandbox | undefined;
	beforeAll(async () => {
		sandbox = await startCloudOffixSandbox(options);
	});
	afterAll(async () => await sandbox?.close());
	beforeEach(() => sandbox?.reset());
	return () => {
		if (!sandbox) throw new Error('The sandbox is not running');
		return sandbox;
	};
}

/** A harness with the CloudOffix node and one stored credential `co-1` pointing at the sandbox. */
export function cloudOffixHarness(sandbox: CloudOffixSandbox, data: Record<string, unknown> = {}) {
	const harness = createHarness({ cloudOffix: new CloudOffix() });
	harness.addCredential({
		id: 'co-1',
		name: 'CloudOffix account',
		type: 'cloudOffixApi',
		data: { url: `${sandbox.url}/`, db: sandbox.db, login: 'admin', password: ADMIN_PASSWORD, ...data },
	});
	return harness;
}
