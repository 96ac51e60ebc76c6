import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { htmlReply, REASONS, SERVER_HEADER, type Exchange, type PreparedRequest, type Reply } from './exchange';
import type { FaultRule } from './faults';
import { INTERNAL_ERROR_TEXT, werkzeugPage } from './html-pages';
import { prepareJson } from './jsonrpc';
import type { SandboxState } from './state';
import { findJsonRoute, routeKey } from './web-routes';
import { isXmlRpc, prepareXmlRpc } from './xmlrpc-route';

/**
 * The HTTP side: routing, fault rules, the wait for computed fields, stats and the one log line per request. A
 * handler that throws is a sandbox bug: it is logged with its stack (to stderr without a log option) and answered
 * with werkzeug's 500 page, as Odoo answers its own crashes.
 */
export function createSandboxServer(state: SandboxState, log?: (line: string) => void): Server {
	const report = log ?? ((text: string) => process.stderr.write(`${text}\n`));
	return createServer((req, res) => {
		const started = performance.now();
		handle(state, req, res)
			.catch((error: unknown) => {
				report(`${req.method} ${req.url ?? ''} failed: ${stackOf(error)}`);
				if (res.headersSent) res.destroy();
				else send(res, htmlReply(500, werkzeugPage(500, INTERNAL_ERROR_TEXT)));
			})
			.finally(() => log?.(`${req.method} ${req.url ?? ''} ${res.headersSent ? res.statusCode : '-'} ${Math.round(performance.now() - started)}ms`));
	});
}

/** The stack (which starts with the message), read by duck typing: an error made in another realm is no instanceof Error. */
function stackOf(error: unknown): string {
	const stack = typeof error === 'object' && error !== null ? (error as { stack?: unknown }).stack : undefined;
	return typeof stack === 'string' ? stack : String(error);
}

async function handle(state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://sandbox');
	state.stats.countRequest(routeKey(url.pathname));
	const exchange: Exchange = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: await readBody(req) };
	const prepared = prepare(state, exchange);
	const session = prepared.session;
	const { delayMs, rule } = state.faults.take({ path: exchange.path, target: prepared.target, hasSession: session !== undefined && session.uid !== false });
	const { clock } = state.settings;
	if (delayMs > 0) await clock.sleep(delayMs);
	if (rule?.kind === 'expireSessionAfter' && session) session.callsLeft = rule.calls;
	const early = rule && answerBeforeProcessing(rule);
	if (early === 'reset') return void req.socket.destroy();
	if (early) return send(res, early);
	const { result: reply, computeMs } = state.measureCompute(() => prepared.execute());
	// Odoo spends this time computing non-stored fields before it answers; a timer keeps the process's CPU free.
	if (computeMs > 0) await clock.sleep(computeMs);
	if (rule?.kind === 'resetAfterProcessing') return void req.socket.destroy();
	if (rule?.kind === 'truncatedBody') return sendTruncated(res, reply);
	send(res, reply);
}

function prepare(state: SandboxState, exchange: Exchange): PreparedRequest {
	if (isXmlRpc(exchange)) return prepareXmlRpc(state, exchange);
	const { route, args } = findJsonRoute(exchange.path);
	return prepareJson(state, exchange, route, args);
}

/** Faults that answer instead of the server: a proxy's status page, a maintenance page, or a dropped connection. */
function answerBeforeProcessing(rule: FaultRule): Reply | 'reset' | undefined {
	switch (rule.kind) {
		case 'status':
			return htmlReply(rule.status, rule.body ?? `<html>\r\n<head><title>${rule.status} Error</title></head>\r\n<body>\r\n<center><h1>${rule.status} Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`);
		case 'nonJsonBody':
			return htmlReply(200, '<!DOCTYPE html>\n<html><head><title>CloudOffix</title></head><body><h1>We will be back soon</h1><p>CloudOffix is being updated.</p></body></html>\n');
		case 'resetBeforeProcessing':
			return 'reset';
		default:
			return undefined;
	}
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function headersOf(reply: Reply, length: number): Record<string, string | number> {
	return { ...reply.headers, 'Content-Length': length, Server: SERVER_HEADER };
}

function send(res: ServerResponse, reply: Reply): void {
	const body = Buffer.from(reply.body, 'utf8');
	res.writeHead(reply.status, REASONS[reply.status], headersOf(reply, body.length));
	res.end(body);
}

/** The headers promise the whole body; half of it comes, then the connection drops. */
function sendTruncated(res: ServerResponse, reply: Reply): void {
	const body = Buffer.from(reply.body, 'utf8');
	res.writeHead(reply.status, REASONS[reply.status], headersOf(reply, body.length));
	res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}
