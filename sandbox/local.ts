import { startCloudOffixSandbox, type CloudOffixSandbox } from './cloudoffix';
import { startCodelayerSandbox, type CodelayerSandbox } from './codelayer';

/** Where the sandboxes listen and how to sign in to them. */
export interface SandboxAddresses {
	cloudOffix: { url: string; db: string; login: string; password: string };
	codelayer: { url: string; licenseUrl: string; username: string; password: string; imei: string };
}

/**
 * Both sandboxes for people (the sandbox command and the main job): CloudOffix on CLOUDOFFIX_SANDBOX_PORT
 * (default 8069), Codelayer's API server on CODELAYER_SANDBOX_PORT (default 8070) and its licence server on
 * CODELAYER_LICENSE_SANDBOX_PORT (default 8071), on 127.0.0.1 unless SANDBOX_HOST says otherwise, logging one
 * line per request. CLOUDOFFIX_COMPUTED_FIELD_COST_MS sets how long CloudOffix reads wait per record and
 * non-stored computed field (default 0.05; 0 for no wait).
 */
export interface LocalSandboxes {
	cloudOffix: CloudOffixSandbox;
	codelayer: CodelayerSandbox;
	/** Where they are and how to sign in (the demo credentials' data). */
	addresses: SandboxAddresses;
	/** One line per sandbox for people: address, logins, controls. */
	describe(): string[];
	close(): Promise<void>;
}

/** The CloudOffix sandbox's administrator (its seed's uid 2). */
const CLOUDOFFIX_ADMIN = { login: 'admin', password: 'admin' };

/** Ports to take instead of the environment's (0: a free one). */
export interface SandboxPorts {
	cloudOffix: number;
	codelayer: number;
	codelayerLicence: number;
}

export async function startLocalSandboxes(logFor: (service: string) => ((line: string) => void) | undefined, ports?: SandboxPorts): Promise<LocalSandboxes> {
	const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
	const cloudOffix = await startCloudOffixSandbox({
		host,
		port: ports?.cloudOffix ?? Number(process.env.CLOUDOFFIX_SANDBOX_PORT ?? 8069),
		computedFieldCostMs: millisecondsFromEnv('CLOUDOFFIX_COMPUTED_FIELD_COST_MS'),
		log: logFor('cloudoffix'),
	});
	const codelayer = await startCodelayerSandbox({
		host,
		port: ports?.codelayer ?? Number(process.env.CODELAYER_SANDBOX_PORT ?? 8070),
		licensePort: ports?.codelayerLicence ?? Number(process.env.CODELAYER_LICENSE_SANDBOX_PORT ?? 8071),
		log: logFor('codelayer'),
	}).catch(async (error: unknown) => {
		await cloudOffix.close();
		throw error;
	});
	const [user] = codelayer.users;
	return {
		cloudOffix,
		codelayer,
		addresses: {
			cloudOffix: { url: cloudOffix.url, db: cloudOffix.db, ...CLOUDOFFIX_ADMIN },
			codelayer: { url: codelayer.url, licenseUrl: codelayer.licenseUrl, ...user },
		},
		describe: () => [
			`CloudOffix sandbox: URL ${cloudOffix.url}, database ${cloudOffix.db}, login ${CLOUDOFFIX_ADMIN.login} / password ${CLOUDOFFIX_ADMIN.password} ` +
				`(read-only: demo / demo), reads wait ${cloudOffix.computedFieldCostMs} ms per record and computed field`,
			`Codelayer sandbox: API base URL ${codelayer.url}/, licence server URL ${codelayer.licenseUrl}/, username ${user.username}, ` +
				`password ${user.password}, IMEI ${user.imei}, licence appID ${codelayer.licence.appID} / clientID ${codelayer.licence.clientID}, ` +
				`gp_fyear ${codelayer.day.gpFyear}; POST ${codelayer.url}/__sandbox/new-day starts a new route day`,
		],
		close: async () => void (await Promise.all([cloudOffix.close(), codelayer.close()])),
	};
}

/** A number of milliseconds from the environment; undefined (the sandbox's default) when unset. */
function millisecondsFromEnv(name: string): number | undefined {
	const text = process.env[name];
	if (text === undefined || text.trim() === '') return undefined;
	const value = Number(text);
	if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of milliseconds >= 0, not ${JSON.stringify(text)}`);
	return value;
}
