import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';

import { startLocalSandboxes, type LocalSandboxes } from '../../sandbox/local';
import { installCommunityPackage } from '../../sandbox/n8n/communityPackage';
import { demoCredentials } from '../../sandbox/n8n/demo';
import { N8nInstance } from '../../sandbox/n8n/instance';

/** The package's name, as n8n prefixes its node types (`<package>.<node>`). */
export const PACKAGE = 'n8n-nodes-cloudoffix-codelayer';

/** Where screenshots and other artefacts of the suite go (kept after the run; .build/ is ignored by git). */
export const ARTEFACTS = join(__dirname, '..', '..', '.build', 'e2e');

function fromSetup(name: 'E2E_N8N_BIN' | 'E2E_ROOT' | 'E2E_TARBALL'): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the suite with \`npm run test:e2e\` (its global setup sets it)`);
	return value;
}

export const n8nBin = (): string => fromSetup('E2E_N8N_BIN');

/**
 * A fresh n8n user folder with the packed package installed in it as n8n's community install does; n8n creates
 * its database and encryption key there on the first command. Removed with the run's folder.
 */
export async function newInstance(): Promise<N8nInstance> {
	const userFolder = await mkdtemp(join(fromSetup('E2E_ROOT'), 'user-folder-'));
	await installCommunityPackage(userFolder, fromSetup('E2E_TARBALL'));
	return new N8nInstance({ bin: n8nBin(), userFolder });
}

/** Both sandboxes on free ports for a test file, closed after it; quiet (no request log). */
export function useLocalSandboxes(): () => LocalSandboxes {
	let sandboxes: LocalSandboxes | undefined;
	beforeAll(async () => {
		sandboxes = await startLocalSandboxes(() => undefined, { cloudOffix: 0, codelayer: 0, codelayerLicence: 0 });
	});
	afterAll(async () => await sandboxes?.close());
	return () => {
		if (!sandboxes) throw new Error('The sandboxes are not running');
		return sandboxes;
	};
}

/** Imports the demo credentials (examples/ name them), pointing at these sandboxes. */
export async function importDemoCredentials(instance: N8nInstance, sandboxes: LocalSandboxes): Promise<void> {
	await instance.importCredentials(demoCredentials(sandboxes.addresses));
}

/**
 * One call of CloudOffix's external API (/jsonrpc: common.login, then object.execute_kw) as the sandbox's
 * administrator: what the sandbox holds, read without the node.
 */
export async function odooCall(sandboxes: LocalSandboxes, model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<unknown> {
	const { url, db, login, password } = sandboxes.addresses.cloudOffix;
	const call = async (service: string, serviceMethod: string, callArgs: unknown[]) => {
		const answer = await fetch(`${url}/jsonrpc`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { service, method: serviceMethod, args: callArgs } }),
		});
		const body = (await answer.json()) as { result?: unknown; error?: { data?: { message?: string } } };
		if (body.error) throw new Error(`CloudOffix ${model}.${method}: ${body.error.data?.message ?? JSON.stringify(body.error)}`);
		return body.result;
	};
	const uid = (await call('common', 'login', [db, login, password])) as number;
	return await call('object', 'execute_kw', [db, uid, password, model, method, args, kwargs]);
}

/** One call of Codelayer's API as a device logged in to the sandbox, as Codelayer documents it: the key in every body. */
export async function codelayerCall(sandboxes: LocalSandboxes, path: string, body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
	const { url, username, password, imei } = sandboxes.addresses.codelayer;
	const post = async (target: string, payload: Record<string, unknown>) => {
		const answer = await fetch(`${url}/${target}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
		const parsed = (await answer.json()) as Record<string, unknown>;
		if (parsed.e !== 200) throw new Error(`Codelayer ${target} answered e ${String(parsed.e)}: ${String(parsed.msg)}`);
		return parsed;
	};
	const { key } = await post('system/auth', { username, password, imei, ver: '1.0.0.0' });
	return await post(path, { key, ...body });
}
