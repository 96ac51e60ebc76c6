import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { DEFAULT_CONNECTION, withRetries, type ConnectionSettings } from '../../shared/retries';
import { requestWithSessionRefresh, type SessionContext, type SessionCredential } from '../../shared/sessionRefresh';
import { checkedAnswer, failedCall } from './errors';
import { codelayerUrl, type CodelayerAnswer } from './login';

export type { CodelayerAnswer } from './login';

export const CODELAYER_CREDENTIAL = 'codelayerApi';

/** An expired or unknown key comes back as `e: 401` in an otherwise normal answer. */
export const codelayerSession: SessionCredential = {
	type: CODELAYER_CREDENTIAL,
	expirableField: 'sessionKey',
	isExpired: (body) => Number((body as CodelayerAnswer | undefined)?.e) === 401,
};

export interface CodelayerCall {
	server: 'api' | 'license';
	path: string;
	body: IDataObject;
	/** Whether the body carries the session key (added by the credential). */
	sendsKey: boolean;
	/** Whether sending it twice leaves the server as sending it once (the catalog's `repeatable`): see retries.ts. */
	repeatable: boolean;
}

/**
 * POSTs one call and returns its answer when `e` is 200. Keyed calls go through n8n's
 * httpRequestWithAuthentication and the shared session refresh: the credential adds the key, and an
 * `e: 401` renews it once and sends the call again (the server refused it before acting). The licence
 * server's calls carry no key and come before a device can log in (register, then learn the licence), so
 * they go through n8n's plain httpRequest: asking for authentication would make n8n log in first.
 */
export async function codelayerRequest(
	context: SessionContext,
	call: CodelayerCall,
	itemIndex?: number,
	connection: ConnectionSettings = DEFAULT_CONNECTION,
): Promise<CodelayerAnswer> {
	const credentials = await context.getCredentials(CODELAYER_CREDENTIAL);
	const base = call.server === 'api' ? credentials.baseUrl : credentials.licenseUrl;
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: codelayerUrl(base, call.path, call.server === 'api' ? 'API Base URL' : 'Licence Server URL'),
		body: call.body,
		json: true,
		// A redirect is reported, not followed: see requestFailure.
		disableFollowRedirect: true,
		timeout: connection.timeoutMs,
		// TLS certificates are verified unless the user ticked Ignore SSL Issues in the credential (both servers).
		skipSslCertificateValidation: credentials.ignoreSslIssues === true,
	};
	const send = async () => await (call.sendsKey ? requestWithSessionRefresh(context, codelayerSession, options) : context.helpers.httpRequest(options));
	const outcome = await withRetries(connection, call.repeatable, async () => checkedAnswer(await send())).then(
		(answer) => ({ answer }),
		(error: unknown) => ({ error }),
	);
	if ('error' in outcome) throw failedCall(context.getNode(), outcome.error, call.path, itemIndex);
	return outcome.answer;
}
