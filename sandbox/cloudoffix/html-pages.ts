/** Werkzeug's HTML error pages, which Odoo sends for requests it cannot take as JSON-RPC. */

export function werkzeugPage(status: 400 | 404 | 500, description: string): string {
	const titles = { 400: 'Bad Request', 404: 'Not Found', 500: 'Internal Server Error' };
	const title = titles[status];
	return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${escapeHtml(description)}</p>\n`;
}

export const NOT_FOUND_TEXT = 'The requested URL was not found on the server.  If you entered the URL manually please check your spelling and try again.';

export const INTERNAL_ERROR_TEXT =
	'The server encountered an internal error and was unable to complete your request.  Either the server is overloaded or there is an error in the application.';

/** Werkzeug 0.11's escape: quotes become &quot; too. */
function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
