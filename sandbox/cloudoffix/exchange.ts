import type { Reply } from '../shared/exchange';
import type { Session } from './session';

export { htmlReply, type Exchange, type Reply } from '../shared/exchange';

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
export const REASONS: Record<number, string> = { 200: 'OK', 302: 'FOUND', 400: 'BAD REQUEST', 403: 'FORBIDDEN', 404: 'NOT FOUND', 500: 'INTERNAL SERVER ERROR' };

export const SERVER_HEADER = 'Werkzeug/0.11.15 Python/3.11.2';
