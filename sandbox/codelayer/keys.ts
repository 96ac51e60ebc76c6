import { randomBytes } from 'node:crypto';

import type { SandboxClock } from '../shared/clock';

/**
 * The session keys system/auth hands out: 32 letters and digits, like the documentation's samples. A key dies
 * after `idleMs` without use (each call that passes the check starts the wait again), when the test expires every
 * key, or when its budget of calls (the expireKeyAfter fault) is spent.
 */
export class KeyStore {
	private readonly keys = new Map<string, { username: string; lastUsed: number; callsLeft?: number }>();

	/** Every key issued since the last `forgetIssued()`, dead ones included (the tests' secrets check reads them). */
	private readonly issuedKeys: string[] = [];

	constructor(
		private readonly idleMs: number,
		private readonly clock: SandboxClock,
	) {}

	issue(username: string): string {
		let key = '';
		while (key.length < 32) key += randomBytes(32).toString('base64').replace(/[^A-Za-z0-9]/g, '');
		key = key.slice(0, 32);
		this.keys.set(key, { username, lastUsed: this.clock.now() });
		this.issuedKeys.push(key);
		return key;
	}

	issued(): string[] {
		return [...this.issuedKeys];
	}

	forgetIssued(): void {
		this.issuedKeys.length = 0;
	}

	/** Whether the key would pass the check now; changes nothing. */
	isLive(key: unknown): boolean {
		const entry = typeof key === 'string' ? this.keys.get(key) : undefined;
		return entry !== undefined && this.clock.now() - entry.lastUsed <= this.idleMs && (entry.callsLeft ?? 1) > 0;
	}

	/** The key check of a call: a live key is used (its idle time starts again, its budget shrinks); a dead one is gone. */
	use(key: unknown): boolean {
		if (typeof key !== 'string') return false;
		const entry = this.keys.get(key);
		if (!entry) return false;
		if (!this.isLive(key)) {
			this.keys.delete(key);
			return false;
		}
		entry.lastUsed = this.clock.now();
		if (entry.callsLeft !== undefined) entry.callsLeft--;
		return true;
	}

	/** The key passes `calls` more checks, then dies. */
	limit(key: unknown, calls: number): void {
		const entry = typeof key === 'string' ? this.keys.get(key) : undefined;
		if (entry) entry.callsLeft = calls;
	}

	/** Drops every key; tells how many there were. */
	clear(): number {
		const count = this.keys.size;
		this.keys.clear();
		return count;
	}
}
