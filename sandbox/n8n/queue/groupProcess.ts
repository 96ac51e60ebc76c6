import { spawn, type SpawnOptions } from 'node:child_process';

import { guardProcessGroup, killGroup } from './exitGuard';

/**
 * A server process of the queue-mode cluster (PostgreSQL, Redis, an n8n main or worker), started in a process group
 * of its own so that stopping it also stops what it started (n8n's task runner, PostgreSQL's backends), and
 * registered with the exit guard so that it cannot outlive the tests. Its output is kept (the last 64 kB) and can be
 * waited on line by line.
 */
export interface GroupProcess {
	readonly pid: number;
	/** What it is, for messages ("PostgreSQL", "n8n worker B"). */
	readonly what: string;
	/** Resolves with the exit code (or the signal's name) once it has exited. */
	readonly exited: Promise<number | string | null>;
	/** Whether it has exited. */
	readonly gone: boolean;
	/** Its output so far (stdout and stderr, the last 64 kB). */
	output(): string;
	/** Resolves with the first output line matching `pattern`; fails if the process exits first, with its output. */
	printed(pattern: RegExp): Promise<RegExpExecArray>;
	/** Sends `signal` to the whole group. */
	signal(signal: NodeJS.Signals): void;
	/**
	 * Sends `signal` (default SIGTERM) to the group and waits for the exit; after `graceMs` the group is killed. The
	 * grace period is a bound on a shutdown that hangs, not a wait anything depends on.
	 */
	stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

const KEPT_OUTPUT = 64 * 1024;

export function startGroupProcess(what: string, command: string, args: string[], options: SpawnOptions = {}): GroupProcess {
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- starts the tests' PostgreSQL, Redis and n8n processes (not package code)
	const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	if (child.pid === undefined) throw new Error(`${what} did not start (${command})`);
	const pid = child.pid;
	const forget = guardProcessGroup(pid);
	let output = '';
	let pending = '';
	const watchers = new Set<(line: string) => void>();
	const take = (chunk: Buffer) => {
		const text = chunk.toString('utf8');
		output = (output + text).slice(-KEPT_OUTPUT);
		const lines = (pending + text).split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) for (const watcher of [...watchers]) watcher(line);
	};
	child.stdout?.on('data', take);
	child.stderr?.on('data', take);
	let gone = false;
	const exited = new Promise<number | string | null>((resolve) => {
		child.on('error', (error) => {
			output += `\n${error.message}`;
			gone = true;
			resolve(null);
		});
		child.on('exit', (code, signal) => {
			gone = true;
			// The group may still hold children (a task runner): they go with it.
			killGroup(pid);
			forget();
			resolve(code ?? signal);
		});
	});
	const printed = (pattern: RegExp) =>
		new Promise<RegExpExecArray>((resolve, reject) => {
			const earlier = output.split('\n').map((line) => pattern.exec(line)).find((match) => match !== null);
			if (earlier) return resolve(earlier);
			const watcher = (line: string) => {
				const match = pattern.exec(line);
				if (!match) return;
				watchers.delete(watcher);
				resolve(match);
			};
			watchers.add(watcher);
			void exited.then((code) => {
				if (!watchers.has(watcher)) return;
				watchers.delete(watcher);
				reject(new Error(`${what} exited (${String(code)}) before printing ${pattern}; it printed:\n${output.slice(-8000)}`));
			});
		});
	return {
		pid,
		what,
		exited,
		get gone() {
			return gone;
		},
		output: () => output,
		printed,
		signal: (signal) => killGroup(pid, signal),
		stop: async (signal = 'SIGTERM', graceMs = 30_000) => {
			if (gone) return;
			killGroup(pid, signal);
			let timer: NodeJS.Timeout | undefined;
			const killed = new Promise<void>((resolve) => {
				timer = setTimeout(() => {
					killGroup(pid);
					resolve();
				}, graceMs);
			});
			await Promise.race([exited, killed]);
			clearTimeout(timer);
			await exited;
		},
	};
}
