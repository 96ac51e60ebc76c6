import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { packPackage } from '../../../sandbox/n8n/communityPackage';
import { ensureN8nInstalled } from '../../../sandbox/n8n/install';

/**
 * Once per run: n8n installed (or found in the machine's cache), and the package packed as a publish packs it.
 * Test files read both from the environment, which workers inherit; the run's folder goes at teardown.
 */
export default async function setup(): Promise<void> {
	const log = (line: string) => process.stdout.write(`e2e: ${line}\n`);
	process.env.E2E_N8N_BIN = await ensureN8nInstalled(log);
	const root = await mkdtemp(join(tmpdir(), 'n8n-e2e-'));
	process.env.E2E_ROOT = root;
	log('packing the package');
	process.env.E2E_TARBALL = await packPackage(join(root, 'pack'));
}
