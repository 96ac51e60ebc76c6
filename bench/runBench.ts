/** Runs a benchmark's main, printing its failure (with the stack) and exiting 1 if it throws. */
export function runBench(main: () => Promise<void>): void {
	main().catch((error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	});
}
