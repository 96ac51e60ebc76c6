import { OdooServerError } from './odooEnvelope';

/** Odoo's XML-RPC fault codes (odoo/service/wsgi_server.py) and the JSON-RPC exception they stand for. */
const FAULT_KINDS: Record<number, { name: string; type: string }> = {
	2: { name: 'odoo.exceptions.UserError', type: 'user_error' },
	3: { name: 'odoo.exceptions.AccessDenied', type: 'access_denied' },
	4: { name: 'odoo.exceptions.AccessError', type: 'access_error' },
};

/**
 * The same OdooServerError the JSON-RPC formats give, from an XML-RPC fault: code 1 carries a traceback
 * whose last line names the exception; AccessError and MissingError texts are a Python tuple repr
 * ("('message', None)").
 */
export function faultToOdooError(faultCode: number, faultString: string): OdooServerError {
	const known = FAULT_KINDS[faultCode];
	if (known) {
		const message = untuple(faultString);
		// Both of Odoo 11's MissingError texts: "Record does not exist or has been deleted." and "… has already been deleted".
		const missing = faultCode === 2 && /(does not exist or|has already) been deleted/.test(message);
		return new OdooServerError({
			code: 200,
			data: {
				name: missing ? 'odoo.exceptions.MissingError' : known.name,
				exception_type: missing ? 'missing_error' : known.type,
				arguments: [message],
			},
		});
	}
	const lastLine = faultString.trim().split('\n').pop() ?? faultString;
	const match = /^([\w.]+):\s*([\s\S]*)$/.exec(lastLine);
	const name = match?.[1] ?? 'odoo.exceptions.UnknownError';
	const type = name.endsWith('ValidationError') ? 'validation_error' : 'internal_error';
	return new OdooServerError({ code: 200, data: { name, exception_type: type, arguments: [untuple(match?.[2] ?? lastLine)] } });
}

/** "('msg', None)" → "msg"; anything else unchanged. */
function untuple(text: string): string {
	const match = /^\(\s*(['"])([\s\S]*?)\1\s*,\s*(None|'[^']*'|"[^"]*")\s*\)$/.exec(text.trim());
	return (match ? match[2].replace(/\\n/g, '\n').replace(/\\'/g, "'") : text).trim();
}
