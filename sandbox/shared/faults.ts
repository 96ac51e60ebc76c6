import { seededRandom } from './random';

/**
 * Fault injection: rules that make the next matching requests misbehave like a real network, proxy or server would.
 * The kinds below belong to no service; a service adds its own kinds (an expired session, an error code of its
 * own) and decides which requests a rule matches. Each request consumes every matching latency rule plus the first
 * matching rule of another kind.
 */

/** The kinds every sandbox knows: what happens between a client and any server. */
export type NetworkFault =
	/** Waits this long (on the sandbox's clock) before the server sees the request. */
	| { kind: 'latency'; ms: number }
	/** Answers with this HTTP status and a proxy's HTML page (or `body`); the server never sees the request. */
	| { kind: 'status'; status: number; body?: string }
	/** Closes the connection before the server does anything. */
	| { kind: 'resetBeforeProcessing' }
	/** Lets the server act, then closes the connection without answering. */
	| { kind: 'resetAfterProcessing' }
	/** Lets the server act, then sends only half of its answer (the Content-Length announces all of it). */
	| { kind: 'truncatedBody' }
	/** Answers HTTP 200 with the service's HTML page (a maintenance or error page) instead of its API; the server does nothing. */
	| { kind: 'nonJsonBody' }
	/** Answers a redirect to `location` (a front end moving http to https, or to another host); the server does nothing. */
	| { kind: 'redirect'; location: string; status?: 301 | 302 | 307 | 308 }
	/**
	 * Never answers (the server does nothing), until the client gives up and closes: a hung server, so that a
	 * client's timeout fires whatever the machine's load, with no race against a delay.
	 */
	| { kind: 'hangBeforeProcessing' }
	/** Lets the server act, then never answers until the client gives up: a timeout after the work was done. */
	| { kind: 'hangAfterProcessing' };

export type NetworkFaultKind = NetworkFault['kind'];

const NETWORK_KINDS: ReadonlySet<string> = new Set<NetworkFaultKind>(['latency', 'status', 'resetBeforeProcessing', 'resetAfterProcessing', 'truncatedBody', 'nonJsonBody', 'redirect', 'hangBeforeProcessing', 'hangAfterProcessing']);

/** What every rule has: its kind, and how many matching requests it affects (default 1; Infinity allowed). */
export interface FaultRuleBase {
	kind: string;
	times?: number;
}

/** The rule as a network fault, when it is one. */
export function networkFault(rule: FaultRuleBase | undefined): NetworkFault | undefined {
	return rule && NETWORK_KINDS.has(rule.kind) ? (rule as unknown as NetworkFault) : undefined;
}

export interface FaultInjector<Rule> {
	set(fault: Rule): void;
	/** Also faults at random points: see RandomFaults. */
	randomly(random: RandomFaults<Rule>): void;
	/** How many requests each kind of fault has hit since the last clear (rules set and random ones). */
	injected(): Readonly<Record<string, number>>;
	clear(): void;
}

/**
 * Faults at random points, replayable: each request that no rule set took draws, from a generator seeded with
 * `seed`, whether a fault hits it (probability `rate`) and which of `rules` (each must match the request, else
 * nothing happens). The same requests in the same order meet the same faults.
 */
export interface RandomFaults<Rule> {
	seed: number;
	rate: number;
	rules: readonly Rule[];
}

export interface TakenFaults<Rule> {
	/** The sum of the matching latency rules. */
	delayMs: number;
	/** The first matching rule of another kind. */
	rule?: Rule;
}

export class FaultRules<Rule extends FaultRuleBase, Facts> implements FaultInjector<Rule> {
	private rules: { rule: Rule; left: number }[] = [];

	private random?: { draw: () => number; rate: number; rules: readonly Rule[] };

	private counts: Record<string, number> = {};

	/** `applies` tells whether a rule matches a request, from what the service knows of it (`Facts`). */
	constructor(private readonly applies: (rule: Rule, facts: Facts) => boolean) {}

	set(fault: Rule): void {
		this.rules.push({ rule: fault, left: fault.times ?? 1 });
	}

	randomly({ seed, rate, rules }: RandomFaults<Rule>): void {
		this.random = { draw: seededRandom(seed), rate, rules };
	}

	injected(): Readonly<Record<string, number>> {
		return { ...this.counts };
	}

	clear(): void {
		this.rules = [];
		this.random = undefined;
		this.counts = {};
	}

	take(facts: Facts): TakenFaults<Rule> {
		let delayMs = 0;
		let rule: Rule | undefined;
		for (const entry of this.rules) {
			if (entry.left <= 0 || !this.applies(entry.rule, facts)) continue;
			const latency = networkFault(entry.rule);
			if (latency?.kind === 'latency') delayMs += latency.ms;
			else if (rule) continue;
			else rule = entry.rule;
			entry.left--;
		}
		this.rules = this.rules.filter((entry) => entry.left > 0);
		rule ??= this.drawn(facts);
		if (rule) this.counts[rule.kind] = (this.counts[rule.kind] ?? 0) + 1;
		return { delayMs, rule };
	}

	private drawn(facts: Facts): Rule | undefined {
		if (!this.random || this.random.rules.length === 0) return undefined;
		const { draw, rate, rules } = this.random;
		if (draw() >= rate) return undefined;
		const rule = rules[Math.floor(draw() * rules.length)];
		return this.applies(rule, facts) ? rule : undefined;
	}
}
