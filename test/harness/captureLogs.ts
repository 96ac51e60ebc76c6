import { dirname } from 'node:path';

import type { Logger as N8nLogger } from '@n8n/backend-common';

import { recordProduced } from './secrets';

/** n8n-core's own copy of its logger class (a transitive dependency, resolved from n8n-core). */
function n8nLogger(): typeof N8nLogger {
	const modulePath = require.resolve('@n8n/backend-common', { paths: [dirname(require.resolve('n8n-core'))] });
	return jest.requireActual<{ Logger: typeof N8nLogger }>(modulePath).Logger;
}
const CONSOLE_LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const LOGGER_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/** The lines logged while a `captureLogs` runs (message and metadata: where an error's details would go). */
const recorded: string[] = [];
let capturing = 0;

/** One log line: to the running captures, and to the secrets check of the test (test/harness/secrets.ts), as given. */
function record(source: string, args: unknown[]): void {
	recordProduced('log', source, args);
	if (capturing > 0) recorded.push(args.map((arg) => (typeof arg === 'string' ? arg : safeJson(arg))).join(' '));
}

function safeJson(value: unknown): string {
	try {
		return JSON.stringify(value);
	} catch {
		return String(value);
	}
}

/**
 * Sends n8n's logger into the recorder instead of the console for the whole test file (test/setup runs it): the
 * engine logs every failed item, which would bury the test report; `captureLogs` and the secrets check read it.
 */
export function recordN8nLogs(): void {
	const Logger = n8nLogger();
	for (const level of LOGGER_LEVELS) jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => record(`n8n's log (${level})`, args));
}

/**
 * Passes console output on as before, and records it for the secrets check. Plain wrappers, not jest spies: a
 * test's own spy (captureLogs's) then wraps them and its restore brings them back.
 */
export function recordConsole(): void {
	const output: Console = globalThis.console;
	for (const level of CONSOLE_LEVELS) {
		const original = output[level];
		output[level] = (...args: unknown[]) => {
			recordProduced('log', `console.${level}`, args);
			original.apply(output, args);
		};
	}
}

/**
 * Runs `work` and returns what n8n logged meanwhile, plus anything written to the console (which it keeps off
 * the screen), so that tests can check what is logged.
 */
export async function captureLogs<T>(work: () => Promise<T>): Promise<{ result: T; logs: string }> {
	const start = recorded.length;
	capturing++;
	const spies = CONSOLE_LEVELS.map((level) => jest.spyOn(console, level).mockImplementation((...args: unknown[]) => record(`console.${level}`, args)));
	try {
		const result = await work();
		return { result, logs: recorded.slice(start).join('\n') };
	} finally {
		spies.forEach((spy) => spy.mockRestore());
		if (--capturing === 0) recorded.length = 0;
	}
}
