import { asOdooError, type OdooError } from './errors';
import { htmlReply, type Exchange, type PreparedRequest, type Reply } from './exchange';
import { INTERNAL_ERROR_TEXT, werkzeugPage } from './html-pages';
import { dispatchRpc } from './rpc-services';
import type { SandboxState } from './state';
import { XMLRPC } from './traceback';
import { faultResponse, methodResponse, parseMethodCall, type MethodCall } from './xmlrpc';

/**
 * odoo/service/wsgi_server.py wsgi_xmlrpc: POST /xmlrpc/2/<service> answers faults with integer codes,
 * the legacy /xmlrpc/<service> with string codes. No session and no cookie: XML-RPC bypasses the web stack.
 */

export function isXmlRpc(exchange: Exchange): boolean {
	return exchange.method === 'POST' && exchange.path.startsWith('/xmlrpc/');
}

export function prepareXmlRpc(state: SandboxState, exchange: Exchange): PreparedRequest {
	const legacy = !exchange.path.startsWith('/xmlrpc/2/');
	const service = exchange.path.slice(legacy ? '/xmlrpc/'.length : '/xmlrpc/2/'.length);
	let call: MethodCall;
	try {
		call = parseMethodCall(exchange.body.toString('utf8'));
	} catch {
		// xmlrpclib.loads runs outside Odoo's try: a malformed body ends in werkzeug's 500 page.
		return { execute: () => htmlReply(500, werkzeugPage(500, INTERNAL_ERROR_TEXT)) };
	}
	const params = call.params;
	const calls = service === 'object' && typeof params[3] === 'string' && typeof params[4] === 'string';
	return {
		target: calls ? `${params[3]}.${params[4]}` : undefined,
		execute: () => xmlReply(answer(state, service, call, legacy)),
	};
}

function answer(state: SandboxState, service: string, call: MethodCall, legacy: boolean): string {
	try {
		return methodResponse(dispatchRpc(state, service, call.methodName, call.params));
	} catch (thrown) {
		const error = asOdooError(thrown);
		return legacy ? legacyFault(error) : fault(error);
	}
}

/** xmlrpc_handle_exception_int: 2 UserError / MissingError, 4 AccessError, 3 AccessDenied, 1 anything else (with the traceback). */
function fault(error: OdooError): string {
	switch (error.pyName) {
		case 'odoo.exceptions.UserError':
			return faultResponse(2, String(error.args[0]));
		case 'odoo.exceptions.MissingError':
			return faultResponse(2, error.pyStr);
		case 'odoo.exceptions.AccessError':
			return faultResponse(4, error.pyStr);
		case 'odoo.exceptions.AccessDenied':
			return faultResponse(3, error.pyStr);
		default:
			return faultResponse(1, error.traceback(XMLRPC));
	}
}

/** xmlrpc_handle_exception_string: the legacy routes put the text in faultCode. */
function legacyFault(error: OdooError): string {
	switch (error.pyName) {
		case 'odoo.exceptions.UserError':
			return faultResponse(`warning -- ${String(error.args[0])}\n\n${String(error.args[1])}`, '');
		case 'odoo.exceptions.MissingError':
			return faultResponse(`warning -- MissingError\n\n${error.pyStr}`, '');
		case 'odoo.exceptions.AccessError':
			return faultResponse(`warning -- AccessError\n\n${error.pyStr}`, '');
		case 'odoo.exceptions.AccessDenied':
			return faultResponse('AccessDenied', error.pyStr);
		default:
			return faultResponse(error.odooMessage, error.traceback(XMLRPC));
	}
}

function xmlReply(body: string): Reply {
	return { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body };
}
