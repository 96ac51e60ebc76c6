import { UnreadableAnswerError } from '../../shared/requestFailure';

/** What Odoo 11 puts in the `error` member of a JSON-RPC answer (see the README's "Errors" section). */
export interface OdooErrorBody {
	code?: number;
	message?: string;
	http_status?: number;
	data?: {
		name?: string;
		message?: string;
		arguments?: unknown[];
		exception_type?: string;
		debug?: string;
	};
}

/** An error the Odoo server reported, reduced to what a user can act on. The traceback is dropped. */
export class OdooServerError extends Error {
	readonly code: number;

	readonly exceptionName: string;

	readonly exceptionType: string;

	constructor(error: OdooErrorBody) {
		super(cleanOdooMessage(error));
		this.name = 'OdooServerError';
		this.code = error.code ?? 200;
		this.exceptionName = error.data?.name ?? 'odoo.exceptions.UnknownError';
		this.exceptionType = error.data?.exception_type ?? 'internal_error';
	}
}

/**
 * Odoo 11 appends "\nNone" (the exception's second argument) to many messages; `arguments[0]` holds the
 * human text. Fall back to `data.message`, then to the envelope's generic message.
 */
export function cleanOdooMessage(error: OdooErrorBody): string {
	const [first] = error.data?.arguments ?? [];
	const text = typeof first === 'string' && first.trim() !== '' ? first : (error.data?.message ?? error.message ?? '');
	return text.replace(/\n(None)?\s*$/, '').trim() || 'Odoo Server Error';
}

export function isOdooEnvelope(body: unknown): body is { result?: unknown; error?: OdooErrorBody } {
	return typeof body === 'object' && body !== null && (body as { jsonrpc?: unknown }).jsonrpc === '2.0';
}

/** The `result` of a JSON-RPC answer; an `error` member becomes an OdooServerError. */
export function unwrapJsonRpc(body: unknown): unknown {
	if (!isOdooEnvelope(body)) throw new UnreadableAnswerError('The answer is not a JSON-RPC envelope');
	if (body.error) throw new OdooServerError(body.error);
	return body.result ?? null;
}
