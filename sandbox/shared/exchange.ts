import type { IncomingHttpHeaders } from 'node:http';

/** One HTTP request as a service sees it, and the answer it produces. */
export interface Exchange {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export interface Reply {
	status: number;
	headers: Record<string, string>;
	/** Text (sent as UTF-8) or bytes (a PDF), sent as they are. */
	body: string | Buffer;
	/** Added to the request's log line (a status code inside the body, a refusal's reason); never sent. */
	note?: string;
}

export function htmlReply(status: number, body: string): Reply {
	return { status, headers: { 'Content-Type': 'text/html' }, body };
}

/** The page a reverse proxy (nginx) sends for a status of its own: what a `status` fault answers by default. */
export function proxyErrorPage(status: number): string {
	return `<html>\r\n<head><title>${status} Error</title></head>\r\n<body>\r\n<center><h1>${status} Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
