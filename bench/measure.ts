/**
 * What every benchmark shares: its settings (full size by default, tiny with BENCH_QUICK=1, each overridable by
 * its environment variable), the median and number formatting, the row every figure is reported as, and how a
 * script hands its rows on (to the file BENCH_OUT names, which bench/report.ts merges into one table; without it,
 * printed as a table of its own).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { formatTable } from './table';

/** BENCH_QUICK=1: every benchmark at a tiny size and one repeat, a smoke check that the whole suite still runs. */
export const QUICK = /^(1|true|yes)$/i.test(process.env.BENCH_QUICK ?? '');

/** A number setting: the environment variable if set, else the full-size default, or the quick one in quick mode. */
export function setting(name: string, full: number, quick: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === '') return QUICK ? quick : full;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number >= 0, not "${raw}"`);
	return value;
}

/** A list setting, comma-separated in its environment variable (e.g. BENCH_CREATE_RECORDS=1000,10000). */
export function settingList(name: string, full: number[], quick: number[]): number[] {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === '') return QUICK ? quick : full;
	const values = raw.split(',').map((part) => Number(part.trim()));
	if (values.some((value) => !Number.isFinite(value) || value < 0)) throw new Error(`${name} must be numbers >= 0 separated by commas, not "${raw}"`);
	return values;
}

/** Runs per measured side where a run takes seconds (median reported); BENCH_REPEATS. */
export const REPEATS = setting('BENCH_REPEATS', 3, 1);
/** Runs per side where one run takes minutes (10,000 creates, 100,000-record reads); BENCH_LARGE_REPEATS. */
export const LARGE_REPEATS = setting('BENCH_LARGE_REPEATS', 1, 1);
/** The sandbox's added latency per request, the knob every CloudOffix write and read figure is measured at. */
export const LATENCIES_MS = settingList('BENCH_LATENCIES_MS', [0, 20], [0, 20]);

export function median(values: number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** 1234.5 → "1,235"; with digits, that many decimals. */
export function number(value: number, digits = 0): string {
	return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export const MB = 2 ** 20;

/** A target on the ratio ours / peer: "≤ 0.2" is five times faster than the peer. */
export interface Target {
	op: '≤' | '≥';
	value: number;
	/** Shown after the bound, e.g. "(≥ 5× faster)". */
	why?: string;
}

/** One figure of one scenario: our value, the peer it is measured against in the same run, and the ratio. */
export interface Row {
	benchmark: string;
	scenario: string;
	/** The sandbox's added latency per request, where it is a knob of the figure. */
	latencyMs?: number;
	/** 'time', 'requests', 'CPU', 'peak RSS growth', 'output size', ... */
	figure: string;
	ours: { value: number; unit: string };
	/** What the figure is compared with: a client measured in the same run, or the floor the target names. */
	peer: string;
	/** null when the peer failed (see note). */
	peerValue: number | null;
	/** ours / peerValue; null without a peer value. */
	ratio: number | null;
	target?: string;
	/** Whether the ratio meets the target; undefined without one. */
	met?: boolean;
	note?: string;
}

export interface RowInput {
	benchmark: string;
	scenario: string;
	latencyMs?: number;
	figure: string;
	unit: string;
	ours: number;
	peer: string;
	peerValue: number | null;
	target?: Target;
	note?: string;
}

export function targetText(target: Target): string {
	return `${target.op} ${target.value}${target.why ? ` ${target.why}` : ''}`;
}

export function row(input: RowInput): Row {
	const { ours, peerValue, target, unit, ...rest } = input;
	const ratio = peerValue === null || !Number.isFinite(peerValue) || peerValue === 0 || !Number.isFinite(ours) ? null : ours / peerValue;
	// Our side failing misses the target; a peer that failed (or measured 0) leaves it unjudged.
	let met: boolean | undefined;
	if (target !== undefined) met = !Number.isFinite(ours) ? false : ratio === null ? undefined : target.op === '≤' ? ratio <= target.value : ratio >= target.value;
	return {
		...rest,
		ours: { value: ours, unit },
		peerValue,
		ratio,
		...(target ? { target: targetText(target), ...(met !== undefined ? { met } : {}) } : {}),
	};
}

/**
 * Hands the script's rows on: as JSON to the file BENCH_OUT names (bench/run sets it; bench/report.ts merges the
 * files into .build/bench/results.json and the one table), or, run on its own, printed as a table.
 */
export function emitRows(rows: Row[]): void {
	const out = process.env.BENCH_OUT;
	if (out) {
		mkdirSync(dirname(out), { recursive: true });
		writeFileSync(out, `${JSON.stringify(rows, null, '\t')}\n`);
		process.stderr.write(`bench: ${rows.length} rows written to ${out}\n`);
	} else {
		process.stdout.write(`${formatTable(rows)}\n`);
	}
}

/** Writes progress to stderr (stdout is for the table). */
export function progress(line: string): void {
	process.stderr.write(`bench: ${line}\n`);
}
