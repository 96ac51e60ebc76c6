/**
 * CloudOffix Create, 1,000 records: the node with batches (load), the node one create per item (Batch Size 1), and
 * a raw undici keep-alive client making one `create` per record at the same concurrency (the one-request-per-item
 * limit), in the same run against the same sandbox, with the sandbox's latency per request as the knob (0 and
 * 20 ms, so that round trips count as they do over a WAN), and n8n's own Odoo node v2 (n8n-nodes-base 2.41.1,
 * one create per item, through the same engine). `bash bench/run` runs it after the read benchmark.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';
import { Pool } from 'undici';

import { CloudOffix } from '../nodes/CloudOffix/CloudOffix.node';
import { startCloudOffixSandbox, type CloudOffixSandbox } from '../sandbox/cloudoffix';
import { afterItems, createHarness, packageNode } from '../test/harness';
import { runBench } from './runBench';
import { printTable } from './table';

const records = Number(process.argv[2] ?? 1000);
const repeats = Number(process.argv[3] ?? 3);
const CONCURRENCY = 4;
const peerRoot = join(process.env.BENCH_PEER ?? '.build/bench-peer', 'node_modules/n8n-nodes-base/dist');
const load = createRequire(__filename);
const { OdooV2 } = load(join(peerRoot, 'nodes/Odoo/v2/OdooV2.node.js')) as { OdooV2: new (base: object) => INodeType };
const { OdooApi } = load(join(peerRoot, 'credentials/OdooApi.credentials.js')) as { OdooApi: new () => ICredentialType };

type Harness = ReturnType<typeof createHarness>;

interface Figures {
	ms: number;
	requests: number;
	cpuMs: number;
}

async function timed(sandbox: CloudOffixSandbox, work: () => Promise<void>): Promise<Figures> {
	const before = sandbox.stats.total;
	const cpu = process.cpuUsage();
	const started = performance.now();
	await work();
	const ms = performance.now() - started;
	const used = process.cpuUsage(cpu);
	return { ms, requests: sandbox.stats.total - before, cpuMs: (used.user + used.system) / 1000 };
}

const names = (run: string) => Array.from({ length: records }, (_, i) => ({ name: `Bench ${run} ${i}`, email: `bench.${run}.${i}@example.com` }));

function nodeCreate(harness: Harness, batchSize: number) {
	const node = packageNode(
		'cloudOffix',
		{ resource: 'record', operation: 'create', model: { mode: 'name', value: 'res.partner' }, fieldsMode: 'json', valuesJson: '={{ JSON.stringify($json) }}', connection: { concurrency: CONCURRENCY, batchSize } },
		{ cloudOffixApi: 'co' },
	);
	return async (run: string) => {
		const result = await harness.run(afterItems(names(run), node));
		if (result.error) throw new Error(`node create failed: ${result.error.message}`);
	};
}

/** n8n's Odoo node v2 (it sends one item at a time, and asks for the user id before every call). */
function odooNodeCreate(harness: Harness) {
	const node = {
		id: 'peer', name: 'Odoo', type: 'n8n-nodes-base.odoo', typeVersion: 2, position: [0, 0] as [number, number],
		parameters: { authentication: 'odooApi', resource: 'custom', customResource: { mode: 'id', value: 'res.partner' }, operation: 'create', fieldsToSend: { mappingMode: 'autoMapInputData', value: {} } },
		credentials: { odooApi: { id: 'odoo', name: 'odoo' } },
	};
	return async (run: string) => {
		const result = await harness.run(afterItems(names(run), node as never));
		if (result.error) throw new Error(`Odoo node create failed: ${result.error.message}`);
	};
}

/** One login, then one call_kw create per record over a keep-alive pool, CONCURRENCY in flight. */
function rawCreate(sandbox: CloudOffixSandbox) {
	return async (run: string) => {
		const pool = new Pool(sandbox.url, { connections: CONCURRENCY });
		const post = async (path: string, params: object, cookie?: string) => {
			const answer = await pool.request({ method: 'POST', path, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params }) });
			const body = (await answer.body.json()) as { error?: unknown };
			if (body.error) throw new Error(JSON.stringify(body.error));
			return answer.headers['set-cookie'];
		};
		const setCookie = await post('/web/session/authenticate', { db: sandbox.db, login: 'admin', password: 'admin' });
		const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0];
		const rows = names(run);
		let next = 0;
		const worker = async () => {
			while (next < rows.length) {
				const row = rows[next++];
				await post('/web/dataset/call_kw', { model: 'res.partner', method: 'create', args: [row], kwargs: {} }, cookie);
			}
		};
		await Promise.all(Array.from({ length: CONCURRENCY }, worker));
		await pool.close();
	};
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const number = (value: number) => Math.round(value).toLocaleString('en-US');

async function main() {
	const sandbox = await startCloudOffixSandbox({ computedFieldCostMs: 0 });
	const harness = createHarness(
		{ cloudOffix: new CloudOffix() },
		{ nodes: { 'n8n-nodes-base.odoo': new OdooV2({ displayName: 'Odoo', name: 'odoo', group: ['transform'], description: 'Odoo' }) }, credentialTypes: [new OdooApi()] },
	);
	harness.addCredential({ id: 'co', name: 'co', type: 'cloudOffixApi', data: { url: sandbox.url, db: sandbox.db, login: 'admin', password: 'admin' } });
	harness.addCredential({ id: 'odoo', name: 'odoo', type: 'odooApi', data: { url: sandbox.url, db: sandbox.db, username: 'admin', password: 'admin' } });

	const sides = {
		'node, batched (Batch Size 500)': nodeCreate(harness, 500),
		'node, one create per item': nodeCreate(harness, 1),
		"n8n's Odoo node v2": odooNodeCreate(harness),
		'raw undici keep-alive client': rawCreate(sandbox),
	} as const;
	const lines: string[] = [];
	for (const latency of [0, 20]) {
		sandbox.faults.clear();
		if (latency > 0) sandbox.faults.set({ kind: 'latency', ms: latency, times: Infinity });
		const figures: Record<string, Figures[]> = {};
		for (let round = 0; round < repeats; round++) {
			const order = Object.entries(sides);
			if (round % 2 === 1) order.reverse();
			for (const [side, create] of order) (figures[side] ??= []).push(await timed(sandbox, async () => await create(`${latency}-${round}-${side.length}`)));
		}
		const raw = median(figures['raw undici keep-alive client'].map((f) => f.ms));
		const odoo = median(figures["n8n's Odoo node v2"].map((f) => f.ms));
		for (const [side, runs] of Object.entries(figures)) {
			const ms = median(runs.map((f) => f.ms));
			const cells = [`${latency} ms`, side, `${number(ms)} ms`, (ms / raw).toFixed(3), (ms / odoo).toFixed(3), number(median(runs.map((f) => f.requests))), `${number(median(runs.map((f) => f.cpuMs)))} ms`];
			lines.push(`| ${cells.join(' | ')} |`);
		}
		process.stderr.write(`bench: create at ${latency} ms done\n`);
	}
	printTable(
		[`CloudOffix Create of ${number(records)} res.partner records (name, email), ${CONCURRENCY} in flight, median of ${repeats} runs; time ratios against the raw client and n8n's Odoo node v2 in the same run`],
		['latency per request', 'client', 'time', 'time / raw client', 'time / Odoo node', 'requests', 'client CPU'],
		lines,
	);
	await sandbox.close();
}

runBench(main);
