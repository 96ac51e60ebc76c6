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
	const status = httpStatusOf(error);
	const redirect = redirectTarget(error, status);
	if (redirect) return `HTTP ${status}, a redirect to ${redirect} (use that address)`;
	return status ? `HTTP ${status}` : ((error as FailureShape | undefined)?.code ?? 'the connection failed');
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
	const reason = unreadable ? 'the answer could not be read (cut short, or not in the API\'s format)' : status ? `HTTP ${status}` : (failure.code ?? failure.message ?? 'the connection failed');
	// Without a readable answer nobody knows whether the server acted: the item is reported, never sent again.
	const description =
		status && !unreadable
			? `The server answered HTTP ${status} instead of a result`
			: 'No readable answer came back: the server may or may not have carried the request out, so it was not sent again';
	return new NodeApiError(node, { message: reason }, { message: `${what} failed: ${reason}`, description, httpCode: status ? String(status) : undefined, itemIndex });
}
