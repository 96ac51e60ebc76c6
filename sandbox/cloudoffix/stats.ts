import { clearCounters, increment, RequestCounter } from '../shared/stats';

/** Counters a test or a benchmark reads to see what its client really sent. */
export interface SandboxStats {
	/** Requests per route path; every /web/dataset/call_kw/<anything> counts under /web/dataset/call_kw. */
	readonly requests: Record<string, number>;
	/** Model methods executed, as 'model.method', whatever the transport. */
	readonly calls: Record<string, number>;
	/** Successful authentications, whatever the transport. */
	readonly logins: number;
	/** Records created per model (by committed calls). */
	readonly creates: Record<string, number>;
	/** Non-stored computed values that reads computed: records read × such fields in the field list. */
	readonly computedFieldReads: number;
	/** How long answers waited for those computations in all: computedFieldReads × computedFieldCostMs. */
	readonly computedFieldDelayMs: number;
	readonly total: number;
	reset(): void;
}

export class StatsCounter extends RequestCounter implements SandboxStats {
	readonly calls: Record<string, number> = {};

	readonly creates: Record<string, number> = {};

	logins = 0;

	computedFieldReads = 0;

	computedFieldDelayMs = 0;

	countCall(target: string): void {
		increment(this.calls, target);
	}

	countCreates(created: ReadonlyMap<string, number>): void {
		for (const [model, count] of created) increment(this.creates, model, count);
	}

	countComputedFieldReads(count: number, delayMs: number): void {
		this.computedFieldReads += count;
		this.computedFieldDelayMs += delayMs;
	}

	reset(): void {
		super.reset();
		clearCounters(this.calls, this.creates);
		this.logins = 0;
		this.computedFieldReads = 0;
		this.computedFieldDelayMs = 0;
	}
}
