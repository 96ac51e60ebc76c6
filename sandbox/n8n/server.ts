import { spawn, type ChildProcess } from 'node:child_process';

import { freePort, type N8nInstance } from './instance';

/** The owner account the local n8n is set up with (a local, throwaway instance). */
export const DEMO_OWNER = { email: 'owner@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Sandbox-Demo-1' } as const;

export interface RunningN8n {
	/** The editor's base URL, without a trailing slash. */
	url: string;
	/** Resolves when the process has exited (after `stop`, or on its own). */
	exited: Promise<number | null>;
	stop(): Promise<void>;
}

/**
 * Starts `n8n start` on a loopback port and resolves once it answers /healthz/readiness (its database migrated,
 * its nodes loaded); fails at once if the process exits first. `port` 0 takes a free one.
 */
export async function startN8n(instance: N8nInstance, bin: string, port = 0, extra: Record<string, string> = {}): Promise<RunningN8n> {
	const listenPort = port || (await freePort());
	const env = instance.environment(await freePort(), { N8N_PORT: String(listenPort), ...extra });
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- starts n8n for the local main job and the tests (not package code)
	const child = spawn(bin, ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20000));
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	const url = `http://127.0.0.1:${listenPort}`;
	const running: RunningN8n = { url, exited, stop: async () => await stop(child, exited) };
	const ready = await Promise.race([whenReady(url, exited), exited.then(() => false)]);
	if (!ready) {
		await running.stop();
		throw new Error(`n8n start exited before it was ready:\n${output}`);
	}
	return running;
}

/** Asks /healthz/readiness until it answers 200; each try waits for the previous answer (or refusal). */
async function whenReady(url: string, exited: Promise<unknown>): Promise<boolean> {
	let gone = false;
	void exited.then(() => (gone = true));
	while (!gone) {
		const answer = await fetch(`${url}/healthz/readiness`).catch(() => undefined);
		if (answer?.ok) return true;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return false;
}

async function stop(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
	if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
	await exited;
}

/** A signed-in REST session of the editor's API (`/rest/...`), as the editor holds it: the auth cookie. */
export class RestSession {
	private constructor(
		readonly url: string,
		private readonly cookie: string,
	) {}

	/** Sets up the owner on a fresh instance (ignored if it already has one) and signs in as it. */
	static async asOwner(url: string): Promise<RestSession> {
		const setup = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_OWNER) });
		if (!setup.ok && setup.status !== 400) throw new Error(`owner setup answered ${setup.status}: ${await setup.text()}`);
		const login = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: DEMO_OWNER.email, password: DEMO_OWNER.password }),
		});
		if (!login.ok) throw new Error(`login answered ${login.status}: ${await login.text()}`);
		const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
		return new RestSession(url, cookie);
	}

	/** The Cookie header of the session (for a browser or a push connection). */
	get cookieHeader(): string {
		return this.cookie;
	}

	async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
		const answer = await fetch(`${this.url}/rest${path}`, {
			method,
			headers: { cookie: this.cookie, 'content-type': 'application/json', ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await answer.text();
		if (!answer.ok) throw new Error(`${method} /rest${path} answered ${answer.status}: ${text}`);
		const parsed = JSON.parse(text) as { data?: T };
		return (parsed.data ?? parsed) as T;
	}
}
