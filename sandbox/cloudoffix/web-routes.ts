import { builtinError, keyError, OdooError } from './errors';
import type { JsonRoute, JsonRouteContext } from './jsonrpc';
import { callKw, checkMethodName } from './orm/call';
import { pyTypeName } from './pyrepr';
import { dispatchRpc } from './rpc-services';
import { sessionInfo } from './session-info';
import { CALL_KW, JSONRPC, type Frame } from './traceback';
import { VERSION_INFO } from './version';

/** The JSON routes of Odoo 11's web client controllers, plus /jsonrpc. */

const CALL_KW_PREFIX = '/web/dataset/call_kw';

/** Runs a controller body; what it raises gets the controller's frames for the traceback. */
function within<T>(frames: readonly Frame[], work: () => T): T {
	try {
		return work();
	} catch (error) {
		throw error instanceof OdooError ? error.withFrames(frames) : error;
	}
}

/** request.env[model]: an unknown model is a KeyError here (the object service says UserError instead). */
function modelName({ state }: JsonRouteContext, model: unknown): string {
	if (typeof model !== 'string' || !state.registry.table(model)) {
		throw keyError(String(model), [
			['odoo/api.py', 771, '__getitem__', 'return self.registry[model_name]._browse((), self)'],
			['odoo/modules/registry.py', 179, '__getitem__', 'return self.models[model_name]'],
		]);
	}
	return model;
}

function callFromSession(context: JsonRouteContext, model: string, method: string, args: unknown, kwargs: unknown): unknown {
	const { state, session } = context;
	return callKw(state.env(session.uid as number), model, method, args, kwargs, state.observer);
}

const target = (model: unknown, method: unknown): string | undefined => (typeof model === 'string' && typeof method === 'string' ? `${model}.${method}` : undefined);

const callKwRoute: JsonRoute = {
	qualname: 'DataSet.call_kw',
	auth: 'user',
	params: [{ name: 'model' }, { name: 'method' }, { name: 'args' }, { name: 'kwargs' }, { name: 'path', default: null }],
	target: (params) => target(params.model, params.method),
	run: (context, { model, method, args, kwargs }) =>
		within(CALL_KW, () => {
			if (typeof method !== 'string') throw builtinError('TypeError', `expected string or bytes-like object, got '${pyTypeName(method)}'`);
			checkMethodName(method);
			return callFromSession(context, modelName(context, model), method, args, kwargs);
		}),
};

/** DataSet.do_search_read: `length` counts all matches only when the page came back full. */
const searchReadRoute: JsonRoute = {
	qualname: 'DataSet.search_read',
	auth: 'user',
	params: [
		{ name: 'model' },
		{ name: 'fields', default: false },
		{ name: 'offset', default: 0 },
		{ name: 'limit', default: false },
		{ name: 'domain', default: null },
		{ name: 'sort', default: null },
	],
	target: (params) => target(params.model, 'search_read'),
	run: (context, { model, fields, offset, limit, domain, sort }) =>
		within(CALL_KW, () => {
			const name = modelName(context, model);
			const kwargs = { domain, fields, offset: offset || 0, limit: limit || false, order: sort || false };
			const records = callFromSession(context, name, 'search_read', [], kwargs) as unknown[];
			if (records.length === 0) return { length: 0, records: [] };
			const full = typeof limit === 'number' && limit > 0 && records.length === limit;
			const length = full ? callFromSession(context, name, 'search_count', [domain], {}) : records.length + (typeof offset === 'number' ? offset : 0);
			return { length, records };
		}),
};

export const JSON_ROUTES: Readonly<Record<string, JsonRoute>> = {
	'/web/session/authenticate': {
		qualname: 'Session.authenticate',
		auth: 'none',
		params: [{ name: 'db' }, { name: 'login' }, { name: 'password' }, { name: 'base_location', default: null }],
		run: ({ state, session }, { db, login, password }) => {
			const uid = state.login(db, login, password);
			Object.assign(session, { db, uid, login: uid === false ? false : login, callsLeft: undefined });
			state.sessions.save(session);
			return sessionInfo(state, session);
		},
	},
	'/web/session/get_session_info': {
		qualname: 'Session.get_session_info',
		auth: 'user',
		params: [],
		run: ({ state, session }) => sessionInfo(state, session),
	},
	'/web/session/destroy': {
		qualname: 'Session.destroy',
		auth: 'user',
		params: [],
		run: ({ state, session }) => state.sessions.logout(session),
	},
	[CALL_KW_PREFIX]: callKwRoute,
	'/web/dataset/search_read': searchReadRoute,
	'/web/database/list': { qualname: 'Database.list', auth: 'none', params: [], run: ({ state }) => [state.db] },
	'/web/webclient/version_info': { qualname: 'WebClient.version_info', auth: 'none', params: [], run: () => VERSION_INFO },
	'/jsonrpc': {
		qualname: 'jsonrpc',
		auth: 'none',
		params: [{ name: 'service' }, { name: 'method' }, { name: 'args' }],
		target: (params) => (params.service === 'object' && Array.isArray(params.args) ? target(params.args[3], params.args[4]) : undefined),
		run: ({ state }, { service, method, args }) => within(JSONRPC, () => dispatchRpc(state, service, method, Array.isArray(args) ? args : [])),
	},
};

/** The route for a path, with the arguments its URL carries (call_kw's `path`). */
export function findJsonRoute(path: string): { route?: JsonRoute; args: Record<string, unknown> } {
	const exact = Object.hasOwn(JSON_ROUTES, path) ? JSON_ROUTES[path] : undefined;
	if (exact) return { route: exact, args: {} };
	if (path.startsWith(`${CALL_KW_PREFIX}/`) && path.length > CALL_KW_PREFIX.length + 1) {
		return { route: callKwRoute, args: { path: path.slice(CALL_KW_PREFIX.length + 1) } };
	}
	return { args: {} };
}

/** The stats key of a path: every call_kw/<anything> counts as call_kw, every /report/pdf/<report>/<ids> as /report/pdf. */
export function routeKey(path: string): string {
	if (path.startsWith(`${CALL_KW_PREFIX}/`)) return CALL_KW_PREFIX;
	const report = /^\/report\/[^/]+(?=\/)/.exec(path);
	return report ? report[0] : path;
}
