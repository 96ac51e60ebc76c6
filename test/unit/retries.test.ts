import { connectionSettingsOf, DEFAULT_CONNECTION, failureKind, retryOptions } from '../../nodes/shared/retries';
import { LoginError } from '../../nodes/shared/loginError';
import { UnreadableAnswerError } from '../../nodes/shared/requestFailure';

describe('retry settings and failure kinds', () => {
	it('the options show the defaults the code uses', () => {
		expect(Object.fromEntries(retryOptions.map((option) => [option.name, option.default]))).toEqual({
			retries: DEFAULT_CONNECTION.retries,
			retryWaitMs: DEFAULT_CONNECTION.firstWaitMs,
			timeoutMs: DEFAULT_CONNECTION.timeoutMs,
		});
		expect(connectionSettingsOf({})).toEqual(DEFAULT_CONNECTION);
		expect(connectionSettingsOf({ retries: -2, retryWaitMs: 2.7, timeoutMs: 0 })).toEqual({ retries: 0, firstWaitMs: 2, timeoutMs: 1 });
	});

	const wrapped = (cause: object) => ({ httpCode: undefined, cause });
	it.each([
		['a refused connection', { code: 'ECONNREFUSED' }, 'notSent'],
		['an unknown host', wrapped({ code: 'ENOTFOUND' }), 'notSent'],
		['a login that could not connect', wrapped(new LoginError('Could not reach', { mayPass: true })), 'notSent'],
		['a refused login', wrapped(new LoginError('refused login')), 'final'],
		['a reset', wrapped({ code: 'ECONNRESET' }), 'passing'],
		['n8n putting the code in httpCode', { httpCode: 'ETIMEDOUT' }, 'passing'],
		['HTTP 503', wrapped({ response: { status: 503 } }), 'passing'],
		['HTTP 429', { httpCode: '429' }, 'passing'],
		['an unreadable answer', new UnreadableAnswerError('cut short'), 'passing'],
		['HTTP 404', { httpCode: '404' }, 'final'],
		['a redirect', wrapped({ response: { status: 301 } }), 'final'],
		['an error with nothing to go by', new Error('odd'), 'final'],
		// An untrusted certificate stays untrusted: never sent again, wherever n8n puts the code.
		['a self-signed certificate', { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'final'],
		['an expired certificate in httpCode', { httpCode: 'CERT_HAS_EXPIRED' }, 'final'],
		['a certificate for another host, wrapped', wrapped({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }), 'final'],
		['a login refused for its certificate', wrapped(new LoginError('not trusted')), 'final'],
	])('%s (%j) is %s', (_, error, kind) => {
		expect(failureKind(error)).toBe(kind);
	});
});
