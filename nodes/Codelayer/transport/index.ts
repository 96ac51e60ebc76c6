import type { SessionCredential } from '../../shared/sessionRefresh';
import type { CodelayerAnswer } from './login';

export const CODELAYER_CREDENTIAL = 'codelayerApi';

/** An expired or unknown key comes back as `e: 401` in an otherwise normal answer. */
export const codelayerSession: SessionCredential = {
	type: CODELAYER_CREDENTIAL,
	expirableField: 'sessionKey',
	isExpired: (body) => Number((body as CodelayerAnswer | undefined)?.e) === 401,
};
