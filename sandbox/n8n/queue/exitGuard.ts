import { spawn, type ChildProcess } from 'node:child_process';

/**
 * What must not outlive the test process: the PostgreSQL, Redis and n8n process groups a queue-mode cluster starts,
 * and their temporary folders. Each is registered with a watchdog, a small Node process of its own that reads the
 * registrations on a pipe from this process; when the pipe closes (this process ended, however: a normal end, a
 * crash, Ctrl-C, SIGKILL), it kills every group still registered, then removes every folder still registered. The
 * orderly stop (afterAll) unregisters what it has stopped and removed itself.
 *
 * A watchdog rather than a process 'exit' handler: under jest a test file's `process` is a copy with listeners of its
 * own, which the real process's exit and signals never reach; and no handler runs on SIGKILL.
 */
const WATCHDOG = `
const { rmSync } = require('node:fs');
const registered = new Map();
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
	pending += chunk;
	let end;
	while ((end = pending.indexOf('\\n')) >= 0) {
		const { op, id, kind, target } = JSON.parse(pending.slice(0, end));
		pending = pending.slice(end + 1);
		if (op === 'add') registered.set(id, { kind, target });
		else registered.delete(id);
	}
});
process.stdin.on('end', () => {
	const entries = [...registered.values()];
	for (const { kind, target } of entries) if (kind === 'group') try { process.kill(-target, 'SIGKILL'); } catch {}
	for (const { kind, target } of entries) if (kind === 'folder') try { rmSync(target, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }); } catch {}
	process.exit(0);
});
`;

let watchdog: ChildProcess | undefined;
let next = 0;

function send(message: Record<string, unknown>): void {
	if (!watchdog) {
		// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- the tests' cleanup watchdog (not package code)
		watchdog = spawn(process.execPath, ['-e', WATCHDOG], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
		// Neither the watchdog nor its pipe keeps this process alive: the pipe's end is what the watchdog waits for.
		watchdog.unref();
		(watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
	}
	watchdog.stdin?.write(`${JSON.stringify(message)}\n`);
}

function guard(kind: 'group' | 'folder', target: number | string): () => void {
	const id = next++;
	send({ op: 'add', id, kind, target });
	return () => send({ op: 'remove', id });
}

/** Kills the process group of `pid` (a child started with `detached: true`) if this process ends first. */
export function guardProcessGroup(pid: number): () => void {
	return guard('group', pid);
}

/** Removes `folder` if this process ends first (after the groups are killed). */
export function guardFolder(folder: string): () => void {
	return guard('folder', folder);
}

/** Kills a process group, ignoring one that is already gone. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
	if (pid === undefined) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// ESRCH: nothing left to signal.
	}
}
