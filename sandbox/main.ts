/**
 * The README's main job: both sandboxes, and n8n 2.41.1 (installed once per machine) with this package installed
 * the way Settings → Community Nodes installs one, the demo credentials pointing at the sandboxes and the example
 * workflows imported, in a fresh user folder under .build/main. Prints the editor URL and the logins; Ctrl-C (or
 * SIGTERM) stops n8n and the sandboxes and removes the user folder. N8N_PORT sets the editor's port (default 5678),
 * MAIN_JOB_FOLDER where the user folder goes, the sandboxes' port variables their ports (sandbox/local.ts).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { startLocalSandboxes } from './local';
import { installCommunityPackage, packPackage } from './n8n/communityPackage';
import { demoCredentials } from './n8n/demo';
import { N8nInstance } from './n8n/instance';
import { ensureN8nInstalled } from './n8n/install';
import { REPOSITORY } from './n8n/repository';
import { DEMO_OWNER, RestSession, startN8n, type RunningN8n } from './n8n/server';

const WORK = process.env.MAIN_JOB_FOLDER ?? join(REPOSITORY, '.build', 'main');
const EXAMPLES = join(REPOSITORY, 'examples');

const logFor = (service: string) => (line: string) => process.stdout.write(`${new Date().toISOString()} ${service} ${line}\n`);
const log = logFor('main');

async function main() {
	const bin = await ensureN8nInstalled(log);
	await rm(WORK, { recursive: true, force: true });
	log('packing the package (npm pack builds dist/)');
	const tarball = await packPackage(join(WORK, 'pack'));
	const instance = new N8nInstance({ bin, userFolder: join(WORK, 'user-folder') });
	const name = await installCommunityPackage(instance.userFolder, tarball);
	log(`installed ${name} into ${instance.userFolder}/.n8n/nodes as a community package`);

	const sandboxes = await startLocalSandboxes(logFor);
	const running: { n8n?: RunningN8n } = {};
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		await running.n8n?.stop();
		await sandboxes.close();
		await rm(WORK, { recursive: true, force: true });
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	await instance.importCredentials(demoCredentials(sandboxes.addresses));
	const examples = (await readdir(EXAMPLES)).filter((file) => file.endsWith('.json')).sort();
	await instance.importWorkflow(await Promise.all(examples.map(async (file) => JSON.parse(await readFile(join(EXAMPLES, file), 'utf8')) as object)));
	log(`imported the demo credentials and ${examples.length} example workflows`);

	const n8n = await startN8n(instance, bin, Number(process.env.N8N_PORT ?? 5678));
	running.n8n = n8n;
	await RestSession.asOwner(n8n.url);
	void n8n.exited.then(() => {
		if (!stopping) log(`n8n stopped on its own; its log: ${instance.logFile}`);
		void stop(1);
	});
	for (const line of sandboxes.describe()) log(line);
	log(`n8n log: ${instance.logFile}`);
	log(`Editor: ${n8n.url}/  (sign in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password}); Ctrl-C stops everything`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
