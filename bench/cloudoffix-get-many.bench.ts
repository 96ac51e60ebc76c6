/**
 * CloudOffix Get Many, Return All, over at least 100,000 res.partner records (BENCH_READ_RECORDS; the sandbox's
 * scale is chosen to hold them): our node, n8n's Odoo node v2 (getAll: one `search_read` of everything) and a raw
 * paged loop (undici keep-alive, `search_read` pages of our node's page size, keyset `id > last` ordered by id,
 * the records accumulated in an array), every field and three fields, at each latency of BENCH_LATENCIES_MS.
 * Every run is a fresh Node process (bench/side.ts) whose baseline RSS is taken after startup, warm-up and gc;
 * the figure is its peak RSS growth over the run, next to the JSON size of what it returned.
 *
 * "Every field" is what each client reads without a field list: our node the stored, non-binary fields (computed
 * and binary ones are opt-in), the raw loop the same list, the Odoo node `fields: []`, every field with the
 * images. The sandbox computes non-stored fields at no cost here (computedFieldCostMs 0): only the Odoo node
 * reads them, and bench/cloudoffix.bench.ts measures what they cost.
 */
import { startCloudOffixSandbox } from '../sandbox/cloudoffix';
import { isReadByDefault } from '../nodes/CloudOffix/helpers/fieldKinds';
import type { OdooField } from '../nodes/CloudOffix/transport/types';
import { afterItems } from '../test/harness';
import { LATENCIES_MS, REPEATS as DEFAULT_REPEATS, emitRows, number, progress, setting, type Row } from './measure';
import { ODOO_NODE, odooNode, ourRecordNode } from './peer';
import { RawClient } from './rawClient';
import { runBench } from './runBench';
import { OUTPUT_SIZE, REQUESTS, RSS_GROWTH, TIME, compare, expectItems, measureSides, setLatency, type Job } from './sides';

const RECORDS = setting('BENCH_READ_RECORDS', 100_000, 500);
const REPEATS = setting('BENCH_READ_REPEATS', DEFAULT_REPEATS, 1);
/** Our node's default Page Size, and so the raw loop's. */
const PAGE_SIZE = 1000;
const THREE_FIELDS = ['name', 'email', 'country_id'];
const BENCHMARK = 'CloudOffix Get Many, Return All';
const RAW = 'raw paged loop (undici keep-alive, keyset pages)';
/** res.partner records per unit of sandbox scale is a little over 110 (scale 900 seeds 101,023). */
const PARTNERS_PER_SCALE = 110;

async function main() {
	const scale = Math.max(1, Math.ceil(RECORDS / PARTNERS_PER_SCALE));
	const started = performance.now();
	const sandbox = await startCloudOffixSandbox({ scale, computedFieldCostMs: 0 });
	const client = await RawClient.login(sandbox, 1);
	const count = await client.call<number>('res.partner', 'search_count', [[]]);
	if (count < RECORDS) throw new Error(`the sandbox at scale ${scale} holds ${count} res.partner, fewer than ${RECORDS}`);
	const fields = await client.call<Record<string, OdooField>>('res.partner', 'fields_get', [], { attributes: ['type', 'store'] });
	const everyField = Object.entries(fields)
		.filter(([, field]) => isReadByDefault(field, false))
		.map(([name]) => name);
	await client.close();
	progress(`get many: sandbox at scale ${scale}, ${number(count)} res.partner, seeded in ${Math.round(performance.now() - started)} ms`);

	const rows: Row[] = [];
	const sets = [
		{ label: 'every field', ours: {}, odoo: {}, raw: everyField },
		{ label: 'three fields (name, email, country_id)', ours: { fields: THREE_FIELDS }, odoo: { fieldsList: THREE_FIELDS.join(',') }, raw: THREE_FIELDS },
	];
	for (const set of sets) {
		for (const latencyMs of LATENCIES_MS) {
			setLatency(sandbox, latencyMs);
			const ours = (returnAll: boolean) => afterItems([{}], ourRecordNode({ operation: 'getMany', returnAll, limit: 10, options: set.ours }));
			const odoo = (returnAll: boolean) => afterItems([{}], odooNode({ operation: 'getAll', returnAll, limit: 10, options: set.odoo }));
			const sides = expectItems(
				await measureSides(
					sandbox,
					{
						ours: (): Job => ({ kind: 'workflow', warmup: ours(false), workflow: ours(true) }),
						odoo: (): Job => ({ kind: 'workflow', warmup: odoo(false), workflow: odoo(true) }),
						raw: (): Job => ({ kind: 'rawRead', fields: set.raw, pageSize: PAGE_SIZE }),
					},
					REPEATS,
					`get many, ${set.label}, at ${latencyMs} ms`,
				),
				count,
			);
			const scenario = { benchmark: BENCHMARK, scenario: `${number(count)} res.partner, ${set.label}, pages of ${PAGE_SIZE}, median of ${REPEATS}`, latencyMs };
			rows.push(
				compare(scenario, TIME, sides.ours, RAW, sides.raw, { op: '≤', value: 1.2 }),
				compare(scenario, TIME, sides.ours, ODOO_NODE, sides.odoo),
				compare(scenario, RSS_GROWTH, sides.ours, RAW, sides.raw, { op: '≤', value: 1.3 }),
				compare(scenario, RSS_GROWTH, sides.ours, ODOO_NODE, sides.odoo),
				compare(scenario, OUTPUT_SIZE, sides.ours, RAW, sides.raw),
				compare(scenario, OUTPUT_SIZE, sides.ours, ODOO_NODE, sides.odoo),
				compare(scenario, REQUESTS, sides.ours, RAW, sides.raw),
			);
		}
	}
	emitRows(rows);
	await sandbox.close();
}

runBench(main);
