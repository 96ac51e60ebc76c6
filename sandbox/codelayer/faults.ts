import { FaultRules, type FaultInjector, type NetworkFault } from '../shared/faults';

/**
 * Codelayer's fault rules: the shared network kinds (latency, a proxy's status page, resets, a cut-off body, an
 * HTML page), which hit before the server runs, plus the server's own misbehaviour, which only requests that pass
 * the key check meet (an expired key is answered e 401 first, as the server would):
 */
export type CodelayerServiceFault =
	/** Answers this `e` (and `msg`, by default the documented text of that e) without acting: 400, 401, 503... */
	| { kind: 'e'; e: number; msg?: string; httpStatus?: number }
	/** Acts, then answers its payload without `e` and `msg`. */
	| { kind: 'missingEnvelope' }
	/** The request's key passes `calls` more key checks, this request counting as the first, then is refused as e 401. */
	| { kind: 'expireKeyAfter'; calls: number };

export interface CodelayerFaultScope {
	/** The endpoint path the request must have, exactly ('sales/route_save'); default every path. */
	path?: string;
	/** The server it must reach; default both. */
	server?: 'api' | 'license';
	/** How many matching requests the rule affects (default 1; Infinity allowed). */
	times?: number;
	/** How many matching requests go by untouched before the rule starts to act (default 0): the third report of a poll, say. */
	skip?: number;
}

export type CodelayerFaultRule = CodelayerFaultScope & (NetworkFault | CodelayerServiceFault);

export type CodelayerFaultInjector = FaultInjector<CodelayerFaultRule>;

export interface CodelayerFacts {
	server: 'api' | 'license';
	path: string;
	/** Whether the endpoint takes a key. */
	keyed: boolean;
	/** A known endpoint, a JSON object body, and a live key where the endpoint takes one. */
	passesKeyCheck: boolean;
}

const SERVICE_KINDS: ReadonlySet<string> = new Set<CodelayerServiceFault['kind']>(['e', 'missingEnvelope', 'expireKeyAfter']);

export function codelayerFaultRules(): FaultRules<CodelayerFaultRule, CodelayerFacts> {
	return new FaultRules(matches);
}

/** How many matching requests each rule with a `skip` has let by so far. */
const skipped = new WeakMap<CodelayerFaultRule, number>();

function matches(rule: CodelayerFaultRule, facts: CodelayerFacts): boolean {
	if (rule.path !== undefined && rule.path !== facts.path) return false;
	if (rule.server !== undefined && rule.server !== facts.server) return false;
	if (rule.kind === 'expireKeyAfter' && !facts.keyed) return false;
	if (SERVICE_KINDS.has(rule.kind) && !facts.passesKeyCheck) return false;
	const passed = skipped.get(rule) ?? 0;
	if (passed < (rule.skip ?? 0)) {
		skipped.set(rule, passed + 1);
		return false;
	}
	return true;
}
