/** The counters every sandbox keeps; a service extends them with its own (logins, calls, ...). */
export class RequestCounter {
	/** Requests per route, as the service names its routes. */
	readonly requests: Record<string, number> = {};

	total = 0;

	countRequest(route: string): void {
		this.total++;
		increment(this.requests, route);
	}

	reset(): void {
		// Cleared in place: a test may hold on to `stats.requests`.
		clearCounters(this.requests);
		this.total = 0;
	}
}

export function increment(counters: Record<string, number>, key: string, by = 1): void {
	counters[key] = (counters[key] ?? 0) + by;
}

export function clearCounters(...counters: Record<string, number>[]): void {
	for (const record of counters) for (const key of Object.keys(record)) delete record[key];
}
