import type { INodeExecutionData } from 'n8n-workflow';

import { authenticateDevice } from '../transport/login';
import { CODELAYER_CREDENTIAL } from '../transport';
import type { OperationRun } from './common';

/**
 * system/auth with the credential's user and device: proves the login and tells which features the user
 * may use. The key it answers with is never output (n8n's own login, through the credential, gets and
 * stores the key the other operations use).
 */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context } = run;
	return await run.each(async (i) => {
		const credentials = await context.getCredentials(CODELAYER_CREDENTIAL, i);
		const { features } = await authenticateDevice(context.helpers.httpRequest, credentials);
		return { authenticated: true, features: features as string };
	});
}
