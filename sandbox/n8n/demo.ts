import type { SandboxAddresses } from '../local';
import type { CredentialImport } from './instance';

/**
 * The demo credentials the local n8n is given: one per service, pointing at its sandbox. The example workflows
 * (examples/*.json) name them by these ids, so they run as imported.
 */
export const DEMO_CREDENTIALS = {
	cloudOffix: { id: 'cloudOffixDemo01', name: 'CloudOffix sandbox' },
	codelayer: { id: 'codelayerDemo001', name: 'Codelayer sandbox' },
} as const;

export function demoCredentials(sandboxes: SandboxAddresses): CredentialImport[] {
	const { cloudOffix, codelayer } = sandboxes;
	return [
		{
			...DEMO_CREDENTIALS.cloudOffix,
			type: 'cloudOffixApi',
			data: { url: cloudOffix.url, db: cloudOffix.db, login: cloudOffix.login, password: cloudOffix.password, ignoreSslIssues: false },
		},
		{
			...DEMO_CREDENTIALS.codelayer,
			type: 'codelayerApi',
			data: {
				baseUrl: `${codelayer.url}/`,
				licenseUrl: `${codelayer.licenseUrl}/`,
				username: codelayer.username,
				password: codelayer.password,
				imei: codelayer.imei,
				appVersion: '1.0.0.0',
			},
		},
	];
}
