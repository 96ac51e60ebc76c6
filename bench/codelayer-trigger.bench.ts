/**
 * The Codelayer Route Report Trigger over long route days, through the real n8n engine (n8n-core's PollContext)
 * against the Codelayer sandbox: `bash bench/run` runs it after the CloudOffix benchmark. Prints what the trigger
 * keeps in the node's static data (JSON bytes, fingerprints, the counts they sum to) as a day grows to 5,000 rows
 * and after a new day starts, and what each kind of poll costs in requests (and, for information, time).
 */
import type { IDataObject } from 'n8n-workflow';

import { CodelayerRouteReportTrigger } from '../nodes/Codelayer/CodelayerRouteReportTrigger.node';
import { startCodelayerSandbox, type CodelayerSandbox } from '../sandbox/codelayer';
import { createHarness, packageNode, type TestPoller } from '../test/harness';
import { CodelayerClient } from '../test/sandbox/codelayer/helpers/sandbox';
import { runBench } from './runBench';

const DAY_ROWS = 5_000;
const CHECKPOINTS = [500, 1_000, DAY_ROWS];
const BATCH = 100;

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

const number = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const paths = (byPath: Record<string, number>) =>
	Object.entries(byPath)
		.map(([path, count]) => `${count}× ${path}`)
		.join(', ');

async function main() {
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
	const sizeRows: string[] = [];
	const costRows: string[] = [`| first poll (empty report; the credential logs in first) | ${first.requests} (${paths(first.byPath)}) | ${number(first.ms, 1)} |`];
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
				const state = stateFigures(poller);
				if (state.counted !== saved) throw new Error(`the state counts ${state.counted} rows, the report holds ${saved}`);
				sizeRows.push(
					`| ${label} | ${number(saved)} | ${number(state.fingerprints)} | ${number(state.counted)} | ${number(state.bytes)} | ${number(state.bytes / Math.max(1, state.fingerprints), 1)} |`,
				);
				costRows.push(`| ${label}, ${number(saved)} rows: poll with ${BATCH} new rows | ${poll.requests} (${paths(poll.byPath)}) | ${number(poll.ms, 1)} |`);
				costRows.push(`| ${label}, ${number(saved)} rows: idle poll | ${idle.requests} (${paths(idle.byPath)}) | ${number(idle.ms, 1)} |`);
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
		sizeRows.push(`| ${label} | ${number(rows)} | ${number(state.fingerprints)} | ${number(state.counted)} | ${number(state.bytes)} | ${number(state.bytes / Math.max(1, state.fingerprints), 1)} |`);
		costRows.push(`| ${label}: poll after the new day (${rows} rows) | ${poll.requests} (${paths(poll.byPath)}) | ${number(poll.ms, 1)} |`);
	}

	await day('day 1, every row distinct', DAY_ROWS, false);
	await newDay('day 2 begins', 10);
	await day('day 3, 12 distinct rows repeated', 12, true);
	await newDay('day 4 begins', 10);
	process.stderr.write(`bench: ${number(emitted)} rows emitted over 4 days\n`);

	process.stdout.write(
		[
			`Codelayer Route Report Trigger: static data and requests per poll (${number(DAY_ROWS)}-row days polled every ${BATCH} sales; sandbox on 127.0.0.1; times for information)`,
			'',
			'| report | rows in the report | fingerprints kept | rows counted | static data (JSON bytes) | bytes per fingerprint |',
			'|---|---|---|---|---|---|',
			...sizeRows,
			'',
			'| poll | requests | time (ms) |',
			'|---|---|---|',
			...costRows,
			'',
		].join('\n'),
	);
	await sandbox.close();
}

runBench(main);
