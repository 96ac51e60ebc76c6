import type { SessionCredential } from '../../shared/sessionRefresh';
import { isOdooEnvelope } from './odooEnvelope';

export const CLOUDOFFIX_CREDENTIAL = 'cloudOffixApi';

/** Odoo reports a missing or expired session as JSON-RPC error code 100 inside an HTTP 200 answer. */
export const cloudOffixSession: SessionCredential = {
	type: CLOUDOFFIX_CREDENTIAL,
	expirableField: 'sessionId',
	isExpired: (body) => isOdooEnvelope(body) && body.error?.code === 100,
};
