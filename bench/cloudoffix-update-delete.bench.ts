/**
 * CloudOffix Update and Delete of 1,000 res.partner records (BENCH_WRITE_RECORDS): our node batched (Batch Size
 * 500: items that write the same values share one `write`; deletes share one existence `search` and one `unlink`)
 * and one call per item (Batch Size 1), against n8n's own Odoo node v2 (one item at a time, a login before each
 * call), in the same run against the same sandbox, at each latency per request of BENCH_LATENCIES_MS. The records
 * are created (with `load`, before the measured window) for each run; each run is a fresh process of its own.
 */
import { startCloudOffixSandbox } from '../sandbox/cloudoffix';
import { afterItems } from '../test/harness';
import { LATENCIES_MS, REPEATS, emitRows, number, setting, type Row, type Target } from './measure';
import { ODOO_NODE, odooNode, ourRecordNode, type SandboxAddress } from './peer';
import { RawClient } from './rawClient';
import { runBench } from './runBench';
import { CPU, REQUESTS, TIME, compare, expectItems, measureSides, setLatency, type Job } from './sides';

const RECORDS = setting('BENCH_WRITE_RECORDS', 1000, 50);
const WARMUP = setting('BENCH_WARMUP_ITEMS', 20, 5);
const CONCURRENCY = 4;
const BATCH_SIZE = 500;
const BENCHMARK = 'CloudOffix Update and Delete';
const VALUES = { comment: 'Updated by the benchmark' };
const byId = { __rl: true, mode: 'id', value: '={{ $json.id }}' };

type Operation = 'update' | 'delete';

let setups = 0;

/** WARMUP + RECORDS new partners for one run: the warm-up's ids and the measured run's. */
async function freshRecords(sandbox: SandboxAddress): Promise<{ warmup: Array<{ id: number }>; measured: Array<{ id: number }> }> {
	const client = await RawClient.login(sandbox, 1);
	const setup = ++setups;
	const ids = await client.load(
		'res.partner',
		['name', 'email'],
		Array.from({ length: WARMUP + RECORDS }, (_, i) => [`Write bench ${setup} ${i}`, `write.${setup}.${i}@example.com`]),
	);
	await client.close();
	const items = ids.map((id) => ({ id }));
	return { warmup: items.slice(0, WARMUP), measured: items.slice(WARMUP) };
}

function ourNode(operation: Operation, batchSize: number) {
	const connection = { concurrency: CONCURRENCY, batchSize };
	return operation === 'update'
		? ourRecordNode({ operation: 'update', recordId: byId, fieldsMode: 'json', valuesJson: JSON.stringify(VALUES), connection })
		: ourRecordNode({ operation: 'deleteRecord', recordId: byId, connection });
}

function peerNode(operation: Operation) {
	return operation === 'update'
		? odooNode({ operation: 'update', recordId: byId, fieldsToSend: { mappingMode: 'defineBelow', value: VALUES } })
		: odooNode({ operation: 'delete', recordId: byId });
}

async function job(sandbox: SandboxAddress, node: ReturnType<typeof ourNode>): Promise<Job> {
	const { warmup, measured } = await freshRecords(sandbox);
	return { kind: 'workflow', warmup: afterItems(warmup, node), workflow: afterItems(measured, node) };
}

const batchedTarget = (latencyMs: number): Target | undefined => (latencyMs === 20 ? { op: '≤', value: 0.02, why: '(≥ 50× faster)' } : undefined);

async function main() {
	const sandbox = await startCloudOffixSandbox({ computedFieldCostMs: 0 });
	const rows: Row[] = [];
	for (const operation of ['update', 'delete'] as const) {
		for (const latencyMs of LATENCIES_MS) {
			sandbox.reset();
			setLatency(sandbox, latencyMs);
			const sides = expectItems(
				await measureSides(
					sandbox,
					{
						batched: async () => await job(sandbox, ourNode(operation, BATCH_SIZE)),
						perItem: async () => await job(sandbox, ourNode(operation, 1)),
						odoo: async () => await job(sandbox, peerNode(operation)),
					},
					REPEATS,
					`${operation} ${RECORDS} at ${latencyMs} ms`,
				),
				RECORDS,
			);
			for (const variant of ['batched', 'perItem'] as const) {
				const scenario = {
					benchmark: BENCHMARK,
					scenario: `${operation === 'update' ? 'Update (the same values)' : 'Delete'} ${number(RECORDS)} records, ${variant === 'batched' ? `batched (Batch Size ${BATCH_SIZE})` : 'per item (Batch Size 1)'}, median of ${REPEATS}`,
					latencyMs,
				};
				const ours = sides[variant];
				rows.push(
					compare(scenario, TIME, ours, ODOO_NODE, sides.odoo, variant === 'batched' ? batchedTarget(latencyMs) : undefined),
					compare(scenario, REQUESTS, ours, ODOO_NODE, sides.odoo),
					compare(scenario, CPU, ours, ODOO_NODE, sides.odoo),
				);
			}
		}
	}
	emitRows(rows);
	await sandbox.close();
}

runBench(main);
