import { NodeApiError, type INode } from 'n8n-workflow';

import { isLoginError } from './loginError';

/** An answer that arrived but cannot be read as the API's format (a proxy's HTML page, a cut-off body). */
export class UnreadableAnswerError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UnreadableAnswerError';
	}
}

interface FailureShape {
	name?: string;
	message?: string;
	code?: string;
	httpCode?: string | null;
	cause?: unknown;
	response?: { status?: number; headers?: Record<string, unknown> };
}

/** Where a redirect answer points, as the origin only (a path or query could carry anything). */
function redirectTarget(error: unknown, status: number | undefined): string | undefined {
	if (status === undefined || status < 300 || status >= 400) return undefined;
	// n8n's helper wraps axios's error (the answer's headers) in a NodeApiError's cause.
	const failure = error as FailureShape;
	const location = (failure.response ?? (failure.cause as FailureShape | undefined)?.response)?.headers?.location;
	if (typeof location !== 'string') return 'another address';
	try {
		return new URL(location).origin;
	} catch {
		return 'another path on the same server';
	}
}

/**
 * Node's codes for a server certificate it did not trust, in a few words each. The connection closes during the
 * TLS handshake, before any of the request (its password, session or key) is sent; sending again would fail the
 * same way (see retries.ts).
 */
export const TLS_CERTIFICATE_PROBLEMS: Readonly<Record<string, string>> = {
	DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
	SELF_SIGNED_CERT_IN_CHAIN: 'a self-signed certificate in its chain',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its issuer is not known',
	UNABLE_TO_GET_ISSUER_CERT: 'its issuer is not known',
	UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its issuer is not known',
	CERT_UNTRUSTED: 'not trusted for this purpose',
	CERT_HAS_EXPIRED: 'expired',
	CERT_NOT_YET_VALID: 'not valid yet',
	CERT_REVOKED: 'revoked',
	CERT_SIGNATURE_FAILURE: 'its signature is invalid',
	ERR_TLS_CERT_ALTNAME_INVALID: 'issued for another host name',
};

/**
 * The error codes on a failure and its causes: n8n wraps axios's error (which has the code) in a NodeApiError
 * (which puts the code in httpCode), and a login error may wrap that again.
 */
function codesOf(error: unknown): string[] {
	const codes: string[] = [];
	for (let current = error as FailureShape | undefined, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		for (const code of [current.code, current.httpCode]) if (typeof code === 'string') codes.push(code);
		current = current.cause as FailureShape | undefined;
	}
	return codes;
}

/** What is wrong with the server's certificate, if that is why the exchange failed. */
export function tlsFailure(error: unknown): string | undefined {
	const code = codesOf(error).find((candidate) => Object.hasOwn(TLS_CERTIFICATE_PROBLEMS, candidate));
	if (code === undefined) return undefined;
	return `the server's TLS certificate is not trusted (${TLS_CERTIFICATE_PROBLEMS[code]}); tick Ignore SSL Issues in the credential only if you trust this server`;
}

/**
 * Node's network error codes in words. A message never holds the bare code: n8n's NodeApiError replaces any
 * message holding one (ECONNREFUSED, ETIMEDOUT...) with a generic sentence of its own, naming neither the service
 * nor the address (the credential test showed "The service refused the connection - perhaps it is offline").
 */
const NETWORK_FAILURES: Readonly<Record<string, string>> = {
	ECONNREFUSED: 'the connection was refused (is the address and port right, and the server up?)',
	ENOTFOUND: 'the host name was not found (check the address)',
	EAI_AGAIN: 'the host name could not be looked up (DNS did not answer)',
	EHOSTUNREACH: 'the host cannot be reached',
	ENETUNREACH: 'the network cannot be reached',
	ECONNRESET: 'the connection was reset',
	ECONNABORTED: 'no answer in time (timed out)',
	ETIMEDOUT: 'no answer in time (timed out)',
	ESOCKETTIMEDOUT: 'no answer in time (timed out)',
	EPIPE: 'the connection was closed while the request was sent',
	ERR_STREAM_PREMATURE_CLOSE: 'the connection was closed before the answer was complete',
};

/** The network error code of a failure (or of its causes) in words, an unknown code as it is, if it has one. */
function networkFailure(error: unknown): string | undefined {
	const known = codesOf(error).find((code) => Object.hasOwn(NETWORK_FAILURES, code));
	return known ? NETWORK_FAILURES[known] : (error as FailureShape | undefined)?.code;
}

function httpStatusOf(error: unknown): number | undefined {
	const failure = (error ?? {}) as FailureShape;
	// n8n puts the network error code (ECONNRESET) where the HTTP status would be when there is none.
	const status = failure.response?.status ?? Number(failure.httpCode);
	return Number.isInteger(status) && status > 0 ? status : undefined;
}

/**
 * Why an HTTP exchange failed, in a few words that never repeat the request (it may hold the password):
 * the HTTP status, else the network error code.
 */
export function connectionFailure(error: unknown): string {
	const tls = tlsFailure(error);
	if (tls) return tls;
	const status = httpStatusOf(error);
	const redirect = redirectTarget(error, status);
	if (redirect) return `HTTP ${status}, a redirect to ${redirect} (use that address)`;
	return status ? `HTTP ${status}` : (networkFailure(error) ?? 'the connection failed');
}

/** The login error n8n wrapped on its way out of preAuthentication, if any. */
function loginErrorIn(error: unknown): FailureShape | undefined {
	for (let current = error as FailureShape | undefined, depth = 0; current && depth < 5; depth++) {
		if (isLoginError(current)) return current;
		current = current.cause as FailureShape | undefined;
	}
	return undefined;
}

/**
 * Turns a failed HTTP exchange into a NodeApiError with a message a user can act on. It is built from
 * scratch, never from the request, so the password, session id and key it carried cannot leak into it.
 */
export function requestFailure(node: INode, error: unknown, what: string, itemIndex?: number): NodeApiError {
	const login = loginErrorIn(error);
	if (login) {
		return new NodeApiError(node, { message: login.message ?? 'Login failed' }, { message: login.message, description: what, itemIndex });
	}
	// An untrusted certificate: the handshake failed, nothing of the request was sent.
	const tls = tlsFailure(error);
	if (tls) {
		return new NodeApiError(node, { message: tls }, {
			message: `${what} failed: ${tls}`,
			description: 'The connection was closed during the TLS handshake, before the request was sent. Nothing was done for this item.',
			itemIndex,
		});
	}
	const failure = (error ?? {}) as FailureShape;
	const status = httpStatusOf(error);
	// Redirects are not followed (a POST turned into a GET, or the session sent to another host, would be worse).
	const redirect = redirectTarget(error, status);
	if (redirect) {
		return new NodeApiError(node, { message: `HTTP ${status}` }, {
			message: `${what} failed: the server redirects to ${redirect}`,
			description: 'Requests are not sent on to another address: set the credential\'s URL to the address the server redirects to (for example https:// instead of http://). Nothing was done for this item.',
			httpCode: String(status),
			itemIndex,
		});
	}
	// A 2xx that still failed is an answer n8n could not parse: cut short, or a proxy's HTML page.
	const unreadable = error instanceof UnreadableAnswerError || (status !== undefined && status >= 200 && status < 300);
	const reason = unreadable ? 'the answer could not be read (cut short, or not in the API\'s format)' : status ? `HTTP ${status}` : (networkFailure(failure) ?? failure.message ?? 'the connection failed');
	// Without a readable answer nobody knows whether the server acted: the item is reported, never sent again.
	const description =
		status && !unreadable
			? `The server answered HTTP ${status} instead of a result`
			: 'No readable answer came back: the server may or may not have carried the request out, so it was not sent again';
	return new NodeApiError(node, { message: reason }, { message: `${what} failed: ${reason}`, description, httpCode: status ? String(status) : undefined, itemIndex });
}
