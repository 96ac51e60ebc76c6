import type { IncomingHttpHeaders } from 'node:http';
import type { Session } from './session';

/** One HTTP request as the routes see it, and the answer they produce. */
export interface Exchange {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export interface Reply {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/**
 * A request understood but not yet executed: what fault rules match on (the model method it calls, its
 * session), and how to run it.
 */
export interface PreparedRequest {
	target?: string;
	session?: Session;
	execute(): Reply;
}

/** Werkzeug 0.11 writes reason phrases in capitals ("400 BAD REQUEST"). */
export const REASONS: Record<number, string> = { 200: 'OK', 400: 'BAD REQUEST', 404: 'NOT FOUND', 500: 'INTERNAL SERVER ERROR' };

export const SERVER_HEADER = 'Werkzeug/0.11.15 Python/3.11.2';

export function htmlReply(status: number, body: string): Reply {
	return { status, headers: { 'Content-Type': 'text/html' }, body };
}
