/**
 * The parent half of a measured side (bench/side.ts is the child): forks a fresh Node process per run, counts the
 * requests the sandbox received between the child's "go" and its answer, and sums runs up as medians; then the
 * rows that compare our side with a peer, one figure each.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import type { CloudOffixSandbox } from '../sandbox/cloudoffix';
import type { TestWorkflow } from '../test/harness';
import { MB, median, progress, row, type Row, type Target } from './measure';
import type { SandboxAddress } from './peer';

/** What a side does: a workflow through the engine (our node or the Odoo node), or the raw client. */
export type Job =
	| { kind: 'workflow'; warmup?: TestWorkflow; workflow: TestWorkflow }
	| { kind: 'rawCreate'; warmup: IDataObject[]; rows: IDataObject[]; concurrency: number }
	| { kind: 'rawRead'; fields: string[]; pageSize: number };

export interface SideSpec {
	job: Job;
	sandbox: SandboxAddress;
}

/** What the child measured of its run. */
export interface SideFigures {
	ms: number;
	cpuMs: number;
	baselineRssMb: number;
	/** Peak RSS during the run minus the RSS after warm-up and gc. */
	rssGrowthMb: number;
	/** Output items (records for the raw client). */
	items: number;
	/** JSON size of the output. */
	outputBytes: number;
	error?: string;
}

export type SideMessage = { type: 'ready' } | { type: 'done'; figures: SideFigures } | { type: 'failed'; error: string };

export interface SideRun extends SideFigures {
	/** Requests the sandbox received during the run. */
	requests: number;
}

const SIDE_SCRIPT = join(__dirname, 'side.js');

/** One run of `job` in a fresh child process. */
export async function runSide(sandbox: CloudOffixSandbox, job: Job): Promise<SideRun> {
	// The child runs our compiled benchmark code only (bench/side.ts bundled by bench/run), with its own memory.
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- a benchmark process, not node code
	const child = fork(SIDE_SCRIPT, [], { execArgv: ['--expose-gc', '--max-old-space-size=8192'], stdio: ['ignore', 2, 2, 'ipc'] });
	return await new Promise<SideRun>((resolve, reject) => {
		let before = 0;
		let settled = false;
		const finish = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			outcome();
		};
		child.on('message', (message: SideMessage) => {
			if (message.type === 'ready') {
				before = sandbox.stats.total;
				child.send('go');
			} else if (message.type === 'done') {
				const requests = sandbox.stats.total - before;
				finish(() => resolve({ ...message.figures, requests }));
			} else {
				finish(() => reject(new Error(`the side's process failed: ${message.error}`)));
			}
		});
		child.on('error', (error) => finish(() => reject(error)));
		child.on('exit', (code, signal) => finish(() => reject(new Error(`the side's process exited (${signal ?? code}) before answering`))));
		child.send({ job, sandbox: { url: sandbox.url, db: sandbox.db } } satisfies SideSpec);
	});
}

/** A side's runs summed up: the median of each figure, or the error of the run that failed. */
export interface SideSummary {
	runs: number;
	ms: number;
	cpuMs: number;
	requests: number;
	rssGrowthMb: number;
	items: number;
	outputBytes: number;
	error?: string;
}

/**
 * Each side `repeats` times, in alternating order round by round (so that none always runs first or last); the
 * job factory is called per run (a run may need fresh records). A side that fails is not run again.
 */
export async function measureSides<K extends string>(
	sandbox: CloudOffixSandbox,
	sides: Record<K, () => Job | Promise<Job>>,
	repeats: number,
	label: string,
): Promise<Record<K, SideSummary>> {
	const runs = {} as Record<K, SideRun[]>;
	const names = Object.keys(sides) as K[];
	for (let round = 0; round < repeats; round++) {
		for (const name of round % 2 === 0 ? names : [...names].reverse()) {
			if ((runs[name] ??= []).some((run) => run.error !== undefined)) continue;
			const run = await runSide(sandbox, await sides[name]());
			runs[name].push(run);
			progress(`${label}, ${name}: ${run.error ? `failed: ${run.error}` : `${Math.round(run.ms)} ms, ${run.requests} requests, +${run.rssGrowthMb.toFixed(1)} MB RSS`}`);
		}
	}
	const summary = (list: SideRun[]): SideSummary => {
		const failed = list.find((run) => run.error !== undefined);
		const of = (figure: (run: SideRun) => number) => (failed ? NaN : median(list.map(figure)));
		return {
			runs: list.length,
			ms: of((run) => run.ms),
			cpuMs: of((run) => run.cpuMs),
			requests: of((run) => run.requests),
			rssGrowthMb: of((run) => run.rssGrowthMb),
			items: list[0].items,
			outputBytes: of((run) => run.outputBytes),
			...(failed ? { error: failed.error } : {}),
		};
	};
	return Object.fromEntries(names.map((name) => [name, summary(runs[name])])) as Record<K, SideSummary>;
}

/** A figure of a side: its name in the table, its unit, and how to read it off a summary. */
export interface Figure {
	figure: string;
	unit: string;
	of: (side: SideSummary) => number;
}

export const TIME: Figure = { figure: 'time', unit: 'ms', of: (side) => side.ms };
export const REQUESTS: Figure = { figure: 'requests', unit: 'requests', of: (side) => side.requests };
export const CPU: Figure = { figure: 'CPU (client process)', unit: 'ms', of: (side) => side.cpuMs };
export const RSS_GROWTH: Figure = { figure: 'peak RSS growth', unit: 'MB', of: (side) => side.rssGrowthMb };
export const OUTPUT_SIZE: Figure = { figure: 'output size (JSON)', unit: 'MB', of: (side) => side.outputBytes / MB };

export interface Scenario {
	benchmark: string;
	scenario: string;
	latencyMs?: number;
}

/** One row: `figure` of our side against the peer's, measured in the same run. */
export function compare(scenario: Scenario, figure: Figure, ours: SideSummary, peerName: string, peer: SideSummary, target?: Target): Row {
	const notes = [ours.error ? `our side failed: ${ours.error}` : undefined, peer.error ? `${peerName} failed: ${peer.error}` : undefined].filter(Boolean);
	return row({
		...scenario,
		figure: figure.figure,
		unit: figure.unit,
		ours: figure.of(ours),
		peer: peerName,
		peerValue: peer.error ? null : figure.of(peer),
		target,
		...(notes.length > 0 ? { note: notes.join('; ') } : {}),
	});
}

/** The sandbox's added latency per request: `ms` on every request from now on (0: none). */
export function setLatency(sandbox: CloudOffixSandbox, ms: number): void {
	sandbox.faults.clear();
	if (ms > 0) sandbox.faults.set({ kind: 'latency', ms, times: Infinity });
}

/** Marks a side that did not output `expected` items as failed (a run that did less work is no measure). */
export function expectItems<K extends string>(sides: Record<K, SideSummary>, expected: number): Record<K, SideSummary> {
	for (const side of Object.values<SideSummary>(sides)) {
		if (side.error === undefined && side.items !== expected) side.error = `output ${side.items} items, not ${expected}`;
	}
	return sides;
}
