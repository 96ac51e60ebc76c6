/**
 * Fault injection: rules that make the next matching requests misbehave like a real network or proxy would.
 * Each request consumes every matching latency rule plus the first matching rule of another kind.
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
		| { kind: 'latency'; ms: number }
		/** Answer with this HTTP status and a proxy-like HTML body (or `body`); the call is not executed. */
		| { kind: 'status'; status: number; body?: string }
		/** Close the connection before doing anything. */
		| { kind: 'resetBeforeProcessing' }
		/** Execute the call, then close the connection without answering. */
		| { kind: 'resetAfterProcessing' }
		/** Execute the call, then send only half of the answer (the Content-Length announces all of it). */
		| { kind: 'truncatedBody' }
		/** Answer 200 with an HTML page instead of JSON (a login or maintenance page); the call is not executed. */
		| { kind: 'nonJsonBody' }
		/** The session expires after `calls` more authenticated calls, this request counting as the first. */
		| { kind: 'expireSessionAfter'; calls: number }
	);

export interface FaultInjector {
	set(fault: FaultRule): void;
	clear(): void;
}

export interface RequestFacts {
	path: string;
	target?: string;
	/** expireSessionAfter only applies to requests carrying a logged-in session. */
	hasSession: boolean;
}

export interface TakenFaults {
	delayMs: number;
	rule?: FaultRule;
}

export class FaultRules implements FaultInjector {
	private rules: { rule: FaultRule; left: number }[] = [];

	set(fault: FaultRule): void {
		this.rules.push({ rule: fault, left: fault.times ?? 1 });
	}

	clear(): void {
		this.rules = [];
	}

	take(facts: RequestFacts): TakenFaults {
		let delayMs = 0;
		let rule: FaultRule | undefined;
		for (const entry of this.rules) {
			if (entry.left <= 0 || !matches(entry.rule, facts)) continue;
			if (entry.rule.kind === 'latency') delayMs += entry.rule.ms;
			else if (rule) continue;
			else rule = entry.rule;
			entry.left--;
		}
		this.rules = this.rules.filter((entry) => entry.left > 0);
		return { delayMs, rule };
	}
}

function matches(rule: FaultRule, facts: RequestFacts): boolean {
	if (rule.route !== undefined && !facts.path.startsWith(rule.route)) return false;
	if (rule.method !== undefined && rule.method !== facts.target) return false;
	return rule.kind !== 'expireSessionAfter' || facts.hasSession;
}
