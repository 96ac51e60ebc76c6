import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { describeValue } from '../../shared/jsonParameters';
import { LoginError } from '../../shared/loginError';
import { connectionFailure } from '../../shared/requestFailure';
import { ParameterError } from '../../shared/parameterError';
import { failureKind } from '../../shared/retries';
import { baseUrlProblem, trimmedBaseUrl, urlUnderBase, withoutUserInfo } from '../../shared/urlPath';

type HttpRequest = IHttpRequestHelper['helpers']['httpRequest'];

/** Every Codelayer answer carries `e` (200 = success) and `msg` beside its payload. */
export interface CodelayerAnswer {
	e?: unknown;
	msg?: unknown;
	[field: string]: unknown;
}

/** The login of this service's credential failed (see nodes/shared/loginError.ts). */
export class CodelayerLoginError extends LoginError {}

/** The credential's fields that hold a server's address, as the editor names them, with an example of each. */
const URL_EXAMPLES = { 'API Base URL': 'https://wats.api.codelayer.co.in/', 'Licence Server URL': 'https://license.codelayer.co.in/' };

export type CodelayerUrlField = keyof typeof URL_EXAMPLES;

/**
 * `<base URL>/<path>`, whatever slashes the user typed around the base URL. The base URL must be http(s) with a
 * host and nothing else (see baseUrlProblem); the URL made must stay on its origin and under its path, whatever
 * the path holds (the operations check user paths with requestPath first: this is the second line of defence).
 */
export function codelayerUrl(baseUrl: unknown, path: string, field: CodelayerUrlField = 'API Base URL'): string {
	const base = trimmedBaseUrl(baseUrl);
	const problem = baseUrlProblem(base);
	if (problem) {
		throw new CodelayerLoginError(`The ${field} in the Codelayer credential, ${describeValue(withoutUserInfo(base))}, ${problem}; it must look like ${URL_EXAMPLES[field]}`);
	}
	const relative = path.replace(/^\/+/, '');
	const url = urlUnderBase(base, relative);
	if (url === undefined) throw new ParameterError(`${describeValue(relative)} would lead away from ${base}/: nothing was sent`, 'Path');
	return url;
}

/** Checks the device fields the server would reject, so a typo is named before anything is sent. */
function deviceFields(credentials: ICredentialDataDecryptedObject) {
	const imei = String(credentials.imei ?? '').trim();
	const ver = String(credentials.appVersion ?? '').trim();
	if (!/^\d{14,16}$/.test(imei)) {
		throw new CodelayerLoginError(`The IMEI in the Codelayer credential must be 14 to 16 digits (got ${imei.length} characters)`);
	}
	if (ver.length < 7 || ver.length > 16) {
		throw new CodelayerLoginError(`The app version in the Codelayer credential must be 7 to 16 characters, like 1.0.0.0`);
	}
	return { imei, ver };
}

/** The login body from the credential, checked as far as the server would check it. */
function loginBody(credentials: ICredentialDataDecryptedObject): Record<string, string> {
	const body: Record<string, string> = {
		username: String(credentials.username ?? ''),
		password: String(credentials.password ?? ''),
		...deviceFields(credentials),
	};
	const licenseKey = String(credentials.licenseKey ?? '').trim();
	if (licenseKey !== '') body.license_key = licenseKey;
	return body;
}

/**
 * `system/auth`: the 32-character key every later call carries in its JSON body, and the features the
 * user may use. A refusal comes as `e: 401` (or 400) inside the answer, whatever the HTTP status.
 */
export async function authenticateDevice(
	httpRequest: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<{ key: string; features: unknown }> {
	const body = loginBody(credentials);
	const url = codelayerUrl(credentials.baseUrl, 'system/auth');
	const outcome = await httpRequest({
		method: 'POST',
		url,
		body,
		json: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		// TLS certificates are verified unless the user ticked Ignore SSL Issues (the password goes in this body).
		skipSslCertificateValidation: credentials.ignoreSslIssues === true,
		// The status, to name it when the answer is not Codelayer's (a proxy's 502 page).
		returnFullResponse: true,
	}).then(
		(response: unknown) => {
			const full = response as { body?: unknown; statusCode?: number } | undefined;
			return { answer: full?.body as CodelayerAnswer | undefined, status: full?.statusCode };
		},
		(error: unknown) => ({ error }),
	);
	if ('error' in outcome) {
		throw new CodelayerLoginError(`Could not reach Codelayer at ${url}: ${connectionFailure(outcome.error)}`, { mayPass: failureKind(outcome.error) !== 'final' });
	}
	const { answer, status } = outcome;
	// A proxy's error page or a cut-off answer (no e) is not Codelayer's refusal: it may pass.
	if (typeof answer !== 'object' || answer === null || answer.e === undefined) {
		const answered = status && status !== 200 ? `answered the login with HTTP ${status} and no readable answer` : 'gave no readable answer to the login';
		throw new CodelayerLoginError(`Codelayer at ${url} ${answered} (a proxy's page, or cut short)`, { mayPass: true });
	}
	if (Number(answer.e) !== 200 || typeof answer.key !== 'string' || answer.key === '') {
		const reason = typeof answer?.msg === 'string' ? answer.msg : 'no key in the answer';
		throw new CodelayerLoginError(
			`Codelayer refused user "${body.username}" on this device: ${reason} (e ${String(answer?.e ?? 'missing')}). Check the username, password, IMEI and licence key`,
		);
	}
	return { key: answer.key, features: answer.features };
}

/** The credential's preAuthentication: a new key for n8n to store. */
export async function loginForKey(httpRequest: HttpRequest, credentials: ICredentialDataDecryptedObject): Promise<{ sessionKey: string }> {
	return { sessionKey: (await authenticateDevice(httpRequest, credentials)).key };
}
