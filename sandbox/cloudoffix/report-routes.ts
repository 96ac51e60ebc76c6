import { OdooError, asOdooError, builtinError } from './errors';
import { htmlReply, type Exchange, type PreparedRequest, type Reply } from './exchange';
import { INTERNAL_ERROR_TEXT, werkzeugPage } from './html-pages';
import { openSession, requireUser, sessionCookie } from './jsonrpc';
import { checkAccess } from './orm/access';
import { Model, type Env, type Rec } from './orm/database';
import { renderHtmlReport, renderPdf, QWebError } from './report/render';
import type { Session } from './session';
import type { SandboxState } from './state';
import { formatTraceback } from './traceback';

/**
 * The report routes of Odoo 11's web module (ReportController.report_routes): GET /report/<converter>/<reportname>
 * and /report/<converter>/<reportname>/<docids>, type='http', auth='user', website=True. With sale installed,
 * http_routing handles their errors (they are "frontend" routes): no session is a 302 to /web/login?redirect=<url>
 * (HttpRequest._handle_exception on SessionExpiredException), an AccessError the 403 page, anything else the 500 page.
 */

const ROUTE = /^\/report\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/;

export function isReportRoute(exchange: Exchange): boolean {
	return ROUTE.test(exchange.path);
}

/** werkzeug's url_unquote of a path segment; a malformed escape stays as it is. */
function unquote(part: string): string {
	try {
		return decodeURIComponent(part);
	} catch {
		return part;
	}
}

export function prepareReport(state: SandboxState, exchange: Exchange): PreparedRequest {
	const match = ROUTE.exec(exchange.path) as RegExpExecArray;
	const [converter, reportName] = [unquote(match[1]), unquote(match[2])];
	const docids = match[3] === undefined ? undefined : unquote(match[3]);
	const { session, explicit } = openSession(state, exchange);
	const targets: Record<string, string> = { pdf: 'ir.actions.report.render_qweb_pdf', html: 'ir.actions.report.render_qweb_html' };
	return {
		target: targets[converter],
		session,
		execute: () => {
			const reply = answer(state, exchange, session, converter, reportName, docids);
			// Root.get_response sets the session cookie on every response, unless the session id came explicitly.
			if (!explicit) reply.headers['Set-Cookie'] = sessionCookie(session.sid, state.now());
			return reply;
		},
	};
}

function answer(state: SandboxState, exchange: Exchange, session: Session, converter: string, reportName: string, docids: string | undefined): Reply {
	try {
		requireUser(state, session);
	} catch {
		return loginRedirect(state, exchange);
	}
	if (exchange.method !== 'GET' && exchange.method !== 'HEAD') {
		// type='http' routes check the CSRF token of any other method, and the sandbox issues none.
		return htmlReply(400, werkzeugPage(400, 'Session expired (invalid CSRF token)'));
	}
	const env = state.env(session.uid as number);
	const target = { pdf: 'ir.actions.report.render_qweb_pdf', html: 'ir.actions.report.render_qweb_html' }[converter];
	// The rendering counts as a call of the report's method, as it would through call_kw.
	if (target) state.observer.onCall(target);
	try {
		return state.registry.journal.run(() => render(env, converter, reportName, docids), state.observer);
	} catch (thrown) {
		const error = asOdooError(thrown);
		if (error.pyName === 'werkzeug.exceptions.HTTPException') return htmlReply(500, werkzeugPage(500, INTERNAL_ERROR_TEXT));
		const denied = error.exceptionType === 'access_error' || (error instanceof QWebError && error.cause.exceptionType === 'access_error');
		return errorPage(denied ? 403 : 500, error);
	}
}

function render(env: Env, converter: string, reportName: string, docids: string | undefined): Reply {
	const ids = docids === undefined ? [] : docids.split(',').map(toInt);
	const report = reportByName(env, reportName);
	if (converter === 'pdf') {
		const pdf = renderPdf(env, report, ids);
		return { status: 200, headers: { 'Content-Type': 'application/pdf' }, body: pdf };
	}
	if (converter === 'html') {
		// request.make_response(html): werkzeug's default text/html with the charset.
		return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: renderHtmlReport(env, report, ids) };
	}
	throw new OdooError({ name: 'werkzeug.exceptions.HTTPException', args: [], str: `??? Unknown Error: Converter ${converter} not implemented.` });
}

/** int(i) for each of the comma-separated docids. */
function toInt(text: string): number {
	if (!/^\s*[+-]?\d+\s*$/.test(text)) throw builtinError('ValueError', `invalid literal for int() with base 10: '${text}'`);
	return Number(text);
}

/**
 * _get_report_from_name: the first report (in the model's order, by name) of a QWeb type with that report_name. None
 * is an empty recordset, on which render_qweb_pdf reads self.model, False, and env[False] raises KeyError: False.
 */
function reportByName(env: Env, reportName: string): Rec {
	const reports = new Model(env, env.registry.get('ir.actions.report'));
	checkAccess(reports, 'read');
	const found = [...reports.table.records.values()]
		.filter((rec) => (rec.report_type === 'qweb-pdf' || rec.report_type === 'qweb-html') && rec.report_name === reportName)
		.sort((a, b) => String(a.name).localeCompare(String(b.name)) || a.id - b.id)[0];
	if (!found) throw new OdooError({ name: 'builtins.KeyError', args: [false], str: 'False' });
	return found;
}

/** werkzeug's url_quote_plus with no safe characters, as url_encode applies it to the redirect parameter. */
function quotePlus(text: string): string {
	let out = '';
	for (const byte of Buffer.from(text, 'utf8')) {
		const char = String.fromCharCode(byte);
		if (/[A-Za-z0-9_.-]/.test(char)) out += char;
		else if (char === ' ') out += '+';
		else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

/**
 * werkzeug.utils.redirect('/web/login?redirect=<the request's URL>'), code 302; werkzeug 0.11 makes the Location
 * absolute (autocorrect_location_header).
 */
function loginRedirect(state: SandboxState, exchange: Exchange): Reply {
	const scheme = state.url.startsWith('https:') ? 'https' : 'http';
	const host = exchange.headers.host ?? new URL(state.url).host;
	const query = exchange.query.toString();
	const requested = `${scheme}://${host}${exchange.path}${query ? `?${query}` : ''}`;
	const target = `/web/login?redirect=${quotePlus(requested)}`;
	const escaped = escapeHtml(target);
	const body = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to target URL: <a href="${escaped}">${escaped}</a>.  If not click the link.`;
	return { status: 302, headers: { 'Content-Type': 'text/html; charset=utf-8', Location: `${scheme}://${host}${target}` }, body };
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const TITLES = { 403: '403: Forbidden', 500: '500: Internal Server Error!' } as const;

/**
 * http_routing's error pages (templates http_routing.403 and http_routing.500), in a plain layout: the status, and on
 * the 500 page the error message and traceback that Odoo shows there. Not Odoo's markup byte for byte.
 */
function errorPage(code: 403 | 500, error: OdooError): Reply {
	const details =
		code === 500
			? `<div id="error_message">\n<h3>Error message:</h3>\n<pre>${escapeHtml(error.tracebackTail.replace(/^[\w.]+\.(?=\w+:)/, ''))}</pre>\n</div>\n<div id="error_traceback">\n<h3>Traceback:</h3>\n<pre>${escapeHtml(formatTraceback(error.frames, error.tracebackTail))}</pre>\n</div>\n`
			: '<p>The page you were looking for could not be authorized.</p>\n';
	const body = `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8"/>\n<title>${TITLES[code]} | Odoo</title>\n</head>\n<body>\n<div id="wrapwrap">\n<main>\n<div id="wrap">\n<div class="container">\n<h1 class="mt32">${TITLES[code]}</h1>\n${details}</div>\n</div>\n</main>\n</div>\n</body>\n</html>\n`;
	return { status: code, headers: { 'Content-Type': 'text/html;charset=utf-8' }, body };
}
