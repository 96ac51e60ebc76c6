import { SYSTEM_CLOCK, type SandboxClock } from '../shared/clock';
import { closeServer, listen, type SandboxTls } from '../shared/server';
import type { FaultInjector } from './faults';
import { createCloudOffixServer } from './server';
import { SandboxState } from './state';
import type { SandboxStats } from './stats';

export type { SandboxClock } from '../shared/clock';
export type { FaultInjector, FaultRule } from './faults';
export type { SandboxStats } from './stats';
export type { SandboxTls } from '../shared/server';

/**
 * The CloudOffix sandbox: a local HTTP server that answers like CloudOffix (Odoo 11) for what Odoo clients call:
 * JSON-RPC with sessions, /jsonrpc, XML-RPC, over an in-memory ORM seeded with demo data.
 * Users: admin/admin (uid 2, full rights) and demo/demo (uid 6, read-only).
 */
export interface CloudOffixSandboxOptions {
	/** Default 0: a free port. */
	port?: number;
	/** Default '127.0.0.1'. */
	host?: string;
	/** Default 'sandbox.cloudoffix.local' (on CloudOffix the db is the instance host name). */
	db?: string;
	/** Seed size multiplier: 1 = a few hundred records (default); benchmarks use e.g. 10-20 for thousands of res.partner. */
	scale?: number;
	/** Idle expiry of sessions (default 7 days). */
	sessionIdleSeconds?: number;
	/**
	 * How long a read waits per record and per non-stored computed field it returns (credit, sale_order_count,
	 * contact_address, display_name, ...; an empty field list means every field), in milliseconds; default
	 * DEFAULT_COMPUTED_FIELD_COST_MS. Odoo computes these at every read, which is what makes "read every field" slow.
	 * 0 turns the wait off. The wait is a timer before the answer, so it costs no CPU time.
	 */
	computedFieldCostMs?: number;
	/** Where the time comes from (default the system clock); tests pass a clock they advance themselves. */
	clock?: SandboxClock;
	/** The password of admin (uid 2); default 'admin'. Tests give a distinctive one, which their secrets check can look for. */
	adminPassword?: string;
	/**
	 * One line per request ("method path status ms"), and the error and stack of any handler that throws (a sandbox
	 * bug). Default: no request lines, errors to stderr.
	 */
	log?: (line: string) => void;
	/** A key and certificate: serve HTTPS instead of HTTP (default HTTP). */
	tls?: SandboxTls;
}

export interface CloudOffixSandbox {
	/** E.g. 'http://127.0.0.1:43121' (no trailing slash; https:// with the tls option). */
	readonly url: string;
	readonly db: string;
	readonly stats: SandboxStats;
	readonly faults: FaultInjector;
	/** The computedFieldCostMs in force. */
	readonly computedFieldCostMs: number;
	/** Drops every session now: the next call gets the code-100 session-expired error. */
	expireSessions(): void;
	/** The ids of every session that logged a user in since the start or the last reset (expired ones included). */
	issuedSessionIds(): readonly string[];
	/** Reseeds the data and clears sessions, stats and faults (tests call it in beforeEach). */
	reset(): void;
	close(): Promise<void>;
}

export const DEFAULT_DB = 'sandbox.cloudoffix.local';

/**
 * An estimate of what Odoo 11 spends per record and non-stored computed field: it computes each such field for a
 * batch of up to 1,000 prefetched records (a query or two), then record by record in Python, so that reading every
 * field of 1,000 partners (two dozen such fields) takes it a second or so longer than reading their stored fields.
 */
export const DEFAULT_COMPUTED_FIELD_COST_MS = 0.05;

const WEEK_SECONDS = 7 * 24 * 60 * 60;

export async function startCloudOffixSandbox(options: CloudOffixSandboxOptions = {}): Promise<CloudOffixSandbox> {
	const computedFieldCostMs = options.computedFieldCostMs ?? DEFAULT_COMPUTED_FIELD_COST_MS;
	if (!Number.isFinite(computedFieldCostMs) || computedFieldCostMs < 0) {
		throw new Error(`computedFieldCostMs must be a number of milliseconds >= 0, not ${computedFieldCostMs}`);
	}
	const state = new SandboxState({
		db: options.db ?? DEFAULT_DB,
		scale: options.scale ?? 1,
		sessionIdleSeconds: options.sessionIdleSeconds ?? WEEK_SECONDS,
		computedFieldCostMs,
		clock: options.clock ?? SYSTEM_CLOCK,
		adminPassword: options.adminPassword,
	});
	const server = createCloudOffixServer(state, options.log, options.tls);
	state.url = await listen(server, options.port, options.host);
	state.reseed();
	return {
		url: state.url,
		db: state.db,
		stats: state.stats,
		faults: state.faults,
		computedFieldCostMs,
		expireSessions: () => state.sessions.clear(),
		issuedSessionIds: () => state.sessions.issued(),
		reset: () => {
			state.reseed();
			state.sessions.clear();
			state.sessions.forgetIssued();
			state.stats.reset();
			state.faults.clear();
		},
		close: () => closeServer(server),
	};
}
