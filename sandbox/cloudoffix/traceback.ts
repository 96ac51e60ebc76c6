/**
 * Plausible Python tracebacks for `data.debug` and XML-RPC fault strings. Real Odoo 11 sends the server's
 * traceback; clients must never show it, but they do receive it, so the sandbox sends one of the same form.
 * Frames are fixed texts from Odoo 11's sources: nothing from the request (which may hold a password) goes in.
 */

/** One traceback entry: file, line, function, source line. */
export type Frame = readonly [file: string, line: number, fn: string, code: string];

const ROOT = '/opt/odoo';

export function formatTraceback(frames: readonly Frame[], finalLine: string): string {
	const body = frames.map(([file, line, fn, code]) => `  File "${file.startsWith('/') ? file : `${ROOT}/${file}`}", line ${line}, in ${fn}\n    ${code}\n`).join('');
	return `Traceback (most recent call last):\n${body}${finalLine}\n`;
}

/** Every JSON route: how odoo/http.py reaches the controller and re-raises what it raised. */
export const JSON_DISPATCH: readonly Frame[] = [
	['odoo/http.py', 653, '_handle_exception', 'return super(JsonRequest, self)._handle_exception(exception)'],
	['odoo/http.py', 312, '_handle_exception', 'raise pycompat.reraise(type(exception), exception, sys.exc_info()[2])'],
	['odoo/tools/pycompat.py', 87, 'reraise', 'raise value'],
	['odoo/http.py', 695, 'dispatch', 'result = self._call_function(**self.params)'],
	['odoo/http.py', 344, '_call_function', 'return checked_call(self.db, *args, **kwargs)'],
	['odoo/service/model.py', 97, 'wrapper', 'return f(dbname, *args, **kwargs)'],
	['odoo/http.py', 337, 'checked_call', 'result = self.endpoint(*a, **kw)'],
	['odoo/http.py', 939, '__call__', 'return self.method(*args, **kw)'],
	['odoo/http.py', 517, 'response_wrap', 'response = f(*args, **kw)'],
];

/** A JSON route whose session is missing: the auth check raises before the controller runs. */
export const SESSION_CHECK: readonly Frame[] = [
	...JSON_DISPATCH.slice(0, 3),
	['addons/http_routing/models/ir_http.py', 345, '_dispatch', "cls._authenticate(func.routing['auth'])"],
	['odoo/addons/base/ir/ir_http.py', 117, '_authenticate', 'getattr(cls, "_auth_method_%s" % auth_method)()'],
	['odoo/addons/base/ir/ir_http.py', 90, '_auth_method_user', 'raise http.SessionExpiredException("Session expired")'],
];

export const CALL_KW: readonly Frame[] = [
	['addons/web/controllers/main.py', 934, 'call_kw', 'return self._call_kw(model, method, args, kwargs)'],
	['addons/web/controllers/main.py', 926, '_call_kw', 'return call_kw(request.env[model], method, args, kwargs)'],
];

export const JSONRPC: readonly Frame[] = [
	['odoo/http.py', 1665, 'jsonrpc', 'return dispatch_rpc(service, method, args)'],
	['odoo/http.py', 118, 'dispatch_rpc', 'result = dispatch(method, params)'],
];

/** The object service between dispatch_rpc and the model method. */
export const OBJECT_SERVICE: readonly Frame[] = [
	['odoo/service/model.py', 39, 'dispatch', 'res = fn(db, uid, *params)'],
	['odoo/service/model.py', 172, 'execute_kw', 'return execute(db, uid, obj, method, *args, **kw or {})'],
	['odoo/service/model.py', 97, 'wrapper', 'return f(dbname, *args, **kwargs)'],
	['odoo/service/model.py', 179, 'execute', 'res = execute_cr(cr, uid, obj, method, *args, **kw)'],
	['odoo/service/model.py', 168, 'execute_cr', 'return odoo.api.call_kw(recs, method, args, kw)'],
];

/** XML-RPC: odoo/service/wsgi_server.py hands the call to dispatch_rpc. */
export const XMLRPC: readonly Frame[] = [
	['odoo/service/wsgi_server.py', 128, 'wsgi_xmlrpc', 'result = odoo.http.dispatch_rpc(service, method, params)'],
	['odoo/http.py', 118, 'dispatch_rpc', 'result = dispatch(method, params)'],
];

/** odoo.api.call_kw for a model-level method (create, search, ...) and for a record method (read, write, ...). */
export const API_MODEL: readonly Frame[] = [
	['odoo/api.py', 697, 'call_kw', 'return call_kw_model(method, model, args, kwargs)'],
	['odoo/api.py', 682, 'call_kw_model', 'result = method(recs, *args, **kwargs)'],
];
export const API_MULTI: readonly Frame[] = [
	['odoo/api.py', 699, 'call_kw', 'return call_kw_multi(method, model, args, kwargs)'],
	['odoo/api.py', 690, 'call_kw_multi', 'result = method(recs, *args, **kwargs)'],
];
