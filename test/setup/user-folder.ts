import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * n8n-core writes its config into the user folder on first use: the run gets one temporary folder, made
 * before any worker starts (workers inherit the environment) and removed when the run ends.
 */
export function setup(): void {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-user-folder-'));
}

export function teardown(): void {
	const folder = process.env.N8N_USER_FOLDER;
	if (folder?.startsWith(join(tmpdir(), 'n8n-user-folder-'))) rmSync(folder, { recursive: true, force: true });
}
