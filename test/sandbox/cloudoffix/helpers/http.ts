import { header, type RawResponse } from '../../helpers/http';

export { header, JSON_HEADERS, post, type RawResponse } from '../../helpers/http';

/** The session id a Set-Cookie header carries, if any. */
export function cookieSid(response: RawResponse): string | undefined {
	return /session_id=([^;]*)/.exec(header(response, 'set-cookie') ?? '')?.[1];
}
