import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function teardown(): Promise<void> {
	const root = process.env.E2E_ROOT;
	if (root?.startsWith(join(tmpdir(), 'n8n-e2e-'))) await rm(root, { recursive: true, force: true });
}
