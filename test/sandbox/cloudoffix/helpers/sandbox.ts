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
