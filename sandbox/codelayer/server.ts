import { ENDPOINTS, type Endpoint } from '../../nodes/Codelayer/catalog';
import { checkRequest } from '../../nodes/Codelayer/catalog/schema';
import type { SandboxClock } from '../shared/clock';
import type { Exchange, Reply } from '../shared/exchange';
import type { FaultRules } from '../shared/faults';
import { createSandboxServer, type SandboxTls, type Server } from '../shared/server';
import { HANDLERS, type EndpointContext } from './endpoints';
import type { CodelayerFacts, CodelayerFaultRule } from './faults';
import { crashPage, failure, jsonReply, notFoundPage, phpErrorPage, Refusal, success, type Payload } from './wire';

/**
 * Codelayer's two servers on the shared HTTP shell: the API server and the licence server, each serving the
 * catalog's endpoints of its kind. A request goes: known path (else the framework's 404 page) → a JSON object body
 * → the key, for keyed endpoints (e 401) → the server's own fault, if a rule says so (e 400/503, no envelope) →
 * the catalog's checks (e 400) → the day's own checks and the action (e 400) → the answer. Network faults hit
 * before all of this, in the shell.
 */

export type ServerKind = 'api' | 'license';

export interface ServerContext extends EndpointContext {
	clock: SandboxClock;
	faults: FaultRules<CodelayerFaultRule, CodelayerFacts>;
	/** The HTTP status of failure answers: 200 (the sandbox's guess) or the `e` itself. */
	failureHttpStatus: 200 | 'e';
}

/** Every catalog endpoint needs a handler, and every handler an endpoint: a new catalog entry fails loudly here. */
export function checkHandlers(): void {
	const missing = ENDPOINTS.filter((endpoint) => !Object.hasOwn(HANDLERS, endpoint.path)).map((endpoint) => endpoint.path);
	const extra = Object.keys(HANDLERS).filter((path) => !ENDPOINTS.some((endpoint) => endpoint.path === path));
	if (missing.length > 0 || extra.length > 0) {
		throw new Error(`The Codelayer sandbox and the catalog disagree: no handler for ${missing.join(', ') || '-'}; no endpoint for ${extra.join(', ') || '-'}`);
	}
}

/** Paths are counted and matched without their leading slash, as the catalog writes them. */
export function routeKey(path: string): string {
	return path.replace(/^\/+/, '');
}

/** `context` is read at each request: a reset replaces its state. */
export function createCodelayerServer(
	kind: ServerKind,
	context: ServerContext,
	log?: (line: string) => void,
	controls?: Record<string, () => unknown>,
	tls?: SandboxTls,
): Server {
	return createSandboxServer<CodelayerFaultRule, CodelayerFacts>(
		{
			clock: context.clock,
			stats: context.stats,
			faults: context.faults,
			routeKey,
			prepare: (exchange) => prepare(kind, context, exchange),
			htmlPage: phpErrorPage,
			crashPage,
			headers: { Server: 'Apache', 'X-Powered-By': 'PHP/7.4.33' },
			controls,
		},
		log,
		tls,
	);
}

function prepare(kind: ServerKind, context: ServerContext, exchange: Exchange) {
	const path = routeKey(exchange.path);
	const endpoint = ENDPOINTS.find((candidate) => candidate.server === kind && candidate.path === path);
	const body = parseObject(exchange.body);
	const keyed = endpoint?.sendsKey ?? false;
	const passesKeyCheck = endpoint !== undefined && body !== undefined && (!keyed || context.keys.isLive(body.key));
	return {
		facts: { server: kind, path, keyed, passesKeyCheck },
		execute: (rule: CodelayerFaultRule | undefined): Reply => (endpoint ? answer(context, endpoint, body, rule) : notFoundPage()),
	};
}

function answer(context: ServerContext, endpoint: Endpoint, body: Payload | undefined, rule: CodelayerFaultRule | undefined): Reply {
	const refuse = (refusal: Refusal): Reply => {
		context.stats.refuse({ path: endpoint.path, e: refusal.e, reasons: refusal.reasons });
		return failureReply(context, refusal.e, undefined, `e=${refusal.e} (${refusal.message})`);
	};
	// PHP's json_decode gives null for anything but a JSON object here: the API cannot read a field of it.
	if (!body) return refuse(new Refusal(400, ['the body is no JSON object']));
	if (endpoint.sendsKey) {
		if (rule?.kind === 'expireKeyAfter') context.keys.limit(body.key, rule.calls);
		if (!context.keys.use(body.key)) return refuse(new Refusal(401, [body.key === undefined || body.key === '' ? 'no key in the body' : 'unknown or expired key']));
	}
	if (rule?.kind === 'e') return failureReply(context, rule.e, rule.msg, `e=${rule.e} (fault)`, rule.httpStatus);
	const checked = checkRequest(endpoint, body);
	if ('problems' in checked) return refuse(new Refusal(400, checked.problems.map(({ field, problem }) => `${field} ${problem}`)));
	const outcome = attempt(() => HANDLERS[endpoint.path](context, checked.body));
	if ('error' in outcome) {
		if (outcome.error instanceof Refusal) return refuse(outcome.error);
		// Anything else is a sandbox bug: the shell logs it with its stack.
		throw outcome.error;
	}
	if (rule?.kind === 'missingEnvelope') return jsonReply(200, outcome.payload, 'e=- (fault: no e and msg)');
	return jsonReply(200, success(outcome.payload), 'e=200');
}

function attempt(work: () => Payload): { payload: Payload } | { error: unknown } {
	try {
		return { payload: work() };
	} catch (error) {
		return { error };
	}
}

function failureReply(context: ServerContext, e: number, msg: string | undefined, note: string, httpStatus?: number): Reply {
	return jsonReply(httpStatus ?? (context.failureHttpStatus === 'e' ? e : 200), failure(e, msg), note);
}

function parseObject(raw: Buffer): Payload | undefined {
	try {
		const value: unknown = JSON.parse(raw.toString('utf8'));
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Payload) : undefined;
	} catch {
		return undefined;
	}
}
