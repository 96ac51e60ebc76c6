/**
 * Starts both sandboxes for people: CloudOffix on CLOUDOFFIX_SANDBOX_PORT (default 8069) and Codelayer on
 * CODELAYER_SANDBOX_PORT (default 8070), on 127.0.0.1 unless SANDBOX_HOST says otherwise, logging one line
 * per request. Stops on Ctrl-C.
 */
import { startCloudOffixSandbox } from './cloudoffix';
import { startCodelayerSandbox } from './codelayer';

const logFor = (service: string) => (line: string) => process.stdout.write(`${new Date().toISOString()} ${service} ${line}\n`);
const log = logFor('sandbox');

async function main() {
	const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
	const cloudOffix = await startCloudOffixSandbox({ host, port: Number(process.env.CLOUDOFFIX_SANDBOX_PORT ?? 8069), log: logFor('cloudoffix') });
	const codelayer = await startCodelayerSandbox({ host, port: Number(process.env.CODELAYER_SANDBOX_PORT ?? 8070), log: logFor('codelayer') });
	const [user] = codelayer.users;
	log(`CloudOffix sandbox: URL ${cloudOffix.url}, database ${cloudOffix.db}, login admin / password admin (read-only: demo / demo)`);
	log(`Codelayer sandbox: API base URL ${codelayer.url}/, username ${user.username}, password ${user.password}, IMEI ${user.imei}`);
	const stop = async () => {
		await Promise.all([cloudOffix.close(), codelayer.close()]);
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
