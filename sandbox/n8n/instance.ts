import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One n8n user folder and the n8n processes that run on it: the CLI commands (import, execute, export) and
 * `n8n start`. Every process listens on loopback only, sends nothing home, and logs to a file in the user folder
 * (`logFile`), so that stdout carries only what a command prints.
 */
export interface N8nInstanceOptions {
	/** The n8n command (ensureN8nInstalled). */
	bin: string;
	userFolder: string;
	/** Added to (or overriding) the environment every n8n process of the instance gets. */
	env?: Record<string, string>;
}

/** What a CLI command did. */
export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** n8n's run data, as `n8n execute --rawOutput` prints it (the part the suite reads). */
export interface WorkflowRun {
	finished?: boolean;
	status?: string;
	data: {
		resultData: {
			error?: { message?: string; description?: string };
			runData: Record<string, Array<{ error?: { message?: string }; data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, unknown> }> | null> } }>>;
		};
	};
}

/** A credential in the shape `n8n import:credentials` reads; `data` in clear (the command encrypts it). */
export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export class N8nInstance {
	readonly logFile: string;

	constructor(private readonly options: N8nInstanceOptions) {
		this.logFile = join(options.userFolder, 'n8n.log');
	}

	get userFolder(): string {
		return this.options.userFolder;
	}

	/** The environment of an n8n process; `brokerPort` is its task broker's (each process needs its own). */
	environment(brokerPort: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		return {
			...process.env,
			// Under jest NODE_ENV is `test`, with which n8n's CLI commands exit 0 having done nothing.
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.options.userFolder,
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			// With the default `vm` expression engine, `n8n execute` sometimes crashes on exit after printing
			// correct output (seen with 2.41.1 here); the legacy engine does not.
			N8N_EXPRESSION_ENGINE: 'legacy',
			N8N_LOG_OUTPUT: 'file',
			N8N_LOG_FILE_LOCATION: this.logFile,
			N8N_LOG_LEVEL: 'info',
			...this.options.env,
			...extra,
		};
	}

	/** Runs `n8n <args>` to its end. */
	async command(args: string[], extra?: Record<string, string>): Promise<CommandResult> {
		// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- runs the n8n CLI for the local main job and the tests (not package code)
		const child = spawn(this.options.bin, args, { env: this.environment(await freePort(), extra), stdio: ['ignore', 'pipe', 'pipe'] });
		const stdout = collect(child, 'stdout');
		const stderr = collect(child, 'stderr');
		const code = await new Promise<number | null>((resolve, reject) => {
			child.on('error', reject);
			child.on('close', (exitCode) => resolve(exitCode));
		});
		return { code, stdout: stdout(), stderr: stderr() };
	}

	/** Runs a command that must succeed; its failure carries what it printed. */
	async commandOk(args: string[], extra?: Record<string, string>): Promise<CommandResult> {
		const result = await this.command(args, extra);
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`.trimEnd());
		return result;
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		await this.withJsonFile(credentials, async (file) => void (await this.commandOk(['import:credentials', `--input=${file}`])));
	}

	/**
	 * Imports a workflow as the editor downloads it (`id` keeps it addressable), or an array of them in one command
	 * (each n8n command takes seconds to start).
	 */
	async importWorkflow(workflow: object): Promise<void> {
		await this.withJsonFile(workflow, async (file) => void (await this.commandOk(['import:workflow', `--input=${file}`])));
	}

	/**
	 * `n8n execute --id`: the run data it printed (none when it failed or printed no readable run). The command prints the run through
	 * n8n's logger, hence console output for this one (and the file, as for every command).
	 */
	async execute(workflowId: string): Promise<{ run?: WorkflowRun; result: CommandResult }> {
		const result = await this.command(['execute', `--id=${workflowId}`, '--rawOutput'], { N8N_LOG_OUTPUT: 'console,file' });
		if (result.code !== 0) return { result };
		try {
			return { run: parseRun(result.stdout), result };
		} catch {
			return { result };
		}
	}

	/** The stored credentials, decrypted (what n8n saved, hidden fields included). */
	async exportCredentials(): Promise<CredentialImport[]> {
		return await this.withOutputFile(async (file) => void (await this.commandOk(['export:credentials', '--all', '--decrypted', `--output=${file}`])));
	}

	/** `n8n export:nodes`: every node type n8n loaded, as the editor receives them. */
	async exportNodes(): Promise<Array<Record<string, unknown>>> {
		return await this.withOutputFile(async (file) => void (await this.commandOk(['export:nodes', `--output=${file}`])));
	}

	private async withJsonFile(value: unknown, use: (file: string) => Promise<void>): Promise<void> {
		const folder = await mkdtemp(join(tmpdir(), 'n8n-import-'));
		try {
			const file = join(folder, 'input.json');
			await writeFile(file, JSON.stringify(value));
			await use(file);
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
	}

	private async withOutputFile<T>(produce: (file: string) => Promise<void>): Promise<T> {
		const folder = await mkdtemp(join(tmpdir(), 'n8n-export-'));
		try {
			const file = join(folder, 'output.json');
			await produce(file);
			return JSON.parse(await readFile(file, 'utf8')) as T;
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
	}
}

/**
 * The run among the log lines: `JSON.stringify(run, null, 2)`, from a line that is `{` to the first line that is
 * `}` (inner braces are indented).
 */
export function parseRun(stdout: string): WorkflowRun {
	const start = stdout.search(/^\{$/m);
	const end = start < 0 ? -1 : stdout.slice(start).search(/^\}$/m);
	if (end < 0) throw new Error(`n8n execute printed no run data:\n${stdout}`);
	return JSON.parse(stdout.slice(start, start + end + 1)) as WorkflowRun;
}

/** A free loopback port, for a server started right after. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** Keeps what a child prints, read when needed. */
function collect(child: ChildProcess, stream: 'stdout' | 'stderr'): () => string {
	const chunks: Buffer[] = [];
	child[stream]?.on('data', (chunk: Buffer) => chunks.push(chunk));
	return () => Buffer.concat(chunks).toString('utf8');
}
