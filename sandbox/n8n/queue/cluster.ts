import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { installCommunityPackage } from '../communityPackage';
import { freePort, N8nInstance } from '../instance';
import { guardFolder } from './exitGuard';
import { startGroupProcess, type GroupProcess } from './groupProcess';
import { LogFile } from './logFile';
import { startPostgres, type PostgresServer } from './postgres';
import { startRedis, type RedisServer } from './redis';

/**
 * n8n 2.41.1 in queue mode, as a scaled-out installation runs it: PostgreSQL and Redis, one `n8n start` (the main
 * instance: editor, REST API, production webhooks, trigger polling; it enqueues every production execution in Redis)
 * and `n8n worker` processes that take the executions from the queue and run them. Every process has its own user
 * folder with the packed package installed as a community package, so nothing can pass between them but the shared
 * database, Redis and the encryption key; each logs to its own file (JSON lines) in its folder.
 *
 * The environment variables are 2.41.1's (@n8n/config): EXECUTIONS_MODE, DB_TYPE and DB_POSTGRESDB_*,
 * QUEUE_BULL_REDIS_HOST / PORT / PASSWORD, N8N_ENCRYPTION_KEY; for workers QUEUE_HEALTH_CHECK_ACTIVE,
 * QUEUE_HEALTH_CHECK_PORT and N8N_WORKER_SERVER_ADDRESS (their /healthz/readiness, which answers once the worker
 * takes jobs); N8N_RUNNERS_BROKER_PORT, one per process (each starts its own task broker); concurrency as
 * `n8n worker --concurrency=N`. OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true sends manual runs to workers too (what
 * n8n 3 will always do; 2.41.1 warns without it).
 */
export interface QueueClusterOptions {
	/** The n8n command (ensureN8nInstalled). */
	bin: string;
	/** The packed package (packPackage). */
	tarball: string;
	/** Where the user folders are made; they are removed by `stop()`. */
	root: string;
	/** Worker names (one worker each), e.g. ['A', 'B']. */
	workers: string[];
	/** Jobs each worker runs at once. */
	concurrency: number;
	/** Added to every process's environment (main, workers and the CLI commands). */
	env?: Record<string, string>;
	/** Runs before the main instance starts, with the CLI of the main's user folder on the cluster's database. */
	beforeStart?: (cli: N8nInstance) => Promise<void>;
}

export interface ClusterProcess {
	name: string;
	instance: N8nInstance;
	process: GroupProcess;
	log: LogFile;
}

export interface QueueCluster {
	postgres: PostgresServer;
	redis: RedisServer;
	/** The main instance; `url` is its editor and webhook base URL. */
	main: ClusterProcess & { url: string };
	workers: ClusterProcess[];
	/** Every secret of the cluster (passwords, encryption key), for a check that none was printed. */
	secrets(): string[];
	/** Stops every process, then PostgreSQL and Redis, and removes every folder. */
	stop(): Promise<void>;
}

/** How long a start may take at most (n8n's first start migrates an empty database). */
const START_BOUND_MS = 240_000;

export async function startQueueCluster(options: QueueClusterOptions): Promise<QueueCluster> {
	const started: Array<() => Promise<void>> = [];
	const stopAll = async () => {
		for (const stop of started.reverse()) await stop().catch(() => undefined);
		started.length = 0;
	};
	let ready = false;
	try {
		const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
		started.push(postgres.stop, redis.stop);
		const encryptionKey = randomBytes(24).toString('base64url');
		const shared: Record<string, string> = {
			EXECUTIONS_MODE: 'queue',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			QUEUE_BULL_REDIS_PASSWORD: redis.password,
			N8N_ENCRYPTION_KEY: encryptionKey,
			// A stop waits this long at most for running executions (default 30 s).
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			...options.env,
		};
		const instance = async (name: string) => {
			const userFolder = await mkdtemp(join(options.root, `queue-${name}-`));
			const forget = guardFolder(userFolder);
			started.push(async () => {
				await rm(userFolder, { recursive: true, force: true });
				forget();
			});
			await installCommunityPackage(userFolder, options.tarball);
			return new N8nInstance({ bin: options.bin, userFolder, env: shared });
		};
		const [mainInstance, ...workerInstances] = await Promise.all([instance('main'), ...options.workers.map(async (name) => await instance(`worker-${name}`))]);
		await options.beforeStart?.(mainInstance);

		const mainPort = await freePort();
		const mainProcess = startGroupProcess('n8n main', options.bin, ['start'], { env: mainInstance.environment(await freePort(), { N8N_PORT: String(mainPort) }) });
		started.push(async () => await mainProcess.stop('SIGTERM', 30_000));
		const url = `http://127.0.0.1:${mainPort}`;
		await whenHealthy(`${url}/healthz/readiness`, mainProcess);
		const main = { name: 'main', instance: mainInstance, process: mainProcess, log: new LogFile(mainInstance.logFile), url };

		const workers = await Promise.all(
			options.workers.map(async (name, index) => {
				const workerInstance = workerInstances[index];
				const healthPort = await freePort();
				const env = workerInstance.environment(await freePort(), {
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				});
				const worker = startGroupProcess(`n8n worker ${name}`, options.bin, ['worker', `--concurrency=${options.concurrency}`], { env });
				started.push(async () => await worker.stop('SIGTERM', 30_000));
				await whenHealthy(`http://127.0.0.1:${healthPort}/healthz/readiness`, worker);
				return { name, instance: workerInstance, process: worker, log: new LogFile(workerInstance.logFile) };
			}),
		);
		ready = true;
		return {
			postgres,
			redis,
			main,
			workers,
			secrets: () => [postgres.password, redis.password, encryptionKey],
			stop: stopAll,
		};
	} finally {
		if (!ready) await stopAll();
	}
}

/**
 * Asks a health endpoint until it answers 200, each try after the previous answer (or refusal) and 250 ms; fails at
 * once if the process exits first, and after START_BOUND_MS.
 */
async function whenHealthy(address: string, process: GroupProcess): Promise<void> {
	const until = Date.now() + START_BOUND_MS;
	while (!process.gone) {
		const answer = await fetch(address).catch(() => undefined);
		if (answer?.ok) return;
		if (Date.now() > until) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`${process.what} did not become ready (${address})${process.gone ? ', it exited' : ''}; it printed:\n${process.output().slice(-8000)}`);
}
