import { NodeApiError, type IDataObject, type JsonObject } from 'n8n-workflow';

import { requestFailure } from '../../shared/requestFailure';
import { requestWithSessionRefresh, type SessionContext, type SessionCredential } from '../../shared/sessionRefresh';
import { codelayerUrl, type CodelayerAnswer } from './login';

export const CODELAYER_CREDENTIAL = 'codelayerApi';

/** An expired or unknown key comes back as `e: 401` in an otherwise normal answer. */
export const codelayerSession: SessionCredential = {
	type: CODELAYER_CREDENTIAL,
	expirableField: 'sessionKey',
	isExpired: (body) => Number((body as CodelayerAnswer | undefined)?.e) === 401,
};

/**
 * POSTs `body` to `<base URL>/<path>` with the session key (added by the credential) and returns the
 * answer when its `e` is 200. Any other `e` becomes a NodeApiError carrying the server's `msg`.
 */
export async function codelayerRequest(
	context: SessionContext,
	path: string,
	body: IDataObject = {},
	itemIndex?: number,
): Promise<CodelayerAnswer> {
	const { baseUrl } = await context.getCredentials(CODELAYER_CREDENTIAL);
	let answer: CodelayerAnswer;
	try {
		answer = (await requestWithSessionRefresh(context, codelayerSession, {
			method: 'POST',
			url: codelayerUrl(baseUrl, path),
			body,
			json: true,
		})) as CodelayerAnswer;
	} catch (error) {
		throw requestFailure(context.getNode(), error, `Codelayer ${path}`, itemIndex);
	}
	const e = Number(answer?.e);
	if (e !== 200) {
		const msg = typeof answer?.msg === 'string' ? answer.msg : 'The answer carried no e/msg status';
		throw new NodeApiError(context.getNode(), (answer ?? {}) as JsonObject, {
			message: msg,
			description: `Codelayer answered e ${Number.isNaN(e) ? 'missing' : e} to ${path}`,
			httpCode: Number.isNaN(e) ? undefined : String(e),
			itemIndex,
		});
	}
	return answer;
}
