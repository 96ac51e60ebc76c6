import { dirname } from 'node:path';

import type { Logger as N8nLogger } from '@n8n/backend-common';

/** n8n-core's own copy of its logger class (a transitive dependency, resolved from n8n-core). */
function n8nLogger(): typeof N8nLogger {
	const modulePath = require.resolve('@n8n/backend-common', { paths: [dirname(require.resolve('n8n-core'))] });
	return jest.requireActual<{ Logger: typeof N8nLogger }>(modulePath).Logger;
}
const CONSOLE_LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const LOGGER_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/**
 * Runs `work` while collecting what n8n logs (its Logger, message and metadata, which is where an error's
 * details would go) and anything written to the console, so that tests can check that no secret is logged.
 */
export async function captureLogs<T>(work: () => Promise<T>): Promise<{ result: T; logs: string }> {
	const lines: string[] = [];
	const record = (...args: unknown[]) => void lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
	const Logger = n8nLogger();
	const spies = [
		...CONSOLE_LEVELS.map((level) => jest.spyOn(console, level).mockImplementation(record)),
		...LOGGER_LEVELS.map((level) => jest.spyOn(Logger.prototype, level).mockImplementation(record)),
	];
	try {
		return { result: await work(), logs: lines.join('\n') };
	} finally {
		spies.forEach((spy) => spy.mockRestore());
	}
}
