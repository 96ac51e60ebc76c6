import type { INodeExecutionData, IRun } from 'n8n-workflow';

/**
 * The suite's one secrets check: the registry of the secrets a test has (its credentials' passwords, licence keys,
 * session ids and keys, and what the sandboxes issued) and the recorder of everything it produced (run results,
 * credential test messages, poll results, n8n's log and the console). test/setup/secrets.ts runs `checkTest` after
 * every test of the suite and fails the test on a leak; the harness feeds both sides, so no test has to ask.
 *
 * Nothing here uses jest: benchmarks build harnesses too, and record nothing (recording starts with the hook).
 */

/** Where a secret was found: an item a node or a poll emitted, an error, a log line, or the rest of a run's data. */
export type Where = 'output' | 'error' | 'log' | 'run data';

/** Something a test produced, as it was produced (walked at check time). */
export interface Produced {
	where: Where;
	/** Which run, node, poll, credential test or log level, for the failure message. */
	what: string;
	value: unknown;
	/** Entries of one group (the parts of one run) are walked as one: what an earlier entry reached, a later one skips. */
	group?: object;
}

export interface Secret {
	/** What the secret is, e.g. `codelayerApi.licenseKey of credential "cl-1"`: failures name it, never the value. */
	kind: string;
	value: string;
}

export interface Leak {
	kind: string;
	where: Where;
	what: string;
}

type Source = () => Iterable<Secret>;

/**
 * Which values count as secrets: at least 8 characters, of at least two of the classes lower-case letter, upper-case
 * letter, digit, other (the usual password-strength rule). Shorter or single-class values are words or numbers that
 * innocent text holds: the sandboxes' demo passwords 'admin', 'demo' and 'password' would be "found" in the login
 * 'admin', in a message naming the password field, in a property name. The harness's default credentials use
 * distinctive passwords (test/cloudoffix/sandbox.ts, test/codelayer/harness.ts) so that every test is covered; the
 * session ids (40 hex digits) and keys (32 letters and digits) the servers issue always qualify.
 */
export const MIN_SECRET_LENGTH = 8;

export function isSecretValue(value: unknown): value is string {
	if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return false;
	const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
	return classes >= 2;
}

interface Scoped<T> {
	item: T;
	/** Registered during a test (dropped when the next one starts), or outside any (module scope, beforeAll: kept for the file). */
	test: boolean;
}

const state = {
	recording: false,
	inTest: false,
	produced: [] as Produced[],
	secrets: [] as Array<Scoped<Secret>>,
	sources: [] as Array<Scoped<Source>>,
};

/** Registers a secret value (ignored unless `isSecretValue`). */
export function registerSecret(kind: string, value: unknown): void {
	if (isSecretValue(value)) state.secrets.push({ item: { kind, value }, test: state.inTest });
}

/** Registers a place read at check time for secrets that appear during the test (a credential store, a sandbox). */
export function registerSecretSource(source: Source): void {
	state.sources.push({ item: source, test: state.inTest });
}

/**
 * Registers what a sandbox issued (sessions, keys) as secrets, read at check time through the getter useSandbox
 * returned; nothing while the sandbox is not running (another describe block's).
 */
export function registerIssuedSecrets<Sandbox>(sandbox: () => Sandbox, kind: string, issued: (running: Sandbox) => readonly string[]): void {
	registerSecretSource(() => {
		let running: Sandbox;
		try {
			running = sandbox();
		} catch {
			return [];
		}
		return issued(running).map((value) => ({ kind, value }));
	});
}

/** Records something the test produced, while the hook records (never outside jest: benchmarks would keep every run). */
export function recordProduced(where: Where, what: string, value: unknown, group?: object): void {
	if (state.recording) state.produced.push({ where, what, value, group });
}

/** Records a run as n8n returned it: the errors, then each node's output items, then the rest of the run data. */
export function recordRun(run: IRun, what: string): void {
	if (!state.recording) return;
	const { runData, error } = run.data.resultData;
	if (error) recordProduced('error', `${what}, the workflow error`, error, run);
	for (const [node, tasks] of Object.entries(runData)) {
		tasks.forEach((task, index) => {
			const label = `${what}, node "${node}" (run ${index + 1})`;
			if (task.error) recordProduced('error', label, task.error, run);
			const items = Object.values(task.data ?? {}).flatMap((outputs) => (outputs ?? []).flatMap((output) => output ?? []));
			for (const item of items) if (item.error) recordProduced('error', `${label}, an item's error`, item.error, run);
			recordProduced('output', label, task.data, run);
		});
	}
	recordProduced('run data', what, run, run);
}

/** Records the items a poll emitted. */
export function recordItems(what: string, items: INodeExecutionData[]): void {
	recordProduced('output', what, items);
}

/**
 * A node's editor methods (listSearch, loadOptions, resourceMapping...) that record what they return or throw, for
 * the tests that call them directly with `harness.loadOptionsContext`: `recordingMethods(new CloudOffix().methods)`.
 */
export function recordingMethods<Methods extends object>(methods: Methods): Methods {
	const wrap = (what: string, method: (...args: unknown[]) => unknown) =>
		async function (this: unknown, ...args: unknown[]): Promise<unknown> {
			const result = await Promise.resolve(method.apply(this, args)).catch(async (error: unknown) => {
				recordProduced('error', what, error);
				return await Promise.reject(error as Error);
			});
			recordProduced('output', what, result);
			return result;
		};
	return Object.fromEntries(
		Object.entries(methods).map(([group, functions]) => [
			group,
			Object.fromEntries(Object.entries(functions as Record<string, (...args: unknown[]) => unknown>).map(([name, method]) => [name, wrap(`the editor's ${group}.${name}`, method)])),
		]),
	) as Methods;
}

/** Everything produced since the last check (the current test, and any beforeAll before it). */
export function producedSoFar(): readonly Produced[] {
	return state.produced;
}

/** The secrets of the current test: the registered ones and what the sources hold now, each value once. */
export function currentSecrets(): Secret[] {
	const byValue = new Map<string, Set<string>>();
	const add = ({ kind, value }: Secret) => {
		if (!isSecretValue(value)) return;
		const kinds = byValue.get(value) ?? new Set<string>();
		kinds.add(kind);
		byValue.set(value, kinds);
	};
	state.secrets.forEach(({ item }) => add(item));
	for (const { item: source } of state.sources) for (const secret of source()) add(secret);
	return [...byValue].map(([value, kinds]) => ({ kind: [...kinds].join(' = '), value }));
}

/**
 * The leaks: every secret found in what was produced, raw or as JSON, URL or XML would escape it (an error quoting
 * a request body), once per secret, place and kind of material. The parts of a run are walked as one: an object
 * met in its errors or outputs (the same items passed on by the next node) is not met again in the rest of its data.
 */
export function findLeaks(produced: readonly Produced[], secrets: readonly Secret[]): Leak[] {
	if (secrets.length === 0) return [];
	const patterns = secrets.map((secret) => ({ kind: secret.kind, forms: encodings(secret.value) }));
	const seenByGroup = new WeakMap<object, WeakSet<object>>();
	const leaks = new Map<string, Leak>();
	for (const entry of produced) {
		let seen = entry.group && seenByGroup.get(entry.group);
		if (!seen) {
			seen = new WeakSet<object>();
			if (entry.group) seenByGroup.set(entry.group, seen);
		}
		const strings: string[] = [];
		collectStrings(entry.value, strings, seen, 0);
		// NUL never occurs in a secret, so no secret spans two strings.
		const text = strings.join('\u0000');
		for (const { kind, forms } of patterns) {
			if (!forms.some((form) => text.includes(form))) continue;
			const key = JSON.stringify([kind, entry.where, entry.what]);
			if (!leaks.has(key)) leaks.set(key, { kind, where: entry.where, what: entry.what });
		}
	}
	return [...leaks.values()];
}

/** The failure message: which secret, where; never the value. */
export function describeLeaks(leaks: readonly Leak[]): string {
	const lines = leaks.map((leak) => `- ${leak.kind} in ${leak.where === 'log' ? 'the log' : leak.where === 'run data' ? 'the run data' : `an ${leak.where}`}: ${leak.what}`);
	return `A secret appeared in what the test produced (checked after every test by test/setup/secrets.ts):\n${lines.join('\n')}`;
}

/** The check of one test: what it produced against its secrets; then the recorder is emptied. */
export function checkTest(): Leak[] {
	try {
		return findLeaks(state.produced, currentSecrets());
	} finally {
		state.produced = [];
	}
}

/** The hook's side: recording on (test/setup/secrets.ts, once per test file). */
export function startRecording(): void {
	state.recording = true;
}

/** A test starts: the previous test's secrets and sources go, those of the file stay. */
export function startTest(): void {
	state.inTest = true;
	state.secrets = state.secrets.filter((secret) => !secret.test);
	state.sources = state.sources.filter((source) => !source.test);
}

export function endTest(): void {
	state.inTest = false;
}

/**
 * Drops what the current test produced so far, for a test that leaks on purpose to show that the check sees it.
 * Nothing else may call it: the hook would check nothing.
 */
export function discardProduced(): void {
	state.produced = [];
}

function encodings(secret: string): string[] {
	const xml = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
	return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), xml])];
}

const MAX_DEPTH = 64;

/**
 * Every string in `value`: object keys and values, array elements, Map and Set entries, and all of an error's own
 * properties (message, stack, description, cause, context...). Workflow node definitions (what an error says it
 * came from) are skipped: they hold the parameters the test wrote, not anything the run produced.
 */
function collectStrings(value: unknown, out: string[], seen: WeakSet<object>, depth: number): void {
	if (typeof value === 'string') {
		out.push(value);
		return;
	}
	if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || seen.has(value)) return;
	seen.add(value);
	if (Buffer.isBuffer(value)) {
		out.push(value.toString('utf8'));
		return;
	}
	if (ArrayBuffer.isView(value) || value instanceof Date || isWorkflowNode(value)) return;
	if (value instanceof Map || value instanceof Set) {
		for (const entry of value.entries()) collectStrings(entry, out, seen, depth + 1);
		return;
	}
	if (Array.isArray(value)) {
		for (const element of value) collectStrings(element, out, seen, depth + 1);
		return;
	}
	const keys = value instanceof Error ? Object.getOwnPropertyNames(value) : Object.keys(value);
	if (value instanceof Error && !keys.includes('message')) keys.push('message');
	for (const key of keys) {
		out.push(key);
		let child: unknown;
		try {
			child = (value as Record<string, unknown>)[key];
		} catch {
			continue;
		}
		collectStrings(child, out, seen, depth + 1);
	}
}

function isWorkflowNode(value: object): boolean {
	const node = value as { parameters?: unknown; type?: unknown; typeVersion?: unknown; position?: unknown };
	return typeof node.type === 'string' && typeof node.typeVersion === 'number' && typeof node.parameters === 'object' && Array.isArray(node.position);
}
