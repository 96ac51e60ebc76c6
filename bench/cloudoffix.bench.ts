/**
 * CloudOffix node against n8n's own Odoo node (n8n-nodes-base, the peer), measured in the same run, through
 * the same real n8n engine, against the same sandbox: `bash bench/run [scale] [repeats]`.
 * Reports, per scenario, the median wall time, the requests the server received, the size of the output items
 * and the peak heap growth, and the ratio of ours to the peer's.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { ICredentialType, IDataObject, INode, INodeType } from 'n8n-workflow';

import { CloudOffix } from '../nodes/CloudOffix/CloudOffix.node';
import { startCloudOffixSandbox, type CloudOffixSandbox } from '../sandbox/cloudoffix';
import { afterItems, createHarness, packageNode } from '../test/harness';

const scale = Number(process.argv[2] ?? 80);
const repeats = Number(process.argv[3] ?? 3);
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

async function scenario(sandbox: CloudOffixSandbox, harness: Harness, name: string, input: IDataObject[], ours: INode, peer: INode) {
	const runs: Record<'ours' | 'peer', Measure[]> = { ours: [], peer: [] };
	for (let round = 0; round < repeats; round++) {
		// Alternate the order so that neither side always runs on a warmer process.
		for (const side of round % 2 === 0 ? (['ours', 'peer'] as const) : (['peer', 'ours'] as const)) {
			runs[side].push(await measure(sandbox, harness, afterItems(input, side === 'ours' ? ours : peer)));
		}
	}
	const summary = (side: 'ours' | 'peer') => ({
		ms: median(runs[side].map((m) => m.ms)),
		requests: median(runs[side].map((m) => m.requests)),
		outputBytes: median(runs[side].map((m) => m.outputBytes)),
		peakHeapMb: median(runs[side].map((m) => m.peakHeapMb)),
		items: runs[side][0].items,
	});
	const [o, p] = [summary('ours'), summary('peer')];
	const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(3));
	process.stdout.write(
		[
			`\n## ${name}`,
			'| side | items | median ms | requests | output bytes | peak heap MB |',
			'|---|---|---|---|---|---|',
			`| CloudOffix node | ${o.items} | ${o.ms.toFixed(0)} | ${o.requests} | ${o.outputBytes} | ${o.peakHeapMb.toFixed(1)} |`,
			`| n8n Odoo node (peer) | ${p.items} | ${p.ms.toFixed(0)} | ${p.requests} | ${p.outputBytes} | ${p.peakHeapMb.toFixed(1)} |`,
			`| ours / peer | | ${ratio(o.ms, p.ms)} | ${ratio(o.requests, p.requests)} | ${ratio(o.outputBytes, p.outputBytes)} | ${ratio(o.peakHeapMb, p.peakHeapMb)} |`,
			'',
		].join('\n'),
	);
}

async function main() {
	const sandbox = await startCloudOffixSandbox({ scale });
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

	process.stdout.write(`# CloudOffix node vs n8n's Odoo node: sandbox scale ${scale}, median of ${repeats} runs each\n`);
	await scenario(sandbox, harness, 'Get Many, Return All, no field list (res.partner)', [{}],
		ourNode({ operation: 'getMany', returnAll: true }),
		peerNode({ operation: 'getAll', returnAll: true, options: {} }));
	await scenario(sandbox, harness, 'Get Many, Return All, fields name + email + country', [{}],
		ourNode({ operation: 'getMany', returnAll: true, options: { fields: ['name', 'email', 'country_id'], simplify: false } }),
		peerNode({ operation: 'getAll', returnAll: true, options: { fieldsList: 'name,email,country_id' } }));
	const ids = Array.from({ length: 200 }, (_, i) => ({ id: (i % 150) + 1 }));
	await scenario(sandbox, harness, 'Get by ID, 200 items (fields name + email)', ids,
		ourNode({ operation: 'get', recordId: { mode: 'id', value: '={{$json.id}}' }, options: { fields: ['name', 'email'], simplify: false } }),
		peerNode({ operation: 'get', recordId: '={{$json.id}}', options: { fieldsList: 'name,email' } }));
	await sandbox.close();
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
