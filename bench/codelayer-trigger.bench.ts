/**
 * The Codelayer Route Report Trigger over long route days, through the real n8n engine (n8n-core's PollContext)
 * against the Codelayer sandbox. Measures what the trigger keeps in the node's static data (JSON bytes,
 * fingerprints, the counts they sum to) as a day grows to 5,000 rows (BENCH_TRIGGER_DAY_ROWS) and after a new day
 * starts, and what each kind of poll costs in requests (and, for information, time); the details go to stderr,
 * the figures to rows: an idle poll against one request, the state against the same day's at a fifth of the rows
 * (linear) and a new day's against the full day's (the current report only).
 */
import type { IDataObject } from 'n8n-workflow';

import { CodelayerRouteReportTrigger } from '../nodes/Codelayer/CodelayerRouteReportTrigger.node';
import { startCodelayerSandbox, type CodelayerSandbox } from '../sandbox/codelayer';
import { createHarness, packageNode, type TestPoller } from '../test/harness';
import { CodelayerClient } from '../test/sandbox/codelayer/helpers/sandbox';
import { emitRows, number, progress, row, setting, type Row } from './measure';
import { runBench } from './runBench';

const DAY_ROWS = setting('BENCH_TRIGGER_DAY_ROWS', 5_000, 200);
/** Rows sold between polls; the checkpoints (a tenth, a fifth and all of a day) are multiples of it. */
const BATCH = setting('BENCH_TRIGGER_BATCH', 100, 20);
const CHECKPOINTS = [DAY_ROWS / 10, DAY_ROWS / 5, DAY_ROWS];
const NEW_DAY_ROWS = 10;
const BENCHMARK = 'Codelayer Route Report Trigger';

interface PollFigures {
	items: number;
	requests: number;
	byPath: Record<string, number>;
	ms: number;
}

async function measuredPoll(sandbox: CodelayerSandbox, poller: TestPoller): Promise<PollFigures> {
	const before = { ...sandbox.stats.requests };
	const total = sandbox.stats.total;
	const started = performance.now();
	const { items } = await poller.poll();
	const ms = performance.now() - started;
	const byPath = Object.fromEntries(
		Object.entries(sandbox.stats.requests)
			.map(([path, count]) => [path, count - (before[path] ?? 0)] as const)
			.filter(([, count]) => count > 0),
	);
	return { items: items.length, requests: sandbox.stats.total - total, byPath, ms };
}

interface StateFigures {
	bytes: number;
	fingerprints: number;
	counted: number;
}

function stateFigures(poller: TestPoller): StateFigures {
	const data = poller.nodeStaticData;
	const seen = (data.seen ?? {}) as Record<string, number>;
	return { bytes: JSON.stringify(data).length, fingerprints: Object.keys(seen).length, counted: Object.values(seen).reduce((sum, count) => sum + count, 0) };
}

/** Sales of one unit of CHAPATHI (item 1) to customer 359; `variant` makes the row distinct (the cash received). */
async function sell(client: CodelayerClient, sandbox: CodelayerSandbox, variant: number): Promise<void> {
	const answer = await client.call('sales/route_save', {
		gp_fyear: sandbox.day.gpFyear,
		datetime: '2024-05-31 10:00:00',
		custcode: '359',
		paymentmode: 'C',
		salemode: 'Cash',
		cashreceived: String(variant),
		roff: '0',
		specialdisc: '0',
		sales: [{ itemcode: '1', qty: '1', rate: '10', taxperc: '5' }],
	});
	if (answer.e !== 200) throw new Error(`Route Save refused a sale: ${JSON.stringify(answer)}`);
}

const paths = (byPath: Record<string, number>) =>
	Object.entries(byPath)
		.map(([path, count]) => `${count}× ${path}`)
		.join(', ');

interface Checkpoint {
	state: StateFigures;
	/** The poll that found the last BATCH rows, and the idle poll right after it. */
	poll?: PollFigures;
	idle?: PollFigures;
}

async function main() {
	if (CHECKPOINTS.some((rows) => rows % BATCH !== 0)) throw new Error(`the checkpoints ${CHECKPOINTS.join(', ')} must be multiples of ${BATCH} rows`);
	// Forty times the seeded load: 10,000 units of item 1, room for a 5,000-sale day.
	const sandbox = await startCodelayerSandbox({ loadFactor: 40 });
	const harness = createHarness({ codelayerRouteReportTrigger: new CodelayerRouteReportTrigger() });
	harness.addCredential({
		id: 'cl',
		name: 'cl',
		type: 'codelayerApi',
		data: { baseUrl: sandbox.url, licenseUrl: sandbox.licenseUrl, username: 'TEST', password: 'password', imei: '352099001761481', appVersion: '1.0.0.0' },
	});
	const poller = harness.poller(packageNode('codelayerRouteReportTrigger', {} as IDataObject, { codelayerApi: 'cl' }, { name: 'Route Report Trigger' }));
	const client = new CodelayerClient(() => sandbox);
	await client.login();

	const first = await measuredPoll(sandbox, poller);
	progress(`trigger: first poll (empty report; the credential logs in first): ${first.requests} requests (${paths(first.byPath)}), ${number(first.ms, 1)} ms`);
	const checkpoints = new Map<string, Checkpoint>();
	let emitted = 0;

	/** A day of DAY_ROWS sales, `distinct` of them different (the rest repeat them), polled every BATCH sales; the first poll of a new day finds it. */
	async function day(label: string, distinct: number, startsNewDay: boolean) {
		if (startsNewDay) sandbox.startNewDay();
		let saved = 0;
		while (saved < DAY_ROWS) {
			for (let i = 0; i < BATCH; i++) await sell(client, sandbox, saved++ % distinct);
			const poll = await measuredPoll(sandbox, poller);
			emitted += poll.items;
			if (poll.items !== BATCH) throw new Error(`poll after ${saved} rows emitted ${poll.items}, not ${BATCH}`);
			if (CHECKPOINTS.includes(saved)) {
				const idle = await measuredPoll(sandbox, poller);
				if (idle.items !== 0) throw new Error(`the idle poll after ${saved} rows emitted ${idle.items}`);
				const state = stateFigures(poller);
				if (state.counted !== saved) throw new Error(`the state counts ${state.counted} rows, the report holds ${saved}`);
				checkpoints.set(`${label} ${saved}`, { state, poll, idle });
				progress(
					`trigger: ${label}, ${number(saved)} rows: ${number(state.fingerprints)} fingerprints, ${number(state.bytes)} bytes of static data; ` +
						`poll with ${BATCH} new rows ${poll.requests} requests (${paths(poll.byPath)}) ${number(poll.ms, 1)} ms; idle poll ${idle.requests} (${paths(idle.byPath)}) ${number(idle.ms, 1)} ms`,
				);
			}
		}
	}

	async function newDay(label: string, rows: number) {
		sandbox.startNewDay();
		for (let i = 0; i < rows; i++) await sell(client, sandbox, i);
		const poll = await measuredPoll(sandbox, poller);
		emitted += poll.items;
		if (poll.items !== rows) throw new Error(`the new day's poll emitted ${poll.items}, not ${rows}`);
		const state = stateFigures(poller);
		checkpoints.set(label, { state, poll });
		progress(`trigger: ${label}: ${number(state.fingerprints)} fingerprints, ${number(state.bytes)} bytes; its first poll ${poll.requests} requests (${paths(poll.byPath)}) ${number(poll.ms, 1)} ms`);
	}

	await day('day 1', DAY_ROWS, false);
	await newDay('day 2', NEW_DAY_ROWS);
	await day('day 3', 12, true);
	await newDay('day 4', NEW_DAY_ROWS);
	progress(`trigger: ${number(emitted)} rows emitted over 4 days`);

	const at = (key: string) => {
		const checkpoint = checkpoints.get(key);
		if (!checkpoint) throw new Error(`no checkpoint "${key}"`);
		return checkpoint;
	};
	const full = at(`day 1 ${DAY_ROWS}`);
	const fifth = at(`day 1 ${CHECKPOINTS[1]}`);
	const repeated = at(`day 3 ${DAY_ROWS}`);
	const rows: Row[] = [];
	for (const [scenario, checkpoint] of [
		[`idle poll, ${number(DAY_ROWS)}-row report, every row distinct`, full],
		[`idle poll, ${number(DAY_ROWS)}-row report, 12 distinct rows repeated`, repeated],
	] as const) {
		rows.push(row({ benchmark: BENCHMARK, scenario, figure: 'requests', unit: 'requests', ours: checkpoint.idle!.requests, peer: 'one request (the floor)', peerValue: 1, target: { op: '≤', value: 1 } }));
		rows.push(row({ benchmark: BENCHMARK, scenario, figure: 'time', unit: 'ms', ours: checkpoint.idle!.ms, peer: `poll finding ${BATCH} new rows, same report`, peerValue: checkpoint.poll!.ms }));
	}
	const linear = DAY_ROWS / CHECKPOINTS[1];
	rows.push(
		row({
			benchmark: BENCHMARK,
			scenario: `static data after a ${number(DAY_ROWS)}-row day, every row distinct`,
			figure: 'state size (JSON)',
			unit: 'bytes',
			ours: full.state.bytes,
			peer: `the same day at ${number(CHECKPOINTS[1])} rows`,
			peerValue: fifth.state.bytes,
			target: { op: '≤', value: Number((linear * 1.1).toFixed(2)), why: `(linear: ${linear}× the rows)` },
		}),
		row({
			benchmark: BENCHMARK,
			scenario: `static data after a new day's first ${NEW_DAY_ROWS} rows`,
			figure: 'state size (JSON)',
			unit: 'bytes',
			ours: at('day 2').state.bytes,
			peer: `the ${number(DAY_ROWS)}-row day before it`,
			peerValue: full.state.bytes,
			target: { op: '≤', value: Number(((2 * NEW_DAY_ROWS) / DAY_ROWS).toPrecision(2)), why: '(current report only)' },
		}),
		row({
			benchmark: BENCHMARK,
			scenario: `static data after a ${number(DAY_ROWS)}-row day, 12 distinct rows repeated`,
			figure: 'state size (JSON)',
			unit: 'bytes',
			ours: repeated.state.bytes,
			peer: `a ${number(DAY_ROWS)}-row day of distinct rows`,
			peerValue: full.state.bytes,
		}),
	);
	emitRows(rows);
	await sandbox.close();
}

runBench(main);
