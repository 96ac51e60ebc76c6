import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { REPOSITORY } from './repository';

const run = promisify(execFile);

/** `npm pack` of this repository into `destination` (prepack builds dist/ first); returns the tarball's path. */
export async function packPackage(destination: string): Promise<string> {
	await mkdir(destination, { recursive: true });
	const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', destination], { cwd: REPOSITORY, maxBuffer: 16 * 1024 * 1024 });
	const tarball = stdout.trim().split('\n').pop() ?? '';
	return join(destination, tarball);
}

/**
 * Installs a packed package into an n8n user folder the way n8n 2.41.1's Settings → Community Nodes install does
 * (CommunityPackagesService.downloadPackage): the tarball unpacked into `.n8n/nodes/node_modules/<name>`, its
 * package.json stripped of dev, peer and optional dependencies, `npm install` run inside it with install scripts
 * off, and the package recorded in `.n8n/nodes/package.json`. n8n loads it from there at start, under its package
 * name, like any community package. Returns the package's name.
 */
export async function installCommunityPackage(userFolder: string, tarball: string): Promise<string> {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	const { name, version } = JSON.parse((await run('tar', ['-xzOf', tarball, 'package/package.json'])).stdout) as { name: string; version: string };
	const packageFolder = join(nodesFolder, 'node_modules', name);
	await mkdir(packageFolder, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', packageFolder, '--strip-components=1']);
	const manifestPath = join(packageFolder, 'package.json');
	const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[field];
	await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
	await run(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: packageFolder, env: { ...process.env, npm_config_update_notifier: 'false' } },
	);
	const ledgerPath = join(nodesFolder, 'package.json');
	const ledger = (await readJson(ledgerPath)) ?? { name: 'installed-nodes', private: true, dependencies: {} };
	ledger.dependencies = { ...(ledger.dependencies as object), [name]: version };
	await writeFile(ledgerPath, JSON.stringify(ledger, null, 2));
	return name;
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
	try {
		return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}
