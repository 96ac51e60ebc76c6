import { createSandboxServer, type SandboxService, type SandboxTls, type Server } from '../shared/server';
import { htmlReply, REASONS, SERVER_HEADER, type Exchange, type PreparedRequest, type Reply } from './exchange';
import type { FaultRule, RequestFacts } from './faults';
import { INTERNAL_ERROR_TEXT, werkzeugPage } from './html-pages';
import { prepareJson } from './jsonrpc';
import { isReportRoute, prepareReport } from './report-routes';
import type { SandboxState } from './state';
import { findJsonRoute, routeKey } from './web-routes';
import { isXmlRpc, prepareXmlRpc } from './xmlrpc-route';

/**
 * CloudOffix on the shared HTTP shell: routing, the session expiry fault, the wait for computed fields, and
 * werkzeug's signature (reason phrases, Server header, its 500 page for a handler that throws).
 */
export function createCloudOffixServer(state: SandboxState, log?: (line: string) => void, tls?: SandboxTls): Server {
	const service: SandboxService<FaultRule, RequestFacts> = {
		clock: state.settings.clock,
		stats: state.stats,
		faults: state.faults,
		routeKey,
		prepare: (exchange) => {
			const prepared = prepare(state, exchange);
			const { session } = prepared;
			return {
				facts: { path: exchange.path, target: prepared.target, hasSession: session !== undefined && session.uid !== false },
				execute: (rule) => execute(state, prepared, rule),
			};
		},
		htmlPage: () => htmlReply(200, '<!DOCTYPE html>\n<html><head><title>CloudOffix</title></head><body><h1>We will be back soon</h1><p>CloudOffix is being updated.</p></body></html>\n'),
		crashPage: () => htmlReply(500, werkzeugPage(500, INTERNAL_ERROR_TEXT)),
		reasons: REASONS,
		headers: { Server: SERVER_HEADER },
	};
	return createSandboxServer(service, log, tls);
}

function prepare(state: SandboxState, exchange: Exchange): PreparedRequest {
	if (isXmlRpc(exchange)) return prepareXmlRpc(state, exchange);
	if (isReportRoute(exchange)) return prepareReport(state, exchange);
	const { route, args } = findJsonRoute(exchange.path);
	return prepareJson(state, exchange, route, args);
}

async function execute(state: SandboxState, prepared: PreparedRequest, rule: FaultRule | undefined): Promise<Reply> {
	if (rule?.kind === 'expireSessionAfter' && prepared.session) prepared.session.callsLeft = rule.calls;
	const { result: reply, computeMs } = state.measureCompute(() => prepared.execute());
	// Odoo spends this time computing non-stored fields before it answers; a timer keeps the process's CPU free.
	if (computeMs > 0) await state.settings.clock.sleep(computeMs);
	return reply;
}
