import { addDays, cookieDate } from './dates';
import { asOdooError, jsonErrorMember, routeNotFound, sessionExpired, type OdooError } from './errors';
import { htmlReply, type Exchange, type PreparedRequest, type Reply } from './exchange';
import { INTERNAL_ERROR_TEXT, NOT_FOUND_TEXT, werkzeugPage } from './html-pages';
import { bindArguments, type ParamSpec } from './orm/bind';
import { pyRepr } from './pyrepr';
import type { Session } from './session';
import type { SandboxState } from './state';
import { JSON_DISPATCH, SESSION_CHECK } from './traceback';

/**
 * Odoo 11's JsonRequest: a body in application/json (or application/json-rpc) with params as keyword arguments,
 * answered with HTTP 200 whatever happens (404 for an unknown route), and a session cookie unless the session id
 * came in the X-Openerp-Session-Id header or the ?session_id= query.
 */

export interface JsonRouteContext {
	state: SandboxState;
	session: Session;
}

export interface JsonRoute {
	/** Python name of the controller method, used in TypeError texts. */
	qualname: string;
	/** 'user' routes need a logged-in session (Odoo's auth="user"). */
	auth: 'user' | 'none';
	params: readonly ParamSpec[];
	/** The 'model.method' a request calls, for stats and fault rules. */
	target?(params: Readonly<Record<string, unknown>>): string | undefined;
	run(context: JsonRouteContext, args: Record<string, unknown>): unknown;
}

const COOKIE_SECONDS = 90 * 24 * 60 * 60;

export function prepareJson(state: SandboxState, exchange: Exchange, route: JsonRoute | undefined, routeArgs: Record<string, unknown>): PreparedRequest {
	const mimetype = (exchange.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	const isJson = mimetype === 'application/json' || mimetype === 'application/json-rpc';
	if (!route && !isJson) return { execute: () => htmlReply(404, werkzeugPage(404, NOT_FOUND_TEXT)) };
	const text = exchange.body.toString('utf8');
	const invalid = (): PreparedRequest => ({ execute: () => htmlReply(400, werkzeugPage(400, `Invalid JSON data: ${pyRepr(text)}`)) });
	if (!isJson) return invalid();
	let request: unknown;
	try {
		request = JSON.parse(text);
	} catch {
		return invalid();
	}
	// Odoo reads request.get("params") and dict(params): anything else fails before any answer can be built.
	if (!isDict(request) || (request.params !== undefined && !isDict(request.params))) {
		return { execute: () => htmlReply(500, werkzeugPage(500, INTERNAL_ERROR_TEXT)) };
	}
	const params: Record<string, unknown> = { ...(request.params as Record<string, unknown> | undefined) };
	// JsonRequest pops the context out of the params before calling the controller.
	delete params.context;
	const { session, explicit } = openSession(state, exchange);
	const id = request.id ?? null;
	return {
		target: route?.target?.(params),
		session,
		execute: () => {
			const outcome = runRoute(state, route, session, { ...params, ...routeArgs });
			return jsonReply(outcome, id, explicit ? undefined : sessionCookie(session.sid, state.now()));
		},
	};
}

/** Query string first, then the header (both "explicit": no cookie back), then the cookie. */
export function openSession(state: SandboxState, exchange: Exchange): { session: Session; explicit: boolean } {
	const header = exchange.headers['x-openerp-session-id'];
	const explicitSid = exchange.query.get('session_id') || (typeof header === 'string' ? header : undefined);
	const sid = explicitSid || cookieValue(exchange.headers.cookie, 'session_id');
	return { session: state.sessions.open(sid), explicit: Boolean(explicitSid) };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
	for (const part of (header ?? '').split(';')) {
		const [key, ...value] = part.trim().split('=');
		if (key === name) return value.join('=');
	}
	return undefined;
}

type Outcome = { result: unknown } | { error: OdooError };

function runRoute(state: SandboxState, route: JsonRoute | undefined, session: Session, params: Record<string, unknown>): Outcome {
	try {
		if (!route) throw routeNotFound();
		if (route.auth === 'user') requireUser(state, session);
		const args = bindArguments(route.qualname, route.params, [], params);
		return { result: route.run({ state, session }, args) };
	} catch (thrown) {
		return { error: asOdooError(thrown) };
	}
}

/** auth="user": a session without a user is expired; so is one whose expireSessionAfter budget is spent. */
export function requireUser(state: SandboxState, session: Session): void {
	if (session.uid !== false && session.callsLeft !== undefined) {
		if (session.callsLeft <= 0) {
			state.sessions.remove(session.sid);
			Object.assign(session, { uid: false, login: false, callsLeft: undefined });
		} else {
			session.callsLeft--;
		}
	}
	if (session.uid === false) throw sessionExpired(SESSION_CHECK);
}

function jsonReply(outcome: Outcome, id: unknown, cookie: string | undefined): Reply {
	const body: Record<string, unknown> = { jsonrpc: '2.0', id };
	let status = 200;
	if ('error' in outcome) {
		const { error } = outcome;
		const outer = error.code === 100 ? [] : error.code === 404 ? JSON_DISPATCH.slice(0, 3) : JSON_DISPATCH;
		body.error = jsonErrorMember(error, outer);
		if (error.code === 404) status = 404;
	} else if (outcome.result !== null && outcome.result !== undefined) {
		// Odoo 11 leaves `result` out when the method returned None (/web/session/destroy does).
		body.result = outcome.result;
	}
	const headers: Record<string, string> = { 'Content-Type': 'application/json' };
	if (cookie) headers['Set-Cookie'] = cookie;
	// Python's json.dumps would escape non-ASCII characters (\u20ac); the sandbox sends them as UTF-8, which every
	// JSON parser reads the same, because scanning bodies of tens of megabytes (every partner's pictures) is slow.
	return { status, headers, body: JSON.stringify(body) };
}

export function sessionCookie(sid: string, now: Date): string {
	return `session_id=${sid}; Expires=${cookieDate(addDays(now, 90))}; Max-Age=${COOKIE_SECONDS}; HttpOnly; Path=/`;
}

function isDict(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
