import { dirname } from 'node:path';

import type { Logger as N8nLogger } from '@n8n/backend-common';

/** n8n-core's own copy of its logger class (a transitive dependency, resolved from n8n-core). */
function n8nLogger(): typeof N8nLogger {
	const modulePath = require.resolve('@n8n/backend-common', { paths: [dirname(require.resolve('n8n-core'))] });
	return jest.requireActual<{ Logger: typeof N8nLogger }>(modulePath).Logger;
}
const CONSOLE_LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const LOGGER_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/** Everything n8n logged in this test file, message and metadata (where an error's details would go). */
const recorded: string[] = [];

function record(...args: unknown[]): void {
	recorded.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
}

/**
 * Sends n8n's logger into `recorded` instead of the console for the whole test file (test/setup runs it):
 * the engine logs every failed item, which would bury the test report, and the secrets checks read it.
 */
export function recordN8nLogs(): void {
	const Logger = n8nLogger();
	for (const level of LOGGER_LEVELS) jest.spyOn(Logger.prototype, level).mockImplementation(record);
}

/**
 * Runs `work` and returns what n8n logged meanwhile, plus anything written to the console, so that tests
 * can check that no secret is logged.
 */
export async function captureLogs<T>(work: () => Promise<T>): Promise<{ result: T; logs: string }> {
	const start = recorded.length;
	const spies = CONSOLE_LEVELS.map((level) => jest.spyOn(console, level).mockImplementation(record));
	try {
		const result = await work();
		return { result, logs: recorded.slice(start).join('\n') };
	} finally {
		spies.forEach((spy) => spy.mockRestore());
	}
}
