import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, symlink, writeFile, lstat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

import { REPOSITORY } from './repository';

/**
 * The n8n the local main job and the end-to-end suite run: one pinned version, installed once per machine and
 * reused by every clone (CI starts from a clean clone each time; 2.9 GB and about 7 minutes are not worth
 * repeating). It lives in the user's cache, `N8N_INSTALL_DIR` overrides where, and the clone's `.build/n8n` links
 * to it. 2.41.3 does not install from the registry (it names a version of @n8n/agents that was never published).
 */
export const N8N_VERSION = '2.41.1';

export function n8nInstallDir(): string {
	const cache = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
	return process.env.N8N_INSTALL_DIR ?? join(cache, 'n8n-nodes-cloudoffix-codelayer', `n8n-${N8N_VERSION}`);
}

/** The n8n command of an install. */
export function n8nBin(installDir = n8nInstallDir()): string {
	return join(installDir, 'node_modules', 'n8n', 'bin', 'n8n');
}

/**
 * Installs n8n unless the install is complete (its marker names the version), and returns the n8n command.
 * The install is made in a side folder and moved into place only once it is complete, so an interrupted one
 * is started again rather than used. Needs Node 24 with `npm_config_nodedir` set (.ci/node24.sh), which the
 * sqlite3 rebuild compiles against.
 */
export async function ensureN8nInstalled(log: (line: string) => void): Promise<string> {
	const dir = n8nInstallDir();
	if (!(await isInstalled(dir))) {
		const partial = `${dir}.partial`;
		await rm(partial, { recursive: true, force: true });
		await mkdir(partial, { recursive: true });
		await writeFile(join(partial, 'package.json'), JSON.stringify({ name: 'n8n-runtime', private: true }));
		log(`installing n8n ${N8N_VERSION} into ${dir} (once per machine: about 2.9 GB and 5 to 10 minutes)`);
		// Install scripts stay off: the kafka, oracledb and profiler native parts do not build here and n8n does
		// not need them. sqlite3, its default database, does need its native part: rebuilt on its own.
		await npm(partial, ['install', '--ignore-scripts', '--no-audit', '--no-fund', `n8n@${N8N_VERSION}`]);
		log('building sqlite3 for this Node');
		await npm(partial, ['rebuild', 'sqlite3']);
		await writeFile(join(partial, 'installed.json'), JSON.stringify({ n8n: N8N_VERSION }));
		await rm(dir, { recursive: true, force: true });
		await rename(partial, dir);
	}
	await linkFromBuild(dir);
	return n8nBin(dir);
}

async function isInstalled(dir: string): Promise<boolean> {
	try {
		const marker = JSON.parse(await readFile(join(dir, 'installed.json'), 'utf8')) as { n8n?: unknown };
		return marker.n8n === N8N_VERSION && existsSync(n8nBin(dir));
	} catch {
		return false;
	}
}

/** `.build/n8n` → the install, so that the clone shows where its n8n is. */
async function linkFromBuild(dir: string): Promise<void> {
	const link = join(REPOSITORY, '.build', 'n8n');
	if (link === dir) return;
	await mkdir(dirname(link), { recursive: true });
	const existing = await lstat(link).catch(() => undefined);
	if (existing && !existing.isSymbolicLink()) return;
	if (existing) await rm(link);
	await symlink(dir, link);
}

function npm(cwd: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- installs n8n for the local main job and the tests (not package code)
		const child = spawn('npm', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm ${args.join(' ')} failed (exit ${code}) in ${cwd}:\n${stderr}`))));
	});
}
