/** Starts both sandboxes for people (see local.ts for ports and settings) and stops them on Ctrl-C. */
import { startLocalSandboxes } from './local';

const logFor = (service: string) => (line: string) => process.stdout.write(`${new Date().toISOString()} ${service} ${line}\n`);

async function main() {
	const sandboxes = await startLocalSandboxes(logFor);
	for (const line of sandboxes.describe()) logFor('sandbox')(line);
	const stop = async () => {
		await sandboxes.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
