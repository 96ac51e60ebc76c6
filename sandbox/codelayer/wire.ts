import type { Reply } from '../shared/exchange';

/**
 * How Codelayer's PHP API writes its answers: a JSON object with the payload first, then a numeric `e` and a
 * string `msg`; every payload value a string. What its pages say of failures is all we know of them: the three
 * texts below. Their HTTP status is not documented: the sandbox sends them with HTTP 200 unless told otherwise.
 */

export const FAILURE_TEXTS: Readonly<Record<number, string>> = {
	400: 'Bad Request.',
	401: 'Invalid authentication credentials.',
	503: 'Service unavailable.',
};

export type Payload = Record<string, unknown>;

/** A request the server refuses, with the `e` it answers and why (the reason goes to the log and the stats). */
export class Refusal extends Error {
	constructor(
		readonly e: 400 | 401,
		readonly reasons: readonly string[],
	) {
		super(reasons.join('; '));
		this.name = 'Refusal';
	}
}

export const badRequest = (...reasons: string[]) => new Refusal(400, reasons);
export const unauthorized = (...reasons: string[]) => new Refusal(401, reasons);

/**
 * PHP's json_encode with its default flags: "/" written as "\/" and every non-ASCII character as \uXXXX. Parsers
 * read it exactly as JSON.stringify's output; clients that look at the raw text see what PHP sends.
 */
export function phpJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/\//g, '\\/')
		.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function success(payload: Payload): Payload {
	return { ...payload, e: 200, msg: 'Success' };
}

export function failure(e: number, msg = FAILURE_TEXTS[e] ?? FAILURE_TEXTS[503]): Payload {
	return { e, msg };
}

export function jsonReply(status: number, body: Payload, note: string): Reply {
	return { status, headers: { 'Content-Type': 'application/json' }, body: phpJson(body), note };
}

function htmlPage(status: number, title: string, heading: string, text: string): Reply {
	const body = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n\t<div id="container">\n\t\t<h1>${heading}</h1>\n\t\t${text}\n\t</div>\n</body>\n</html>\n`;
	return { status, headers: { 'Content-Type': 'text/html; charset=UTF-8' }, body };
}

/**
 * An unknown path. Codelayer's URLs are controller/method pairs (`sales/route_report`, `system/auth`) behind one
 * PHP front controller, CodeIgniter's layout; a path that names no method ends in the framework's own 404 page, HTML
 * with HTTP 404, not in the API's JSON. A guess: Codelayer documents no such answer.
 */
export function notFoundPage(): Reply {
	return htmlPage(404, '404 Page Not Found', '404 Page Not Found', '<p>The page you requested was not found.</p>');
}

/** What PHP prints, with HTTP 200, when the script fails before it writes its JSON (display_errors on). */
export function phpErrorPage(): Reply {
	return htmlPage(
		200,
		'Error',
		'A PHP Error was encountered',
		'<p>Severity: Warning</p>\n\t\t<p>Message:  mysqli::real_connect(): (HY000/2002): Connection refused</p>\n\t\t<p>Filename: mysqli/mysqli_driver.php</p>',
	);
}

/** The framework's page for an exception nothing caught: the sandbox's own bug. */
export function crashPage(): Reply {
	return htmlPage(500, 'Error', 'An uncaught Exception was encountered', '<p>Type: Error</p>\n\t\t<p>Message: the sandbox failed; its log has the stack</p>');
}

/** Money and quantities as Codelayer writes them: "50.00", "0.0". */
export function fixed(value: number, digits = 2): string {
	if (/e/i.test(String(value))) return value.toFixed(digits);
	const rounded = Number(`${Math.round(Number(`${value}e${digits}`))}e-${digits}`);
	return (Object.is(rounded, -0) ? 0 : rounded).toFixed(digits);
}

/** A wire value (after the catalog's checks every number is text) as a number; empty is 0. */
export function numberOf(value: unknown): number {
	if (value === undefined || value === null || value === '') return 0;
	return Number(value);
}

/** A wire value as text; a missing one is "". */
export function textOf(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}
