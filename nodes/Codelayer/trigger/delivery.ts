import type { IDataObject } from 'n8n-workflow';

import { countedReport, sameCounts, surplus, type ReportRow } from './fingerprint';
import { STATE_VERSION, type RouteReportState } from './state';

/** The route day Route Details names: its gp_fyear, and the whole row (route name, salesman, vehicle, ...). */
export interface RouteDay {
	gpFyear: string;
	details: IDataObject;
}

/** Where the trigger reads from: one request each. */
export interface ReportSource {
	/** `sales/route_report`: the rows of the current route day, in the order the sales were saved. */
	report(): Promise<ReportRow[]>;
	/** `sales/route_details`: the current route day. */
	routeDay(): Promise<RouteDay>;
}

/**
 * What a poll found:
 * - `first`: no state yet; the report was recorded (and emitted with Emit Existing Rows on First Poll);
 * - `idle`: the report holds exactly what was seen (one request);
 * - `sameDay`: the report changed and Route Details still names the day of the state: the rows beyond the counts are new;
 * - `newDay`: Route Details names another day: its whole report is new.
 */
export type Verdict = 'first' | 'idle' | 'sameDay' | 'newDay';

export interface Delivery {
	verdict: Verdict;
	/** The new rows, in report order, before any filter. */
	rows: ReportRow[];
	/** The state to keep after this poll; undefined when it is unchanged. */
	state?: RouteReportState;
	/** The route day, when this poll asked Route Details. */
	day?: RouteDay;
}

function stateOf(day: RouteDay, counts: RouteReportState['seen']): RouteReportState {
	return { version: STATE_VERSION, gpFyear: day.gpFyear, seen: counts };
}

/**
 * One poll's reading of the route report against what was seen before. Nothing here writes anything: the
 * caller keeps the returned state only once the whole poll has succeeded.
 *
 * Which day a report belongs to is settled by the order of the requests, since days only move forward: a
 * report taken *after* Route Details named a day belongs to that day (or a later one); a report taken *before*
 * Route Details still named the state's day belongs to that day. So:
 * - first poll: Route Details, then the report (2 requests);
 * - later polls: the report (1 request). The same rows as seen, as many times: idle, nothing else is asked.
 *   Anything else (new rows, rows gone, rows changed): Route Details (2 requests). Same day: the rows beyond
 *   the counts are new. Another day: the report again, taken after Route Details, and all of it is new (3
 *   requests). A new day whose report already holds the old day's rows again, and more, is caught this way;
 *   one whose report holds exactly the old day's rows looks idle until its next sale changes it.
 */
export async function nextDelivery(previous: RouteReportState | undefined, source: ReportSource, emitExisting: boolean): Promise<Delivery> {
	if (!previous) {
		const day = await source.routeDay();
		const report = countedReport(await source.report());
		return { verdict: 'first', rows: emitExisting ? [...report.rows] : [], state: stateOf(day, report.counts), day };
	}
	const report = countedReport(await source.report());
	if (sameCounts(report.counts, previous.seen)) return { verdict: 'idle', rows: [] };
	const day = await source.routeDay();
	if (day.gpFyear === previous.gpFyear) {
		// New rows, or (when the report no longer contains what was seen) sales cancelled or changed on the
		// server: what is beyond the counts is new, what disappeared is forgotten.
		return { verdict: 'sameDay', rows: surplus(report, previous.seen), state: stateOf(day, report.counts), day };
	}
	const fresh = countedReport(await source.report());
	return { verdict: 'newDay', rows: [...fresh.rows], state: stateOf(day, fresh.counts), day };
}
