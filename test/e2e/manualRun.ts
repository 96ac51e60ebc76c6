import { randomUUID } from 'node:crypto';

import { WebSocket } from 'undici';

import type { WorkflowRun } from '../../sandbox/n8n/instance';
import type { RestSession } from '../../sandbox/n8n/server';

/**
 * A manual run of a workflow through the editor's REST API, as the editor's "Execute workflow" (or a trigger's
 * "Fetch Test Event") starts one: `POST /rest/workflows/<id>/run` with the trigger to start from, on a running
 * `n8n start`, waited for on n8n's push connection (no polling, no fixed waits), then read back with
 * `GET /rest/executions/<id>`.
 *
 * How n8n 2.41.1 pushes (dist/push/): the editor opens a WebSocket on `/rest/push?pushRef=<ref>` with its auth
 * cookie and an Origin matching the host; the server answers the upgrade (101) first and only then runs the auth
 * middleware and registers the socket under its pushRef (`AbstractPush.add`). A run request carrying that ref in a
 * `push-ref` header gets `executionStarted`, `nodeExecuteBefore/After`, `nodeExecuteAfterData` (binary frames) and
 * `executionFinished { executionId, workflowId, status }` sent to it; `executionFinished` goes out after the
 * execution was saved (the save hook runs before the push hook), so reading it back then finds it finished.
 * Messages sent to a ref that is not registered yet are dropped, so the socket must be registered before the run
 * starts, and 'open' on the client does not tell that. What does: `add` closes the connection already registered
 * under the same ref. Two sockets are opened with one ref; the server closes whichever it registered first when it
 * registers the other, so once one of them is closed the other is the registered one.
 */

/** One message of n8n's push connection. */
export interface PushMessage {
	type: string;
	data: Record<string, unknown>;
}

/** An execution as GET /rest/executions/<id> answers it, its run data parsed. */
export interface ManualExecution {
	executionId: string;
	/** `success`, `error`, `canceled`, … as executionFinished and the stored execution tell it. */
	status: string;
	finished: boolean;
	run: WorkflowRun;
	/** Every push message the run sent, in order (for error messages and checks of the push itself). */
	messages: PushMessage[];
}

interface StoredExecution {
	id: string;
	status: string;
	finished: boolean;
	/** The run data, serialised with flatted (n8n's execution.service: `stringify(execution.data)`). */
	data: string;
}

/** One WebSocket of the pair: its messages kept from the start, and how it ended. */
class PushSocket {
	readonly messages: PushMessage[] = [];

	readonly opened: Promise<void>;

	readonly closed: Promise<void>;

	/** Set when the socket has closed, before anyone waiting is told. */
	private closeCode: number | undefined;

	private listeners = new Set<() => void>();

	private readonly socket: WebSocket;

	constructor(url: string, session: RestSession, pushRef: string) {
		const address = `${url.replace(/^http/, 'ws')}/rest/push?pushRef=${encodeURIComponent(pushRef)}`;
		this.socket = new WebSocket(address, { headers: { cookie: session.cookieHeader, origin: url } });
		this.socket.binaryType = 'arraybuffer';
		this.opened = new Promise((resolve, reject) => {
			this.socket.addEventListener('open', () => resolve());
			this.socket.addEventListener('error', () => reject(new Error(`the push connection to ${address.replace(/\?.*/, '')} failed`)));
		});
		// A rejection nobody waits for (that of the socket n8n replaced) must not fail the process.
		this.opened.catch(() => undefined);
		this.closed = new Promise((resolve) =>
			this.socket.addEventListener('close', (event) => {
				this.closeCode = event.code;
				this.notify();
				resolve();
			}),
		);
		this.socket.addEventListener('message', (event) => {
			const text = typeof event.data === 'string' ? event.data : new TextDecoder().decode(event.data as ArrayBuffer);
			this.messages.push(parseMessage(text));
			this.notify();
		});
	}

	/** The first message (kept or still to come) that matches; rejects when the socket closes without one. */
	async next(matches: (message: PushMessage) => boolean, what: string): Promise<PushMessage> {
		return await new Promise<PushMessage>((resolve, reject) => {
			const check = () => {
				const found = this.messages.find(matches);
				if (!found && this.closeCode === undefined) return;
				this.listeners.delete(check);
				if (found) resolve(found);
				else reject(new Error(`the push connection closed (code ${this.closeCode}) before ${what}; it was sent: ${summary(this.messages)}`));
			};
			this.listeners.add(check);
			check();
		});
	}

	close(): void {
		this.socket.close();
	}

	private notify(): void {
		for (const listener of [...this.listeners]) listener();
	}
}

function parseMessage(text: string): PushMessage {
	try {
		const parsed = JSON.parse(text) as Partial<PushMessage>;
		if (typeof parsed.type === 'string') return { type: parsed.type, data: (parsed.data ?? {}) as Record<string, unknown> };
	} catch {
		// n8n writes a refusal ("Invalid origin!") as plain text before it closes the socket.
	}
	return { type: 'text', data: { text } };
}

function summary(messages: readonly PushMessage[]): string {
	if (messages.length === 0) return 'nothing';
	return messages.map((message) => (message.type === 'text' ? JSON.stringify(message.data.text) : message.type)).join(', ');
}

/** A push connection that n8n has registered under its pushRef: what it is sent from now on reaches it. */
export class PushConnection {
	private constructor(
		readonly pushRef: string,
		private readonly socket: PushSocket,
	) {}

	/** Opens the pair of sockets and keeps the one n8n registered (see above); the other is closed by n8n itself. */
	static async open(session: RestSession): Promise<PushConnection> {
		const pushRef = randomUUID();
		const pair = [new PushSocket(session.url, session, pushRef), new PushSocket(session.url, session, pushRef)];
		const registered = await Promise.race(pair.map((socket, index) => socket.closed.then(() => pair[1 - index])));
		await registered.opened;
		return new PushConnection(pushRef, registered);
	}

	get messages(): readonly PushMessage[] {
		return this.socket.messages;
	}

	/** The executionFinished of an execution (also if it came before this call). */
	async finished(executionId: string): Promise<PushMessage> {
		return await this.socket.next((message) => message.type === 'executionFinished' && String(message.data.executionId) === executionId, `execution ${executionId} finished`);
	}

	close(): void {
		this.socket.close();
	}
}

/**
 * Runs a workflow from one of its triggers in manual mode (a polling trigger polls once, in manual mode, as "Fetch
 * Test Event" does) and returns the stored execution once n8n pushed that it finished. A push connection can be
 * given to run several workflows over one; otherwise one is opened and closed for the run.
 */
export async function runManually(session: RestSession, workflowId: string, triggerName: string, push?: PushConnection): Promise<ManualExecution> {
	const connection = push ?? (await PushConnection.open(session));
	try {
		const started = await session.request<{ executionId?: string; waitingForWebhook?: boolean }>(
			'POST',
			`/workflows/${encodeURIComponent(workflowId)}/run`,
			{ triggerToStartFrom: { name: triggerName } },
			{ 'push-ref': connection.pushRef },
		);
		if (!started.executionId) throw new Error(`n8n started no execution of ${workflowId}: ${JSON.stringify(started)}`);
		const executionId = String(started.executionId);
		const finished = await connection.finished(executionId);
		const stored = await session.request<StoredExecution>('GET', `/executions/${encodeURIComponent(executionId)}`);
		// The stored data is the run's IRunExecutionData: what `n8n execute --rawOutput` prints under `data`.
		const run: WorkflowRun = { finished: stored.finished, status: stored.status, data: parseFlatted(stored.data) as WorkflowRun['data'] };
		const messages = connection.messages.filter((message) => String(message.data.executionId) === executionId);
		return { executionId, status: String(finished.data.status), finished: stored.finished, run, messages };
	} finally {
		if (!push) connection.close();
	}
}

/**
 * flatted's parse (the format of n8n's stored run data): a JSON array whose first entry is the value; every object
 * and string inside it is the index of its entry, written as a string. Strings are told from references by
 * JSON.parse's reviver wrapping them, as flatted itself does.
 */
export function parseFlatted(text: string): unknown {
	const entries = (JSON.parse(text, (_key, value: unknown) => (typeof value === 'string' ? new String(value) : value)) as unknown[]).map((entry) =>
		entry instanceof String ? String(entry) : entry,
	);
	const revived = new Set<object>();
	const revive = (target: Record<string, unknown>) => {
		revived.add(target);
		for (const key of Object.keys(target)) {
			const value = target[key];
			if (!(value instanceof String)) continue;
			const entry = entries[Number(value)];
			target[key] = entry;
			if (typeof entry === 'object' && entry !== null && !revived.has(entry)) revive(entry as Record<string, unknown>);
		}
	};
	const root = entries[0];
	if (typeof root === 'object' && root !== null) revive(root as Record<string, unknown>);
	return root;
}
