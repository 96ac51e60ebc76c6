/**
 * CloudOffix node against n8n's own Odoo node (n8n-nodes-base, the peer), measured in the same run, through
 * the same real n8n engine, against the same sandbox: `bash bench/run [scale] [repeats]`.
 * Reports, per scenario, the median wall time, the requests the server received, the size of the output items
 * and the peak heap growth, as the ratio of ours to the peer's with both figures: one table, the one the
 * README shows.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { ICredentialType, IDataObject, INode, INodeType } from 'n8n-workflow';

import { CloudOffix } from '../nodes/CloudOffix/CloudOffix.node';
import { startCloudOffixSandbox, type CloudOffixSandbox } from '../sandbox/cloudoffix';
import { afterItems, createHarness, packageNode } from '../test/harness';
import { runBench } from './runBench';
import { printTable } from './table';

const scale = Number(process.argv[2] ?? 80);
const repeats = Number(process.argv[3] ?? 3);
/** What a real Odoo 11 spends per record on each computed field it does not store (see sandbox/cloudoffix/README.md). */
const computedFieldCostMs = Number(process.env.CLOUDOFFIX_COMPUTED_FIELD_COST_MS ?? 0.05);
const peerRoot = join(process.env.BENCH_PEER ?? '.build/bench-peer', 'node_modules/n8n-nodes-base/dist');
const load = createRequire(__filename);
const { OdooV2 } = load(join(peerRoot, 'nodes/Odoo/v2/OdooV2.node.js')) as { OdooV2: new (base: object) => INodeType };
const { OdooApi } = load(join(peerRoot, 'credentials/OdooApi.credentials.js')) as { OdooApi: new () => ICredentialType };

interface Measure {
	ms: number;
	requests: number;
	outputBytes: number;
	peakHeapMb: number;
	items: number;
}

type Harness = ReturnType<typeof createHarness>;

async function measure(sandbox: CloudOffixSandbox, harness: Harness, workflow: ReturnType<typeof afterItems>): Promise<Measure> {
	(globalThis as { gc?: () => void }).gc?.();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
	const before = sandbox.stats.total;
	const started = performance.now();
	const result = await harness.run(workflow);
	const ms = performance.now() - started;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().heapUsed);
	if (result.error) throw new Error(`Run failed: ${result.error.message}`);
	const lastNode = workflow.nodes[workflow.nodes.length - 1].name;
	const items = result.json(lastNode);
	return { ms, requests: sandbox.stats.total - before, outputBytes: JSON.stringify(items).length, peakHeapMb: (peak - baseline) / 2 ** 20, items: items.length };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

interface Summary {
	ms: number;
	requests: number;
	outputBytes: number;
	peakHeapMb: number;
	items: number;
}

async function scenario(sandbox: CloudOffixSandbox, harness: Harness, input: IDataObject[], ours: INode, peer: INode): Promise<Record<'ours' | 'peer', Summary>> {
	const runs: Record<'ours' | 'peer', Measure[]> = { ours: [], peer: [] };
	for (let round = 0; round < repeats; round++) {
		// Alternate the order so that neither side always runs on a warmer process.
		for (const side of round % 2 === 0 ? (['ours', 'peer'] as const) : (['peer', 'ours'] as const)) {
			runs[side].push(await measure(sandbox, harness, afterItems(input, side === 'ours' ? ours : peer)));
		}
	}
	const summary = (side: 'ours' | 'peer'): Summary => ({
		ms: median(runs[side].map((m) => m.ms)),
		requests: median(runs[side].map((m) => m.requests)),
		outputBytes: median(runs[side].map((m) => m.outputBytes)),
		peakHeapMb: median(runs[side].map((m) => m.peakHeapMb)),
		items: runs[side][0].items,
	});
	return { ours: summary('ours'), peer: summary('peer') };
}

const number = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (ours: number, peer: number) => (peer === 0 ? 'n/a' : (ours / peer).toFixed(3));

/** One row: each figure as ours / peer, with both values. */
function row(name: string, { ours, peer }: Record<'ours' | 'peer', Summary>): string {
	const mb = (bytes: number) => `${number(bytes / 2 ** 20, 1)} MB`;
	return [
		name,
		`${number(ours.items)} vs ${number(peer.items)}`,
		`${ratio(ours.ms, peer.ms)} (${number(ours.ms)} vs ${number(peer.ms)} ms)`,
		`${number(ours.requests)} vs ${number(peer.requests)}`,
		`${ratio(ours.outputBytes, peer.outputBytes)} (${mb(ours.outputBytes)} vs ${mb(peer.outputBytes)})`,
		`${ratio(ours.peakHeapMb, peer.peakHeapMb)} (${number(ours.peakHeapMb, 1)} vs ${number(peer.peakHeapMb, 1)} MB)`,
	].join(' | ');
}

async function main() {
	const sandbox = await startCloudOffixSandbox({ scale, computedFieldCostMs });
	const harness = createHarness(
		{ cloudOffix: new CloudOffix() },
		{ nodes: { 'n8n-nodes-base.odoo': new OdooV2({ displayName: 'Odoo', name: 'odoo', group: ['transform'], description: 'Odoo' }) }, credentialTypes: [new OdooApi()] },
	);
	harness.addCredential({ id: 'co', name: 'co', type: 'cloudOffixApi', data: { url: sandbox.url, db: sandbox.db, login: 'admin', password: 'admin' } });
	harness.addCredential({ id: 'odoo', name: 'odoo', type: 'odooApi', data: { url: sandbox.url, db: sandbox.db, username: 'admin', password: 'admin' } });
	const peerNode = (parameters: IDataObject): INode => ({
		id: 'peer', name: 'Odoo', type: 'n8n-nodes-base.odoo', typeVersion: 2, position: [0, 0],
		parameters: { authentication: 'odooApi', resource: 'custom', customResource: { mode: 'id', value: 'res.partner' }, ...parameters } as INode['parameters'],
		credentials: { odooApi: { id: 'odoo', name: 'odoo' } },
	});
	const ourNode = (parameters: IDataObject) =>
		packageNode('cloudOffix', { resource: 'record', model: { mode: 'name', value: 'res.partner' }, ...parameters }, { cloudOffixApi: 'co' });

	const partners = Number((await harness.run(afterItems([{}], ourNode({ operation: 'count' })))).json('cloudOffix')[0].count);
	const scenarios: Array<[string, IDataObject[], INode, INode]> = [
		['Get Many, Return All, no field list', [{}], ourNode({ operation: 'getMany', returnAll: true }), peerNode({ operation: 'getAll', returnAll: true, options: {} })],
		[
			'Get Many, Return All, no field list, computed fields included',
			[{}],
			ourNode({ operation: 'getMany', returnAll: true, options: { includeComputed: true } }),
			peerNode({ operation: 'getAll', returnAll: true, options: {} }),
		],
		[
			'Get Many, Return All, three named fields',
			[{}],
			ourNode({ operation: 'getMany', returnAll: true, options: { fields: ['name', 'email', 'country_id'], simplify: false } }),
			peerNode({ operation: 'getAll', returnAll: true, options: { fieldsList: 'name,email,country_id' } }),
		],
		[
			'Get by ID, 200 items, two named fields',
			Array.from({ length: 200 }, (_, i) => ({ id: (i % 150) + 1 })),
			ourNode({ operation: 'get', recordId: { mode: 'id', value: '={{$json.id}}' }, options: { fields: ['name', 'email'], simplify: false } }),
			peerNode({ operation: 'get', recordId: '={{$json.id}}', options: { fieldsList: 'name,email' } }),
		],
	];
	const rows: string[] = [];
	for (const [name, input, ours, peer] of scenarios) {
		rows.push(`| ${row(name, await scenario(sandbox, harness, input, ours, peer))} |`);
		process.stderr.write(`bench: ${name} done\n`);
	}
	printTable(
		[
			`CloudOffix node vs n8n's Odoo node v2 (n8n-nodes-base 2.41.1): sandbox scale ${scale} (${number(partners)} partners, ` +
				`computed fields ${computedFieldCostMs} ms per record and field), median of ${repeats} runs each; ratios are ours / peer`,
		],
		['scenario', 'items', 'time', 'requests', 'output size', 'peak heap growth'],
		rows,
	);
	await sandbox.close();
}

runBench(main);
