import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../instance';
import { guardFolder } from './exitGuard';
import { startGroupProcess } from './groupProcess';

/**
 * A throwaway Redis server for n8n's queue mode: Debian's `redis-server`, on a free loopback port, with a password
 * and no persistence, its working folder a temporary one. The password is given in a configuration file, not on
 * the command line (where `ps` would show it). `stop()` shuts it down and removes the folder; the exit guard does
 * the same if the tests die first.
 */
export interface RedisServer {
	host: string;
	port: number;
	password: string;
	stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
	const folder = await mkdtemp(join(tmpdir(), 'n8n-queue-redis-'));
	const forgetFolder = guardFolder(folder);
	const host = '127.0.0.1';
	const port = await freePort();
	const password = randomBytes(18).toString('base64url');
	const config = join(folder, 'redis.conf');
	await writeFile(
		config,
		[`bind ${host}`, `port ${port}`, `dir ${folder}`, `requirepass ${password}`, 'save ""', 'appendonly no', 'daemonize no', 'protected-mode yes', 'loglevel notice', ''].join('\n'),
		{ mode: 0o600 },
	);
	const server = startGroupProcess('Redis', 'redis-server', [config], { cwd: folder });
	const stop = async () => {
		await server.stop('SIGTERM', 10_000);
		rmSync(folder, { recursive: true, force: true });
		forgetFolder();
	};
	let ready = false;
	try {
		await server.printed(/Ready to accept connections/);
		ready = true;
		return { host, port, password, stop };
	} finally {
		if (!ready) await stop();
	}
}
