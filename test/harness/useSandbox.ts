/**
 * Starts a sandbox for a test file (or a describe block), resets it before each test and closes it after
 * the last; returns a getter for it.
 */
export function useSandbox<Sandbox extends { reset(): void; close(): Promise<void> }>(start: () => Promise<Sandbox>): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await start();
	});
	afterAll(async () => await sandbox?.close());
	beforeEach(() => sandbox?.reset());
	return () => {
		if (!sandbox) throw new Error('The sandbox is not running');
		return sandbox;
	};
}
