import { formatTraceback, type Frame } from './traceback';
import { pyRepr, PyTuple } from './pyrepr';

/**
 * Odoo 11's exceptions as the sandbox raises them. An error keeps what Python would hold (class path and args);
 * the wire forms (JSON `error` member, XML-RPC fault) are derived from that the way odoo/http.py and
 * odoo/service/wsgi_server.py derive them, so every transport stays consistent.
 */

export type ExceptionType =
	| 'user_error'
	| 'warning'
	| 'access_error'
	| 'missing_error'
	| 'access_denied'
	| 'validation_error'
	| 'except_orm'
	| 'internal_error';

interface OdooErrorSpec {
	/** Python class path, e.g. 'odoo.exceptions.UserError' or 'builtins.KeyError'. */
	name: string;
	args: readonly unknown[];
	exceptionType?: ExceptionType;
	/** JSON-RPC error code: 200 server error, 100 session gone, 404 unknown route. */
	code?: 200 | 100 | 404;
	/** str(e) when the class overrides __str__ (KeyError, werkzeug's NotFound). */
	str?: string;
	/** Where Odoo raised it (innermost frames of the traceback). */
	frames?: readonly Frame[];
}

export class OdooError extends Error {
	readonly pyName: string;

	readonly args: readonly unknown[];

	readonly exceptionType: ExceptionType;

	readonly code: 200 | 100 | 404;

	readonly frames: readonly Frame[];

	private readonly strOverride?: string;

	constructor(spec: OdooErrorSpec) {
		super(spec.args.map(pyStr).join('\n') || spec.str || spec.name);
		this.pyName = spec.name;
		this.args = spec.args;
		this.exceptionType = spec.exceptionType ?? 'internal_error';
		this.code = spec.code ?? 200;
		this.frames = spec.frames ?? [];
		this.strOverride = spec.str;
	}

	/** Python's str(e): a lone argument as text, several as a tuple repr "('msg', None)". */
	get pyStr(): string {
		if (this.strOverride !== undefined) return this.strOverride;
		if (this.args.length === 0) return '';
		if (this.args.length === 1) return pyStr(this.args[0]);
		return pyRepr(new PyTuple(this.args));
	}

	/** odoo.tools.exception_to_unicode: the args joined by newlines, which is where "\nNone" comes from. */
	get odooMessage(): string {
		return this.args.length > 0 ? this.args.map(pyStr).join('\n') : this.pyStr;
	}

	/** The last line of a Python traceback; builtins are printed without their module. */
	get tracebackTail(): string {
		const shortName = this.pyName.replace(/^builtins\./, '');
		const text = this.pyStr;
		return text === '' ? shortName : `${shortName}: ${text}`;
	}

	traceback(outerFrames: readonly Frame[]): string {
		return formatTraceback([...outerFrames, ...this.frames], this.tracebackTail);
	}

	withFrames(frames: readonly Frame[]): OdooError {
		return new OdooError({
			name: this.pyName,
			args: this.args,
			exceptionType: this.exceptionType,
			code: this.code,
			str: this.strOverride,
			frames: [...frames, ...this.frames],
		});
	}
}

/** Python's str() of an argument. */
function pyStr(value: unknown): string {
	return typeof value === 'string' ? value : pyRepr(value);
}

function exceptOrm(name: string, exceptionType: ExceptionType, message: string, value: string | null, frames?: readonly Frame[]): OdooError {
	return new OdooError({ name: `odoo.exceptions.${name}`, args: [message, value], exceptionType, frames });
}

/** UserError's second argument is '' in Odoo 11, hence the message tail "\n" rather than "\nNone". */
export const userError = (message: string, frames?: readonly Frame[]): OdooError => exceptOrm('UserError', 'user_error', message, '', frames);
export const accessError = (message: string, frames?: readonly Frame[]): OdooError => exceptOrm('AccessError', 'access_error', message, null, frames);
export const missingError = (message: string, frames?: readonly Frame[]): OdooError => exceptOrm('MissingError', 'missing_error', message, null, frames);
export const validationError = (message: string, frames?: readonly Frame[]): OdooError =>
	exceptOrm('ValidationError', 'validation_error', message, null, frames);

export function accessDenied(frames?: readonly Frame[]): OdooError {
	return new OdooError({ name: 'odoo.exceptions.AccessDenied', args: ['Access denied'], exceptionType: 'access_denied', frames });
}

/** A Python builtin exception (ValueError, TypeError, ...): internal_error with the message as only argument. */
export function builtinError(className: string, message: string, frames?: readonly Frame[]): OdooError {
	return new OdooError({ name: `builtins.${className}`, args: [message], frames });
}

/** KeyError prints its key with repr(): the traceback says KeyError: 'no.such.model'. */
export function keyError(key: string, frames?: readonly Frame[]): OdooError {
	return new OdooError({ name: 'builtins.KeyError', args: [key], str: pyRepr(key), frames });
}

export function sessionExpired(frames?: readonly Frame[]): OdooError {
	return new OdooError({ name: 'odoo.http.SessionExpiredException', args: ['Session expired'], code: 100, frames });
}

export function routeNotFound(): OdooError {
	return new OdooError({ name: 'werkzeug.exceptions.NotFound', args: [], code: 404, str: '404: Not Found' });
}

/** What psycopg2 says when the database named in the call does not exist. */
export function unknownDatabase(db: string): OdooError {
	const text = `connection to server at "127.0.0.1", port 5432 failed: FATAL:  database ${JSON.stringify(db)} does not exist\n`;
	return new OdooError({
		name: 'psycopg2.OperationalError',
		args: [text],
		frames: [
			['odoo/modules/registry.py', 59, '__new__', 'return cls.registries[db_name]'],
			['odoo/sql_db.py', 637, 'borrow', 'result = psycopg2.connect('],
		],
	});
}

/** The JSON-RPC `error` member, as odoo/http.py JsonRequest._handle_exception builds it. */
export function jsonErrorMember(error: OdooError, outerFrames: readonly Frame[]): Record<string, unknown> {
	const messages = { 200: 'Odoo Server Error', 100: 'Odoo Session Expired', 404: '404: Not Found' };
	const member: Record<string, unknown> = {
		code: error.code,
		message: messages[error.code],
		data: {
			name: error.pyName,
			debug: error.traceback(outerFrames),
			message: error.odooMessage,
			arguments: error.args,
			exception_type: error.exceptionType,
		},
	};
	if (error.code === 404) member.http_status = 404;
	return member;
}

/** Anything thrown that is not an OdooError is a sandbox bug; it still answers like Odoo's internal errors. */
export function asOdooError(thrown: unknown): OdooError {
	if (thrown instanceof OdooError) return thrown;
	const message = thrown instanceof Error ? thrown.message : String(thrown);
	return builtinError('RuntimeError', message);
}
