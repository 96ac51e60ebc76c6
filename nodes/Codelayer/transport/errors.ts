import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { UnreadableAnswerError, requestFailure } from '../../shared/requestFailure';
import type { CodelayerAnswer } from './login';

/** Codelayer's envelope: `e` (200 is success) and `msg` beside the payload, whatever the HTTP status. */
export type Envelope = CodelayerAnswer & { e: unknown; msg: unknown };

function isEnvelope(body: unknown): body is Envelope {
	return typeof body === 'object' && body !== null && !Array.isArray(body) && 'e' in body && 'msg' in body;
}

/** A refusal in Codelayer's words: its `msg` as the message, its `e` (and the HTTP status, if not 200) beside. */
function refusal(node: INode, answer: Envelope, path: string, itemIndex: number | undefined, httpStatus?: number): NodeApiError {
	const e = String(answer.e);
	const msg = typeof answer.msg === 'string' && answer.msg.trim() !== '' ? answer.msg : `Codelayer refused the call (e ${e})`;
	const status = httpStatus && httpStatus !== 200 ? ` with HTTP ${httpStatus}` : '';
	return new NodeApiError(node, answer as JsonObject, {
		message: msg,
		description: `Codelayer answered e ${e}${status} to ${path}`,
		httpCode: e,
		itemIndex,
	});
}

/** An answer whose `e` is not 200, before failedCall words it; its `e` tells the retries whether it may pass (503). */
class CodelayerRefusal extends Error {
	readonly httpCode: string;

	constructor(readonly answer: Envelope) {
		super(`Codelayer answered e ${String(answer.e)}`);
		this.httpCode = String(answer.e);
	}
}

/**
 * The answer of a call when its `e` is 200. Any other `e` is Codelayer's refusal; an answer without `e`
 * and `msg` (a proxy's page, a cut-off body) is unreadable: nobody knows whether the server acted, so it
 * is reported and, unless the call is repeatable, never sent again. Both are thrown for failedCall to word.
 */
export function checkedAnswer(body: unknown): CodelayerAnswer {
	if (!isEnvelope(body)) throw new UnreadableAnswerError('the answer carries no e and msg');
	if (Number(body.e) !== 200) throw new CodelayerRefusal(body);
	return body;
}

interface HttpFailure {
	response?: { status?: number; data?: unknown };
	cause?: unknown;
}

/**
 * What a failed call means: a refusal in Codelayer's words; n8n throws on an HTTP error status, but Codelayer's envelope in that
 * answer still says why (e 503 "Service unavailable."); without one, the shared request failure.
 */
export function failedCall(node: INode, error: unknown, path: string, itemIndex?: number): NodeApiError {
	if (error instanceof CodelayerRefusal) return refusal(node, error.answer, path, itemIndex);
	for (let current = error as HttpFailure | undefined, depth = 0; current && depth < 4; depth++) {
		const data = current.response?.data;
		if (isEnvelope(data)) return refusal(node, data, path, itemIndex, current.response?.status);
		current = current.cause as HttpFailure | undefined;
	}
	return requestFailure(node, error, `Codelayer ${path}`, itemIndex);
}
