import type { SandboxClock } from '../../../sandbox/shared/clock';

/**
 * A clock for the sandbox that moves only when the test says so, so that no test sleeps or measures time. Each
 * sleep the sandbox starts is recorded; it ends when advance() reaches it, or at once (moving the clock on by its
 * length) when the clock is made with `instantSleeps`.
 */
export class ManualClock implements SandboxClock {
	/** The length of every sleep the sandbox started, in order. */
	readonly sleeps: number[] = [];

	private time: number;

	private sleepers: { until: number; wake: () => void }[] = [];

	private sleepWatchers: ((ms: number) => void)[] = [];

	constructor(
		private readonly options: { start?: number; instantSleeps?: boolean } = {},
	) {
		this.time = options.start ?? Date.UTC(2026, 10, 5, 9, 0, 0);
	}

	now(): number {
		return this.time;
	}

	sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		for (const watcher of this.sleepWatchers.splice(0)) watcher(ms);
		if (this.options.instantSleeps) {
			this.time += ms;
			return Promise.resolve();
		}
		return new Promise((wake) => this.sleepers.push({ until: this.time + ms, wake }));
	}

	/** Moves the clock on and ends the sleeps it reaches. */
	advance(ms: number): void {
		this.time += ms;
		const due = this.sleepers.filter((sleeper) => sleeper.until <= this.time);
		this.sleepers = this.sleepers.filter((sleeper) => sleeper.until > this.time);
		for (const sleeper of due) sleeper.wake();
	}

	/** Resolves with the length of the next sleep the sandbox starts. */
	nextSleep(): Promise<number> {
		return new Promise((resolve) => this.sleepWatchers.push(resolve));
	}
}
