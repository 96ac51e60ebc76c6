import { startCloudOffixSandbox, type CloudOffixSandbox, type CloudOffixSandboxOptions } from '../../../../sandbox/cloudoffix';
import { useSandbox as useSandboxOf } from '../../../harness/useSandbox';
import { JsonRpcClient } from './json-client';

/** One sandbox per test file, reset before each test. */
export function useSandbox(options: CloudOffixSandboxOptions = {}): () => CloudOffixSandbox {
	return useSandboxOf(() => startCloudOffixSandbox(options));
}

/** A JSON-RPC client logged in as `login` (password = login, as seeded). */
export async function loggedIn(sandbox: CloudOffixSandbox, login = 'admin'): Promise<JsonRpcClient> {
	const client = new JsonRpcClient(sandbox.url, sandbox.db);
	await client.login(login, login);
	return client;
}

/** admin and demo, logged in again before each test of the file (after useSandbox's reset, registered first). */
export function loggedInEachTest(sandbox: () => CloudOffixSandbox): { admin: JsonRpcClient; demo: JsonRpcClient } {
	const users = {} as { admin: JsonRpcClient; demo: JsonRpcClient };
	beforeEach(async () => {
		users.admin = await loggedIn(sandbox());
		users.demo = await loggedIn(sandbox(), 'demo');
	});
	return users;
}
