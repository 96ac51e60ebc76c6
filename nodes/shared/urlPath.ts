/**
 * What a request's URL may be made of: a credential's base URL and a path under it. Nothing a user types may send
 * a request (and the password, session or key it carries) to another protocol or server, or outside the API's path.
 */

/** The base URL as typed, trimmed and without trailing slashes (every path is joined with one slash). */
export function trimmedBaseUrl(value: unknown): string {
	return String(value ?? '').trim().replace(/\/+$/, '');
}

/**
 * `url` with all before its last @ (after the scheme) replaced by `…`, for messages: a user name and password in
 * it must never be repeated, even where they hold a / or # or the URL has no scheme.
 */
export function withoutUserInfo(url: string): string {
	const at = url.lastIndexOf('@');
	if (at < 0) return url;
	const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0] ?? '';
	return `${scheme}…${url.slice(at)}`;
}

/**
 * Why `base` (trimmed) cannot be a credential's base URL, or undefined when it can: only http(s) with a host. A
 * user name or password in it is refused, not used: the HTTP client would send them as a Basic Authorization
 * header with every request (these APIs log in with the credential's own fields), and the URL is quoted in error
 * messages and logs. A query or fragment is refused too: the paths joined after it would land in them.
 */
export function baseUrlProblem(base: string): string | undefined {
	// The URL parser drops tabs and line breaks silently: an address holding any is refused, not repaired.
	if (/[\s\p{Cc}]/u.test(base)) return 'is not an http(s) address (it holds spaces or control characters)';
	let url: URL;
	try {
		url = new URL(base);
	} catch {
		return 'is not an http(s) address';
	}
	if (!['http:', 'https:'].includes(url.protocol) || url.hostname === '' || !/^https?:\/\/[^/\\]/i.test(base)) return 'is not an http(s) address';
	if (url.username !== '' || url.password !== '') return 'holds a user name or password before the host: remove them (the credential has its own fields for them)';
	if (url.search !== '' || url.hash !== '' || /[?#]/.test(base)) return 'holds a query (?) or fragment (#): give the address only';
	return undefined;
}

/**
 * `<base>/<path>`, or undefined when that URL, as the HTTP client will read it, is not exactly on `base`'s origin
 * and under its path: a check of the URL itself after any check of the path, as a second line of defence (dot
 * segments, their %2e forms, backslashes or a second scheme would be resolved by the URL parser).
 */
export function urlUnderBase(base: string, path: string): string | undefined {
	const joined = `${base}/${path}`;
	try {
		const root = new URL(base);
		const url = new URL(joined);
		const expected = `${root.pathname.replace(/\/+$/, '')}/${path}`;
		return url.origin === root.origin && url.pathname === expected && url.search === '' && url.hash === '' && url.username === '' && url.password === '' ? joined : undefined;
	} catch {
		return undefined;
	}
}
