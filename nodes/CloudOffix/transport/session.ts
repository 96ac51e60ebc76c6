import type { SessionCredential } from '../../shared/sessionRefresh';
import { isOdooEnvelope } from './odooEnvelope';

export const CLOUDOFFIX_CREDENTIAL = 'cloudOffixApi';

/** Odoo reports a missing or expired session as JSON-RPC error code 100 inside an HTTP 200 answer. */
export const cloudOffixSession: SessionCredential = {
	type: CLOUDOFFIX_CREDENTIAL,
	expirableField: 'sessionId',
	isExpired: (body) => isOdooEnvelope(body) && body.error?.code === 100,
};

/** A full answer of an http route read as bytes (see CloudOffixClient.getWithSession). */
export interface BinaryAnswer {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/**
 * The session of Odoo's http routes (/report/pdf/...): a missing or expired one is not code 100 but a redirect to
 * /web/login?redirect=..., which renews the session the same way (the same credential field, the same refresh).
 */
export const webSession: SessionCredential = {
	type: CLOUDOFFIX_CREDENTIAL,
	expirableField: 'sessionId',
	isExpired: (answer) => {
		const { statusCode, headers } = (answer ?? {}) as Partial<BinaryAnswer>;
		const location = headers?.location;
		return statusCode !== undefined && statusCode >= 300 && statusCode < 400 && typeof location === 'string' && /\/web\/login(?:[?#]|$)/.test(location);
	},
};
