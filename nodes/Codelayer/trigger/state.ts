import type { IDataObject } from 'n8n-workflow';

import type { RowCounts } from './fingerprint';

/** The version of the state this code writes; a state of another version is migrated (none yet) or dropped. */
export const STATE_VERSION = 1;

/**
 * What the trigger keeps between polls, in the node's static data (`getWorkflowStaticData('node')`, which n8n
 * keys by the node's name and renames with it), version 1.
 */
export interface RouteReportStateV1 {
	version: 1;
	/** The route day the counts belong to: Route Details' gp_fyear (gatepass and financial year, "4_19"). */
	gpFyear: string;
	/**
	 * That day's report as the trigger last accounted for it: how many rows of each fingerprint it held. Rows
	 * beyond these counts are new. Replaced by the current report's counts at every poll that sees a change, so
	 * it never holds more entries than the report has rows.
	 */
	seen: RowCounts;
}

export type RouteReportState = RouteReportStateV1;

/** The state found in the node's static data: none on the first poll; `dropped` says why one was not usable. */
export interface StoredState {
	state?: RouteReportState;
	dropped?: string;
}

function isCounts(value: unknown): value is RowCounts {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.values(value).every((count) => typeof count === 'number' && Number.isInteger(count) && count > 0)
	);
}

/** Reads (and, once there are older versions, migrates) the state n8n kept for the node. */
export function readState(staticData: IDataObject): StoredState {
	if (staticData.version === undefined) return {};
	if (staticData.version === 1 && typeof staticData.gpFyear === 'string' && isCounts(staticData.seen)) {
		return { state: { version: 1, gpFyear: staticData.gpFyear, seen: { ...staticData.seen } } };
	}
	return { dropped: `its stored state (version ${JSON.stringify(staticData.version)}) is not one this version of the node reads` };
}

/** Makes `state` the node's static data (its only content). Called once a poll has succeeded, never before. */
export function writeState(staticData: IDataObject, state: RouteReportState): void {
	for (const name of Object.keys(staticData)) if (!(name in state)) delete staticData[name];
	staticData.version = state.version;
	staticData.gpFyear = state.gpFyear;
	staticData.seen = state.seen;
}
