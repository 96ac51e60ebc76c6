import { accessDenied, builtinError, OdooError, userError } from './errors';
import { bindArguments, type ParamSpec } from './orm/bind';
import { callKw, checkMethodName } from './orm/call';
import { pyRepr, pyTypeName } from './pyrepr';
import type { SandboxState } from './state';
import { OBJECT_SERVICE } from './traceback';
import { VERSION_INFO } from './version';

/**
 * odoo.http.dispatch_rpc: the `common`, `db` and `object` services behind /jsonrpc and XML-RPC. Every call of
 * the object service carries db, uid and password, checked each time.
 */

type ServiceMethod = { params: readonly ParamSpec[]; run(state: SandboxState, args: Record<string, unknown>): unknown };

const COMMON: Record<string, ServiceMethod> = {
	login: {
		params: [{ name: 'db' }, { name: 'login' }, { name: 'password' }],
		run: (state, { db, login, password }) => state.login(db, login, password),
	},
	authenticate: {
		params: [{ name: 'db' }, { name: 'login' }, { name: 'password' }, { name: 'user_agent_env' }],
		run: (state, { db, login, password }) => state.login(db, login, password),
	},
	version: { params: [], run: () => VERSION_INFO },
	about: { params: [{ name: 'extended', default: false }], run: (_state, { extended }) => (extended ? ['See http://openerp.com', '11.0'] : 'See http://openerp.com') },
	set_loglevel: { params: [{ name: 'loglevel' }, { name: 'logger', default: null }], run: () => true },
};

/** The db methods that need the master password, which the sandbox never accepts. */
const DB_ADMIN_METHODS = new Set(['create_database', 'duplicate_database', 'drop', 'dump', 'restore', 'rename', 'change_admin_password', 'migrate_databases']);

const DB: Record<string, ServiceMethod> = {
	list: { params: [{ name: 'document', default: false }], run: (state) => [state.db] },
	db_exist: { params: [{ name: 'db_name' }], run: (state, { db_name }) => db_name === state.db },
	server_version: { params: [], run: () => VERSION_INFO.server_version },
	list_lang: { params: [], run: () => [['en_US', 'English'], ['tr_TR', 'Turkish / Türkçe']] },
};

export function dispatchRpc(state: SandboxState, service: unknown, method: unknown, params: readonly unknown[]): unknown {
	switch (service) {
		case 'common':
			return runServiceMethod(state, COMMON, `exp_${String(method)}`, method, params, () => builtinError('Exception', `Method not found: ${String(method)}`));
		case 'db':
			if (DB_ADMIN_METHODS.has(method as string)) throw accessDenied();
			return runServiceMethod(state, DB, `exp_${String(method)}`, method, params, () => builtinError('KeyError', `Method not found: ${String(method)}`));
		case 'object':
			return objectService(state, method, params);
		default:
			// What Odoo 11 does with an unknown service name (capture 49): `dispatch` is never assigned.
			throw builtinError('UnboundLocalError', "cannot access local variable 'dispatch' where it is not associated with a value");
	}
}

function runServiceMethod(
	state: SandboxState,
	methods: Record<string, ServiceMethod>,
	qualname: string,
	method: unknown,
	params: readonly unknown[],
	notFound: () => OdooError,
): unknown {
	const spec = typeof method === 'string' && Object.hasOwn(methods, method) ? methods[method] : undefined;
	if (!spec) throw notFound();
	return spec.run(state, bindArguments(qualname, spec.params, params, {}));
}

/** odoo.service.model.dispatch: execute(db, uid, pw, model, method, *args) and execute_kw(..., args, kwargs). */
function objectService(state: SandboxState, method: unknown, params: readonly unknown[]): unknown {
	const [db, rawUid, password, ...rest] = params;
	const uid = toUid(rawUid);
	if (method !== 'execute' && method !== 'execute_kw') throw builtinError('NameError', `Method not available ${String(method)}`);
	state.checkCredentials(db, uid, password);
	const [model, name, ...callArgs] = rest;
	const [args, kwargs] = method === 'execute' ? [callArgs, {}] : executeKwArgs(callArgs);
	if (typeof name !== 'string') throw builtinError('TypeError', `expected string or bytes-like object, got '${pyTypeName(name)}'`);
	checkMethodName(name);
	if (typeof model !== 'string' || !state.registry.table(model)) {
		throw userError(`Object ${String(model)} doesn't exist`, [['odoo/service/model.py', 167, 'execute_cr', `raise UserError(_("Object %s doesn't exist") % obj)`]]);
	}
	try {
		return callKw(state.env(uid), model, name, args, kwargs, state.observer);
	} catch (error) {
		throw error instanceof OdooError ? error.withFrames(OBJECT_SERVICE) : error;
	}
}

/** execute_kw(db, uid, obj, method, args, kw=None). */
function executeKwArgs(callArgs: readonly unknown[]): [unknown[], unknown] {
	const spec = bindArguments('execute_kw', [{ name: 'args' }, { name: 'kw', default: null }], callArgs, {});
	return [Array.isArray(spec.args) ? spec.args : [], spec.kw ?? {}];
}

/** int(params[1]), as Odoo converts the uid. */
function toUid(value: unknown): number {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value);
	if (typeof value === 'boolean') return value ? 1 : 0;
	throw builtinError('ValueError', `invalid literal for int() with base 10: ${pyRepr(value)}`);
}
