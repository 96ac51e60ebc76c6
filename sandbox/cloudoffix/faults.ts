import { FaultRules, type FaultInjector as Injector, type NetworkFault } from '../shared/faults';

/**
 * CloudOffix's fault rules: the shared network kinds, plus a session that expires after a number of calls; a rule
 * can be narrowed to a route prefix and to the model method a request calls.
 */

interface FaultMatch {
	/** Path prefix the request must start with (default: every route). */
	route?: string;
	/** 'model.method' the request must call (a request that calls no model method never matches). */
	method?: string;
	/** How many matching requests the rule affects (default 1; Infinity allowed). */
	times?: number;
}

export type FaultRule = FaultMatch &
	(
		| NetworkFault
		/** The session expires after `calls` more authenticated calls, this request counting as the first. */
		| { kind: 'expireSessionAfter'; calls: number }
	);

export type FaultInjector = Injector<FaultRule>;

export interface RequestFacts {
	path: string;
	target?: string;
	/** expireSessionAfter only applies to requests carrying a logged-in session. */
	hasSession: boolean;
}

export function cloudOffixFaultRules(): FaultRules<FaultRule, RequestFacts> {
	return new FaultRules(matches);
}

function matches(rule: FaultRule, facts: RequestFacts): boolean {
	if (rule.route !== undefined && !facts.path.startsWith(rule.route)) return false;
	if (rule.method !== undefined && rule.method !== facts.target) return false;
	return rule.kind !== 'expireSessionAfter' || facts.hasSession;
}
