/**
 * Starts both sandboxes for people: CloudOffix on CLOUDOFFIX_SANDBOX_PORT (default 8069), Codelayer's API server on
 * CODELAYER_SANDBOX_PORT (default 8070) and its licence server on CODELAYER_LICENSE_SANDBOX_PORT (default 8071),
 * on 127.0.0.1 unless SANDBOX_HOST says otherwise, logging one line per request. CLOUDOFFIX_COMPUTED_FIELD_COST_MS
 * sets how long CloudOffix reads wait per record and non-stored computed field (default 0.05; 0 for no wait).
 * Stops on Ctrl-C.
 */
import { startCloudOffixSandbox } from './cloudoffix';
import { startCodelayerSandbox } from './codelayer';

const logFor = (service: string) => (line: string) => process.stdout.write(`${new Date().toISOString()} ${service} ${line}\n`);
const log = logFor('sandbox');

async function main() {
	const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
	const cloudOffix = await startCloudOffixSandbox({
		host,
		port: Number(process.env.CLOUDOFFIX_SANDBOX_PORT ?? 8069),
		computedFieldCostMs: millisecondsFromEnv('CLOUDOFFIX_COMPUTED_FIELD_COST_MS'),
		log: logFor('cloudoffix'),
	});
	const codelayer = await startCodelayerSandbox({
		host,
		port: Number(process.env.CODELAYER_SANDBOX_PORT ?? 8070),
		licensePort: Number(process.env.CODELAYER_LICENSE_SANDBOX_PORT ?? 8071),
		log: logFor('codelayer'),
	});
	const [user] = codelayer.users;
	log(
		`CloudOffix sandbox: URL ${cloudOffix.url}, database ${cloudOffix.db}, login admin / password admin (read-only: demo / demo), ` +
			`reads wait ${cloudOffix.computedFieldCostMs} ms per record and computed field`,
	);
	log(
		`Codelayer sandbox: API base URL ${codelayer.url}/, licence server URL ${codelayer.licenseUrl}/, username ${user.username}, ` +
			`password ${user.password}, IMEI ${user.imei}, licence appID ${codelayer.licence.appID} / clientID ${codelayer.licence.clientID}, ` +
			`gp_fyear ${codelayer.day.gpFyear}; POST ${codelayer.url}/__sandbox/new-day starts a new route day`,
	);
	const stop = async () => {
		await Promise.all([cloudOffix.close(), codelayer.close()]);
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

/** A number of milliseconds from the environment; undefined (the sandbox's default) when unset. */
function millisecondsFromEnv(name: string): number | undefined {
	const text = process.env[name];
	if (text === undefined || text.trim() === '') return undefined;
	const value = Number(text);
	if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of milliseconds >= 0, not ${JSON.stringify(text)}`);
	return value;
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
