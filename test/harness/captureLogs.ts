const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/**
 * Runs `work` while collecting everything written to the console (n8n-core's logger writes there) and to
 * stdout/stderr, so that tests can check that no secret was logged.
 */
export async function captureLogs<T>(work: () => Promise<T>): Promise<{ result: T; logs: string }> {
	const lines: string[] = [];
	const spies = LEVELS.map((level) =>
		jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
	);
	const streams = [process.stdout, process.stderr].map((stream) =>
		jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
			lines.push(String(chunk));
			return true;
		}),
	);
	try {
		return { result: await work(), logs: lines.join('\n') };
	} finally {
		[...spies, ...streams].forEach((spy) => spy.mockRestore());
	}
}
