import { RequestCounter } from '../shared/stats';

/** A request the server refused itself (no fault): its path, the e it answered, and why. */
export interface Refused {
	path: string;
	e: 400 | 401;
	reasons: readonly string[];
}

/** Counters a test reads to see what its client really sent. Requests are counted per path ('sales/route_report'), both servers together. */
export interface CodelayerSandboxStats {
	readonly requests: Record<string, number>;
	readonly total: number;
	/** Successful system/auth calls. */
	readonly logins: number;
	/** Requests refused with e 400: a body the catalog refuses, or one the day refuses (an unknown customer, no stock, a closed day). */
	readonly rejected: number;
	/** Requests refused with e 401: a missing, unknown or expired key, a wrong login, a device the licence server does not know. */
	readonly unauthorized: number;
	/** The last 100 refusals, oldest first, with their reasons. */
	readonly refusals: readonly Refused[];
	reset(): void;
}

export class CodelayerStats extends RequestCounter implements CodelayerSandboxStats {
	logins = 0;

	rejected = 0;

	unauthorized = 0;

	readonly refusals: Refused[] = [];

	refuse(refused: Refused): void {
		if (refused.e === 400) this.rejected++;
		else this.unauthorized++;
		this.refusals.push(refused);
		if (this.refusals.length > 100) this.refusals.shift();
	}

	reset(): void {
		super.reset();
		this.logins = 0;
		this.rejected = 0;
		this.unauthorized = 0;
		this.refusals.length = 0;
	}
}
