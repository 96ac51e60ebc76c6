/**
 * CloudOffix Create of 1,000 and 10,000 res.partner records (BENCH_CREATE_RECORDS): our node batched (load, Batch
 * Size 500) and one create per item (Batch Size 1), n8n's own Odoo node v2 (one create per item, through the same
 * engine), and a raw undici keep-alive client making one `create` per record at the same concurrency (the
 * one-request-per-item floor), in the same run against the same sandbox, at each latency per request of
 * BENCH_LATENCIES_MS (0 and 20 ms, so that round trips count as they do over a WAN). Each run is a fresh process
 * of its own (bench/side.ts): wall time, the requests the sandbox received, the client process's CPU.
 */
import type { IDataObject } from 'n8n-workflow';

import { startCloudOffixSandbox } from '../sandbox/cloudoffix';
import { afterItems } from '../test/harness';
import { LARGE_REPEATS, LATENCIES_MS, REPEATS, emitRows, number, settingList, setting, type Row, type Target } from './measure';
import { ODOO_NODE, odooNode, ourRecordNode } from './peer';
import { runBench } from './runBench';
import { CPU, REQUESTS, TIME, compare, expectItems, measureSides, setLatency, type Job } from './sides';

const SIZES = settingList('BENCH_CREATE_RECORDS', [1000, 10000], [50]);
const WARMUP = setting('BENCH_WARMUP_ITEMS', 20, 5);
const CONCURRENCY = 4;
const BATCH_SIZE = 500;
const BENCHMARK = 'CloudOffix Create';
const RAW = 'raw undici keep-alive client';

let runs = 0;
const rowsFor = (count: number): IDataObject[] => {
	const run = ++runs;
	return Array.from({ length: count }, (_, i) => ({ name: `Bench ${run} ${i}`, email: `bench.${run}.${i}@example.com` }));
};

function nodeJob(batchSize: number, records: number): Job {
	// The input fields mapped automatically, as the Odoo node's side does: no expression to evaluate per item.
	const node = ourRecordNode({
		operation: 'create',
		fieldsMode: 'map',
		columns: { mappingMode: 'autoMapInputData', value: null },
		connection: { concurrency: CONCURRENCY, batchSize },
	});
	return { kind: 'workflow', warmup: afterItems(rowsFor(WARMUP), node), workflow: afterItems(rowsFor(records), node) };
}

/** n8n's Odoo node v2: one item at a time, and it asks for the user id before every call. */
function odooJob(records: number): Job {
	const node = odooNode({ operation: 'create', fieldsToSend: { mappingMode: 'autoMapInputData', value: {} } });
	return { kind: 'workflow', warmup: afterItems(rowsFor(WARMUP), node), workflow: afterItems(rowsFor(records), node) };
}

/** The issue's targets, as ratios of our time to the peer's. */
function timeTarget(variant: 'batched' | 'perItem', peer: 'odoo' | 'raw', records: number, latencyMs: number): Target | undefined {
	if (variant === 'perItem') {
		if (peer === 'odoo' && latencyMs === 20) return { op: '≤', value: 0.2, why: '(≥ 5× faster)' };
		if (peer === 'odoo' && latencyMs === 0) return { op: '≤', value: 0.5, why: '(≥ 2× faster)' };
		if (peer === 'raw' && latencyMs === 20) return { op: '≤', value: 1.3 };
	} else if (peer === 'odoo' && records >= 10_000) {
		if (latencyMs === 20) return { op: '≤', value: 0.02, why: '(≥ 50× faster)' };
		if (latencyMs === 0) return { op: '≤', value: 0.05, why: '(≥ 20× faster)' };
	}
	return undefined;
}

async function main() {
	const sandbox = await startCloudOffixSandbox({ computedFieldCostMs: 0 });
	const rows: Row[] = [];
	for (const records of SIZES) {
		const repeats = records > 1000 ? LARGE_REPEATS : REPEATS;
		for (const latencyMs of LATENCIES_MS) {
			sandbox.reset();
			setLatency(sandbox, latencyMs);
			const sides = expectItems(
				await measureSides(
					sandbox,
					{
						batched: () => nodeJob(BATCH_SIZE, records),
						perItem: () => nodeJob(1, records),
						odoo: () => odooJob(records),
						raw: (): Job => ({ kind: 'rawCreate', warmup: rowsFor(WARMUP), rows: rowsFor(records), concurrency: CONCURRENCY }),
					},
					repeats,
					`create ${records} at ${latencyMs} ms`,
				),
				records,
			);
			for (const variant of ['batched', 'perItem'] as const) {
				const scenario = {
					benchmark: BENCHMARK,
					scenario: `${number(records)} records, ${variant === 'batched' ? `batched (Batch Size ${BATCH_SIZE})` : 'per item (Batch Size 1)'}, median of ${repeats}`,
					latencyMs,
				};
				const ours = sides[variant];
				rows.push(
					compare(scenario, TIME, ours, ODOO_NODE, sides.odoo, timeTarget(variant, 'odoo', records, latencyMs)),
					compare(scenario, TIME, ours, RAW, sides.raw, timeTarget(variant, 'raw', records, latencyMs)),
					compare(scenario, REQUESTS, ours, ODOO_NODE, sides.odoo),
					compare(scenario, CPU, ours, ODOO_NODE, sides.odoo),
					compare(scenario, CPU, ours, RAW, sides.raw),
				);
			}
		}
	}
	emitRows(rows);
	await sandbox.close();
}

runBench(main);
