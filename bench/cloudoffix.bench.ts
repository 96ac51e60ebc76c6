/**
 * CloudOffix reads, our node against n8n's own Odoo node v2 (n8n-nodes-base, the peer), measured in the same run,
 * through the same real n8n engine, against the same sandbox at scale BENCH_READ_SCALE (80: 8,931 partners), its
 * non-stored computed fields costing CLOUDOFFIX_COMPUTED_FIELD_COST_MS per record and field (0.05, as a real Odoo
 * 11 spends time on them). Per scenario: wall time, the requests the server received, the JSON size of the output
 * items and the peak RSS growth of the client process (each run a fresh process, bench/side.ts), medians.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { startCloudOffixSandbox } from '../sandbox/cloudoffix';
import { afterItems } from '../test/harness';
import { REPEATS, emitRows, number, progress, setting, type Row } from './measure';
import { ODOO_NODE, odooNode, ourRecordNode } from './peer';
import { RawClient } from './rawClient';
import { runBench } from './runBench';
import { OUTPUT_SIZE, REQUESTS, RSS_GROWTH, TIME, compare, expectItems, measureSides } from './sides';

const scale = setting('BENCH_READ_SCALE', 80, 2);
/** What a real Odoo 11 spends per record on each computed field it does not store (see sandbox/cloudoffix/README.md). */
const computedFieldCostMs = Number(process.env.CLOUDOFFIX_COMPUTED_FIELD_COST_MS ?? 0.05);
const BENCHMARK = 'CloudOffix reads';

interface ReadScenario {
	name: string;
	/** Input items of the measured run and of the warm-up. */
	input: IDataObject[];
	warmupInput: IDataObject[];
	ours: (warmup: boolean) => INode;
	peer: (warmup: boolean) => INode;
}

async function main() {
	const sandbox = await startCloudOffixSandbox({ scale, computedFieldCostMs });
	const client = await RawClient.login(sandbox, 1);
	const partners = await client.call<number>('res.partner', 'search_count', [[]]);
	await client.close();
	const byId = Array.from({ length: 200 }, (_, i) => ({ id: (i % Math.min(150, partners)) + 1 }));
	const getMany = (options: IDataObject) => (warmup: boolean) => ourRecordNode({ operation: 'getMany', returnAll: !warmup, limit: 10, options });
	const getAll = (options: IDataObject) => (warmup: boolean) => odooNode({ operation: 'getAll', returnAll: !warmup, limit: 10, options });
	const scenarios: ReadScenario[] = [
		{ name: 'Get Many, Return All, no field list', input: [{}], warmupInput: [{}], ours: getMany({}), peer: getAll({}) },
		{ name: 'Get Many, Return All, no field list, computed fields included', input: [{}], warmupInput: [{}], ours: getMany({ includeComputed: true }), peer: getAll({}) },
		{
			name: 'Get Many, Return All, three named fields',
			input: [{}],
			warmupInput: [{}],
			ours: getMany({ fields: ['name', 'email', 'country_id'], simplify: false }),
			peer: getAll({ fieldsList: 'name,email,country_id' }),
		},
		{
			name: 'Get by ID, 200 items, two named fields',
			input: byId,
			warmupInput: byId.slice(0, 5),
			ours: () => ourRecordNode({ operation: 'get', recordId: { mode: 'id', value: '={{$json.id}}' }, options: { fields: ['name', 'email'], simplify: false } }),
			peer: () => odooNode({ operation: 'get', recordId: { mode: 'id', value: '={{$json.id}}' }, options: { fieldsList: 'name,email' } }),
		},
	];
	const rows: Row[] = [];
	for (const { name, input, warmupInput, ours, peer } of scenarios) {
		const sides = expectItems(
			await measureSides(
				sandbox,
				{
					ours: () => ({ kind: 'workflow', warmup: afterItems(warmupInput, ours(true)), workflow: afterItems(input, ours(false)) }),
					peer: () => ({ kind: 'workflow', warmup: afterItems(warmupInput, peer(true)), workflow: afterItems(input, peer(false)) }),
				},
				REPEATS,
				name,
			),
			input.length > 1 ? input.length : partners,
		);
		const scenario = {
			benchmark: BENCHMARK,
			scenario: `${name}, ${number(partners)} res.partner, median of ${REPEATS}`,
			latencyMs: 0,
		};
		for (const figure of [TIME, REQUESTS, OUTPUT_SIZE, RSS_GROWTH]) rows.push(compare(scenario, figure, sides.ours, ODOO_NODE, sides.peer));
		progress(`${name} done`);
	}
	emitRows(rows);
	await sandbox.close();
}

runBench(main);
