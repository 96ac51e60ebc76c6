import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { chmod, chown, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { freePort } from '../instance';
import { guardFolder } from './exitGuard';
import { startGroupProcess, type GroupProcess } from './groupProcess';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL server for n8n's queue mode: Debian's PostgreSQL (the `postgresql` package; `psql` from
 * `postgresql-client`), a cluster made with initdb in a temporary folder, listening on a free loopback port only
 * (no Unix socket), one database and one password-protected user for n8n. PostgreSQL refuses to run as root, so as
 * root initdb and the server run as the `postgres` account Debian's package creates (or one made for the tests),
 * which then owns the folder. Durability is switched off (fsync, synchronous commit): the data lives for one run.
 * `stop()` shuts it down and removes the folder; the exit guard does the same if the tests die first.
 */
export interface PostgresServer {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	/** Runs SQL with psql; the rows as JSON, for a query that selects one json column per row (see `queryJson`). */
	psql(sql: string): Promise<string>;
	/** The rows of a SELECT, as objects (the query is wrapped in json_agg). */
	queryJson<T>(sql: string): Promise<T[]>;
	stop(): Promise<void>;
}

/** Where Debian keeps PostgreSQL's server programs when they are not on the PATH: /usr/lib/postgresql/<major>/bin. */
async function serverBin(program: string): Promise<string> {
	for (const folder of (process.env.PATH ?? '').split(':')) if (folder && existsSync(join(folder, program))) return join(folder, program);
	const versions = await readdir('/usr/lib/postgresql').catch(() => [] as string[]);
	for (const version of versions.sort((a, b) => Number(b) - Number(a))) {
		const candidate = join('/usr/lib/postgresql', version, 'bin', program);
		if (existsSync(candidate)) return candidate;
	}
	throw new Error(`PostgreSQL's ${program} was not found (apt-get install postgresql; .ci/run does it)`);
}

interface Account {
	uid: number;
	gid: number;
	name: string;
}

/** The account PostgreSQL runs as when the tests run as root: Debian's `postgres`, or one made for the tests. */
async function serverAccount(): Promise<Account | undefined> {
	if (process.getuid?.() !== 0) return undefined;
	const find = async (name: string) => {
		const passwd = await readFile('/etc/passwd', 'utf8');
		const fields = passwd.split('\n').map((line) => line.split(':')).find((entry) => entry[0] === name);
		return fields ? { name, uid: Number(fields[2]), gid: Number(fields[3]) } : undefined;
	};
	const existing = (await find('postgres')) ?? (await find('n8n-e2e-postgres'));
	if (existing) return existing;
	await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'n8n-e2e-postgres']);
	const made = await find('n8n-e2e-postgres');
	if (!made) throw new Error('could not create an account for PostgreSQL to run as');
	return made;
}

export async function startPostgres(): Promise<PostgresServer> {
	const account = await serverAccount();
	// Directly under the system's temporary folder (sticky, world-traversable): the server's account must reach it.
	const folder = await mkdtemp(join(tmpdir(), 'n8n-queue-postgres-'));
	const forgetFolder = guardFolder(folder);
	const user = 'n8n';
	const password = randomBytes(18).toString('base64url');
	const database = 'n8n';
	const data = join(folder, 'data');
	const passwordFile = join(folder, 'password');
	await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
	const asAccount = account ? { uid: account.uid, gid: account.gid } : {};
	if (account) {
		await chown(folder, account.uid, account.gid);
		await chown(passwordFile, account.uid, account.gid);
	}
	await chmod(folder, 0o700);
	const env = { ...process.env, LC_ALL: 'C', LANG: 'C', HOME: folder };
	await run(await serverBin('initdb'), ['-D', data, '-U', user, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-instructions'], { ...asAccount, env, cwd: folder }).catch(
		(error: { stderr?: string; message: string }) => {
			throw new Error(`initdb failed: ${error.stderr ?? error.message}`);
		},
	);
	const port = await freePort();
	const server: GroupProcess = startGroupProcess(
		'PostgreSQL',
		await serverBin('postgres'),
		[
			'-D', data,
			'-p', String(port),
			'-c', 'listen_addresses=127.0.0.1',
			'-c', 'unix_socket_directories=',
			'-c', 'fsync=off',
			'-c', 'synchronous_commit=off',
			'-c', 'full_page_writes=off',
			'-c', 'max_connections=200',
		],
		{ ...asAccount, env, cwd: folder },
	);
	const stop = async () => {
		// SIGINT is PostgreSQL's fast shutdown: open sessions are ended, the server exits at once.
		await server.stop('SIGINT', 20_000);
		rmSync(folder, { recursive: true, force: true });
		forgetFolder();
	};
	let ready = false;
	try {
		await server.printed(/database system is ready to accept connections/);
		const host = '127.0.0.1';
		const psqlEnv = { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '10' };
		const psql = async (sql: string, db = database) => {
			const { stdout } = await run('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', host, '-p', String(port), '-U', user, '-d', db, '-c', sql], {
				env: psqlEnv,
				maxBuffer: 64 * 1024 * 1024,
			});
			return stdout;
		};
		await psql(`CREATE DATABASE ${database}`, 'postgres');
		ready = true;
		return {
			host,
			port,
			database,
			user,
			password,
			psql: async (sql) => await psql(sql),
			queryJson: async <T>(sql: string) => JSON.parse((await psql(`SELECT coalesce(json_agg(q), '[]'::json) FROM (${sql}) q`)).trim() || '[]') as T[],
			stop,
		};
	} finally {
		if (!ready) await stop();
	}
}
