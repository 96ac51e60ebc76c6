/**
 * Where a sandbox takes the time from: keys and sessions expire by it, records are stamped with it, and latency
 * faults wait on it. Tests pass a clock they move themselves, so that nothing depends on real time passing.
 */
export interface SandboxClock {
	/** Milliseconds since the epoch. */
	now(): number;
	/** Resolves once `ms` milliseconds of this clock have passed. */
	sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: SandboxClock = {
	now: () => Date.now(),
	sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
