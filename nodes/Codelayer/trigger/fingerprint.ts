import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

/** A row of the route report as Codelayer sends it: custname, salemode, paymentmode, cashreceived, netamount, specialdisc. */
export type ReportRow = IDataObject;

/** How many rows of each fingerprint a report holds (or held). */
export type RowCounts = Record<string, number>;

/**
 * A row's identity. The report's rows carry no id and no time stamp, so a row is what its fields say: every
 * field with its value, in name order (the order Codelayer writes them in does not matter), hashed to 16
 * characters (96 bits of SHA-256) so that the state stays small whatever the rows hold. Two identical sales
 * give the same fingerprint; that is what the counts are for.
 */
export function fingerprintOf(row: ReportRow): string {
	const canonical = JSON.stringify(
		Object.keys(row)
			.sort()
			.map((name) => [name, row[name]]),
	);
	return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

/** A report as the trigger compares it: its rows, each row's fingerprint, and the multiset they make. */
export interface CountedReport {
	rows: readonly ReportRow[];
	fingerprints: readonly string[];
	counts: RowCounts;
}

export function countedReport(rows: readonly ReportRow[]): CountedReport {
	const fingerprints = rows.map(fingerprintOf);
	const counts: RowCounts = {};
	for (const fingerprint of fingerprints) counts[fingerprint] = (counts[fingerprint] ?? 0) + 1;
	return { rows, fingerprints, counts };
}

/** Whether two multisets are the same. */
export function sameCounts(a: RowCounts, b: RowCounts): boolean {
	const fingerprints = Object.keys(a);
	return fingerprints.length === Object.keys(b).length && fingerprints.every((fingerprint) => b[fingerprint] === a[fingerprint]);
}

/**
 * The rows of a report beyond what `seen` counted, in report order: of a fingerprint seen k times, every
 * occurrence after the k-th. Identical rows are interchangeable, so which of them count as new only decides
 * where they stand in the output: the later ones are taken, as the report lists sales in the order they were
 * saved.
 */
export function surplus(report: CountedReport, seen: RowCounts): ReportRow[] {
	const met: RowCounts = {};
	return report.rows.filter((_, index) => {
		const fingerprint = report.fingerprints[index];
		met[fingerprint] = (met[fingerprint] ?? 0) + 1;
		return met[fingerprint] > (seen[fingerprint] ?? 0);
	});
}
