import { sleep, type INodeProperties } from 'n8n-workflow';

import { isLoginError } from './loginError';
import { UnreadableAnswerError } from './requestFailure';

/**
 * Sending a call again after a failure that may pass: how often, how long to wait, and which calls may be sent
 * again at all. A call the server may already have carried out (a create, a sale) is sent again only when the
 * failure proves it never reached the server; a read, or a write that sets the same values again, is sent again
 * after any passing failure.
 */
export interface ConnectionSettings {
	/** How many times a call is sent again (0: never). */
	retries: number;
	/** The wait before the first retry; it doubles each time, up to MAX_WAIT_MS. */
	firstWaitMs: number;
	/** How long n8n waits for an answer before giving up on the request. */
	timeoutMs: number;
}

const MAX_WAIT_MS = 30_000;

/** The options' defaults below (n8n's lint wants each default written out there). */
export const DEFAULT_CONNECTION: ConnectionSettings = { retries: 3, firstWaitMs: 1000, timeoutMs: 60000 };

/** The Connection options that set them, shared by both action nodes. */
export const retryOptions: INodeProperties[] = [
	{
		displayName: 'Retries',
		name: 'retries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: 3,
		description:
			'How many times a call is sent again after a failure that may pass (no connection, a timeout, HTTP 429/500/502/503/504, a cut-off or unreadable answer), waiting twice as long each time. Creates and other calls the server may already have carried out are sent again only when they never reached it. 0 turns retrying off.',
	},
	{
		displayName: 'First Retry Wait (Ms)',
		name: 'retryWaitMs',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1000,
		description: 'How long to wait before the first retry; each later wait is twice the one before, up to 30 seconds',
	},
	{
		displayName: 'Timeout (Ms)',
		name: 'timeoutMs',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60000,
		description: 'How long to wait for an answer to one request; a call that timed out may have been carried out by the server',
	},
];

/** The Connection collection's values for retryOptions. */
export interface RetryParameters {
	retries?: number;
	retryWaitMs?: number;
	timeoutMs?: number;
}

/** The settings from a node's Connection collection (defaults for what is not set). */
export function connectionSettingsOf(connection: RetryParameters): ConnectionSettings {
	const whole = (value: number | undefined, fallback: number, min: number) => Math.max(min, Math.floor(value ?? fallback));
	return {
		retries: whole(connection.retries, DEFAULT_CONNECTION.retries, 0),
		firstWaitMs: whole(connection.retryWaitMs, DEFAULT_CONNECTION.firstWaitMs, 0),
		timeoutMs: whole(connection.timeoutMs, DEFAULT_CONNECTION.timeoutMs, 1),
	};
}

/** What a failure says about sending the call again. */
export type FailureKind =
	/** The call never reached the server (no connection, the login before it failed to connect): any call may go again. */
	| 'notSent'
	/** It may pass, but the server may have acted: only a repeatable call goes again. */
	| 'passing'
	/** It will not pass by sending again (the server refused, a bad parameter). */
	| 'final';

// A TLS certificate failure (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED...) is in neither set: it is final, as an
// untrusted certificate stays untrusted however often the call is sent (see requestFailure's TLS_CERTIFICATE_PROBLEMS).
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const PASSING_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);
const PASSING_STATUSES = new Set([429, 500, 502, 503, 504]);

interface FailureShape {
	code?: unknown;
	httpCode?: unknown;
	message?: unknown;
	response?: { status?: unknown };
	cause?: unknown;
}

/**
 * Reads a failure as n8n's request helper throws it (a NodeApiError around axios's error, or a login error from
 * preAuthentication, both possibly wrapped) or as a transport throws it (an unreadable answer).
 */
export function failureKind(error: unknown): FailureKind {
	for (let current = error as FailureShape | undefined, depth = 0; current && depth < 5; depth++) {
		if (isLoginError(current)) return current.mayPass ? 'notSent' : 'final';
		if (current instanceof UnreadableAnswerError) return 'passing';
		const code = typeof current.code === 'string' ? current.code : typeof current.httpCode === 'string' ? current.httpCode : undefined;
		if (code && NOT_SENT_CODES.has(code)) return 'notSent';
		if (code && PASSING_CODES.has(code)) return 'passing';
		const status = Number(current.response?.status ?? current.httpCode);
		if (PASSING_STATUSES.has(status)) return 'passing';
		if (Number.isInteger(status) && status >= 200) return status < 300 ? 'passing' : 'final';
		current = current.cause as FailureShape | undefined;
	}
	return 'final';
}

/**
 * Runs `attempt`, and again after a failure `classify` calls passing (for a repeatable call) or not sent (for
 * any), up to `settings.retries` more times with waits of firstWaitMs, 2×, 4×… (n8n's sleep, capped at 30 s).
 * The last failure is thrown as it came.
 */
export async function withRetries<T>(
	settings: ConnectionSettings,
	repeatable: boolean,
	attempt: () => Promise<T>,
	classify: (error: unknown) => FailureKind = failureKind,
): Promise<T> {
	for (let retry = 0; ; retry++) {
		try {
			return await attempt();
		} catch (error) {
			const kind = classify(error);
			const mayRetry = kind === 'notSent' || (kind === 'passing' && repeatable);
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the transport words it (with the item) once retrying is over
			if (!mayRetry || retry >= settings.retries) throw error;
			await sleep(Math.min(MAX_WAIT_MS, settings.firstWaitMs * 2 ** retry));
		}
	}
}
