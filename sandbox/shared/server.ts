import { createServer, type IncomingMessage, type RequestListener, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

import type { SandboxClock } from './clock';
import { htmlReply, proxyErrorPage, type Exchange, type Reply } from './exchange';
import { networkFault, type FaultRuleBase, type FaultRules } from './faults';
import type { RequestCounter } from './stats';

/**
 * The HTTP shell of a sandbox: reads the request, counts it, lets the service prepare it (understand it without
 * acting), applies the fault rules that match it, and only then lets the service act, so that a fault can land
 * before the server acts (latency, a proxy's status page, a reset, an HTML page) or after (a reset, a cut-off
 * body). One log line per request; a handler that throws is a sandbox bug: it is logged with its stack (to
 * stderr without a log option) and answered with the service's crash page.
 */

/** A request the service has understood but not acted on. */
export interface PreparedRequest<Rule, Facts> {
	/** What fault rules match on. */
	facts: Facts;
	/** Acts and answers. `rule` is the fault rule the request took, if any: the service applies its own kinds. */
	execute(rule: Rule | undefined): Reply | Promise<Reply>;
}

export interface SandboxService<Rule extends FaultRuleBase, Facts> {
	readonly clock: SandboxClock;
	readonly stats: RequestCounter;
	readonly faults: FaultRules<Rule, Facts>;
	/** The counter key of a request path. */
	routeKey(path: string): string;
	prepare(exchange: Exchange): PreparedRequest<Rule, Facts>;
	/** The HTML page a `nonJsonBody` fault answers with HTTP 200. */
	htmlPage(): Reply;
	/** What the service answers when its own code fails. */
	crashPage(): Reply;
	/** Reason phrases by status (default Node's), and headers added to every answer (the server's signature). */
	readonly reasons?: Readonly<Record<number, string>>;
	readonly headers?: Readonly<Record<string, string>>;
	/**
	 * Routes for tests and people, not part of the service: `POST /__sandbox/<name>` runs `controls[name]` and
	 * answers its result as JSON. They are not counted and no fault reaches them. Without controls the prefix is
	 * an ordinary path.
	 */
	readonly controls?: Readonly<Record<string, () => unknown>>;
}

export const CONTROL_PREFIX = '/__sandbox/';

/** A PEM key and certificate: the sandbox then serves HTTPS (to prove what a client does with a certificate it cannot trust). */
export interface SandboxTls {
	key: string | Buffer;
	cert: string | Buffer;
}

/** The server of a sandbox: plain HTTP, or HTTPS with `SandboxTls` (the same handler either way). */
export type Server = HttpServer | HttpsServer;

export function createSandboxServer<Rule extends FaultRuleBase, Facts>(service: SandboxService<Rule, Facts>, log?: (line: string) => void, tls?: SandboxTls): Server {
	const report = log ?? ((text: string) => process.stderr.write(`${text}\n`));
	const handler: RequestListener = (req, res) => {
		const started = performance.now();
		let note: string | undefined;
		handle(service, req, res)
			.then((sent) => (note = sent))
			.catch((error: unknown) => {
				report(`${req.method} ${req.url ?? ''} failed: ${stackOf(error)}`);
				if (res.headersSent) res.destroy();
				else send(service, res, service.crashPage());
			})
			.finally(() => {
				const status = res.headersSent ? res.statusCode : '-';
				log?.(`${req.method} ${req.url ?? ''} ${status}${note ? ` ${note}` : ''} ${Math.round(performance.now() - started)}ms`);
			});
	};
	return tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createServer(handler);
}

/** Serves one request; resolves with the note of the reply it sent, if any. */
async function handle<Rule extends FaultRuleBase, Facts>(service: SandboxService<Rule, Facts>, req: IncomingMessage, res: ServerResponse): Promise<string | undefined> {
	const url = new URL(req.url ?? '/', 'http://sandbox');
	if (service.controls && url.pathname.startsWith(CONTROL_PREFIX)) return runControl(service, url.pathname.slice(CONTROL_PREFIX.length), req, res);
	service.stats.countRequest(service.routeKey(url.pathname));
	const exchange: Exchange = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: await readBody(req) };
	const prepared = service.prepare(exchange);
	const { delayMs, rule } = service.faults.take(prepared.facts);
	if (delayMs > 0) await service.clock.sleep(delayMs);
	const fault = networkFault(rule);
	const early = fault && answerBeforeProcessing(service, fault);
	if (early === 'reset') return void req.socket.destroy();
	if (early === 'hang') return await hangUntilClosed(req);
	if (early) return send(service, res, early);
	const reply = await prepared.execute(rule);
	if (fault?.kind === 'resetAfterProcessing') return void req.socket.destroy();
	if (fault?.kind === 'hangAfterProcessing') return await hangUntilClosed(req);
	if (fault?.kind === 'truncatedBody') return sendTruncated(service, res, reply);
	return send(service, res, reply);
}

/** Faults that answer instead of the server: a proxy's status page, an HTML page, or a dropped connection. */
function answerBeforeProcessing<Rule extends FaultRuleBase, Facts>(service: SandboxService<Rule, Facts>, fault: ReturnType<typeof networkFault>): Reply | 'reset' | 'hang' | undefined {
	switch (fault?.kind) {
		case 'hangBeforeProcessing':
			return 'hang';
		case 'status':
			return htmlReply(fault.status, fault.body ?? proxyErrorPage(fault.status));
		case 'nonJsonBody':
			return service.htmlPage();
		case 'redirect':
			return { ...htmlReply(fault.status ?? 301, proxyErrorPage(fault.status ?? 301)), headers: { 'Content-Type': 'text/html', Location: fault.location } };
		case 'resetBeforeProcessing':
			return 'reset';
		default:
			return undefined;
	}
}

async function runControl<Rule extends FaultRuleBase, Facts>(service: SandboxService<Rule, Facts>, name: string, req: IncomingMessage, res: ServerResponse): Promise<string> {
	await readBody(req);
	const control = req.method === 'POST' && Object.hasOwn(service.controls ?? {}, name) ? service.controls?.[name] : undefined;
	const known = Object.keys(service.controls ?? {}).map((key) => `POST ${CONTROL_PREFIX}${key}`);
	const reply: Reply = control
		? { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(control() ?? {}) }
		: { status: 404, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ error: `no sandbox control ${req.method} ${CONTROL_PREFIX}${name}`, controls: known }) };
	res.writeHead(reply.status, { ...reply.headers, 'Content-Length': Buffer.byteLength(reply.body) });
	res.end(reply.body);
	return 'sandbox control';
}

/** Answers nothing; resolves (with the log note) once the client closed the connection. */
async function hangUntilClosed(req: IncomingMessage): Promise<string> {
	if (!req.socket.destroyed) await new Promise((resolve) => req.socket.once('close', resolve));
	return 'hung until the client closed';
}

/** The stack (which starts with the message), read by duck typing: an error made in another realm is no instanceof Error. */
function stackOf(error: unknown): string {
	const stack = typeof error === 'object' && error !== null ? (error as { stack?: unknown }).stack : undefined;
	return typeof stack === 'string' ? stack : String(error);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function writeHead<Rule extends FaultRuleBase, Facts>(service: SandboxService<Rule, Facts>, res: ServerResponse, reply: Reply, length: number): void {
	res.writeHead(reply.status, service.reasons?.[reply.status], { ...reply.headers, 'Content-Length': length, ...service.headers });
}

function send<Rule extends FaultRuleBase, Facts>(service: SandboxService<Rule, Facts>, res: ServerResponse, reply: Reply): string | undefined {
	const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
	writeHead(service, res, reply, body.length);
	res.end(body);
	return reply.note;
}

/** The headers promise the whole body; half of it comes, then the connection drops. */
function sendTruncated<Rule extends FaultRuleBase, Facts>(service: SandboxService<Rule, Facts>, res: ServerResponse, reply: Reply): string | undefined {
	const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
	writeHead(service, res, reply, body.length);
	res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
	return reply.note;
}

/** Listens on `port` (0: a free one) and gives the server's base URL (https:// for an HTTPS one), without a trailing slash. */
export async function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<string> {
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	const { port: bound } = server.address() as AddressInfo;
	const scheme = server instanceof HttpsServer ? 'https' : 'http';
	return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${bound}`;
}

/** Stops listening and drops the open connections (keep-alive ones included). */
export function closeServer(server: Server): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		server.close((error) => (error ? reject(error) : resolve()));
		server.closeAllConnections();
	});
}
