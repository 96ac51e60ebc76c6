import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { describeValue } from '../../shared/jsonParameters';
import { LoginError } from '../../shared/loginError';
import { connectionFailure } from '../../shared/requestFailure';
import { failureKind } from '../../shared/retries';
import { baseUrlProblem, trimmedBaseUrl, withoutUserInfo } from '../../shared/urlPath';
import { OdooServerError, isOdooEnvelope } from './odooEnvelope';

export type HttpRequest = IHttpRequestHelper['helpers']['httpRequest'];

// A type alias, not an interface: n8n wants preAuthentication to return an index-signature object.
export type CloudOffixSession = {
	sessionId: string;
	uid: number;
};

/** The login of this service's credential failed (see nodes/shared/loginError.ts). */
export class CloudOffixLoginError extends LoginError {}

/**
 * The instance address without trailing slashes, as every request path starts with one. Only http(s) with a host
 * and nothing else (see baseUrlProblem), checked before anything is sent; the message never repeats a password in it.
 */
export function cloudOffixBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const url = trimmedBaseUrl(credentials.url);
	const problem = baseUrlProblem(url);
	if (problem) {
		throw new CloudOffixLoginError(`The URL in the CloudOffix credential, ${describeValue(withoutUserInfo(url))}, ${problem}; it must look like https://mycompany.cloudoffix.com`);
	}
	return url;
}

/**
 * Logs in through `/web/session/authenticate`. Odoo answers a wrong login, password or database name
 * with `uid: false` inside a normal result, not with an error: that is turned into a clear failure here,
 * so that nothing is attempted with a session that does not exist.
 */
export async function loginWithSession(
	httpRequest: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<CloudOffixSession> {
	const db = String(credentials.db ?? '').trim();
	const login = String(credentials.login ?? '');
	if (db === '') {
		throw new CloudOffixLoginError(
			'The CloudOffix credential has no database: enter it (on CloudOffix it is the instance host name)',
		);
	}
	const baseUrl = cloudOffixBaseUrl(credentials);
	const answer = await httpRequest({
		method: 'POST',
		url: `${baseUrl}/web/session/authenticate`,
		body: { jsonrpc: '2.0', method: 'call', params: { db, login, password: credentials.password }, id: 1 },
		json: true,
		disableFollowRedirect: true,
		skipSslCertificateValidation: credentials.ignoreSslIssues === true,
	}).then(
		(body: unknown) => ({ body }),
		(error: unknown) => ({ error }),
	);
	if ('error' in answer) {
		throw new CloudOffixLoginError(`Could not reach CloudOffix at ${baseUrl}: ${connectionFailure(answer.error)}`, { mayPass: failureKind(answer.error) !== 'final' });
	}
	if (isOdooEnvelope(answer.body) && answer.body.error) {
		const reason = new OdooServerError(answer.body.error).message;
		throw new CloudOffixLoginError(`CloudOffix refused to open database "${db}": ${reason}`);
	}
	const result = (isOdooEnvelope(answer.body) ? answer.body.result : undefined) as
		| { uid?: unknown; session_id?: unknown }
		| undefined;
	if (!result) throw new CloudOffixLoginError(`${baseUrl} did not answer like a CloudOffix server`, { mayPass: true });
	if (typeof result.uid !== 'number' || typeof result.session_id !== 'string') {
		throw new CloudOffixLoginError(
			`CloudOffix refused login "${login}" on database "${db}": check the login, the password and the database name`,
		);
	}
	return { sessionId: result.session_id, uid: result.uid };
}
