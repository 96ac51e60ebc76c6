/**
 * One measured side of a CloudOffix benchmark, in a fresh Node process of its own (bench/sides.ts forks it), so
 * that its time, CPU and memory are its own: neither the sandbox (in the parent) nor another side shares the
 * process. It gets its job from the parent, runs the warm-up (loads the code, logs in), collects garbage, takes
 * the baseline RSS and says "ready"; on "go" it runs the job, sampling RSS, and answers with its figures.
 */
import type { IDataObject } from 'n8n-workflow';

import { cloudOffixHarness, type Harness } from './peer';
import { RawClient } from './rawClient';
import type { SideFigures, SideMessage, SideSpec } from './sides';

type Work = () => Promise<unknown[]>;

async function runWorkflow(harness: Harness, workflow: Parameters<Harness['run']>[0]): Promise<IDataObject[]> {
	const result = await harness.run(workflow);
	if (result.error) {
		const description = (result.error as { description?: unknown }).description;
		throw new Error(`${result.error.message}${description ? ` (${String(description)})` : ''}`);
	}
	return result.json(workflow.nodes[workflow.nodes.length - 1].name);
}

/** Sets the job up and runs its warm-up; returns the measured work. */
async function prepare(spec: SideSpec): Promise<{ work: Work; close: () => Promise<void> }> {
	const { job, sandbox } = spec;
	switch (job.kind) {
		case 'workflow': {
			const harness = cloudOffixHarness(sandbox);
			if (job.warmup) await runWorkflow(harness, job.warmup);
			return { work: async () => await runWorkflow(harness, job.workflow), close: async () => undefined };
		}
		case 'rawCreate': {
			const client = await RawClient.login(sandbox, job.concurrency);
			await client.createEach('res.partner', job.warmup, job.concurrency);
			return { work: async () => await client.createEach('res.partner', job.rows, job.concurrency), close: async () => await client.close() };
		}
		case 'rawRead': {
			const client = await RawClient.login(sandbox, 1);
			await client.call('res.partner', 'search_read', [[]], { fields: job.fields, limit: 10, order: 'id' });
			return { work: async () => await client.readAll('res.partner', job.fields, job.pageSize), close: async () => await client.close() };
		}
	}
}

const send = async (message: SideMessage) => await new Promise<void>((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())));

function collectGarbage(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('bench/side.js needs node --expose-gc');
	gc();
	gc();
}

async function main(spec: SideSpec): Promise<void> {
	const { work, close } = await prepare(spec);
	collectGarbage();
	const baseline = process.memoryUsage.rss();
	const maxRssBefore = process.resourceUsage().maxRSS * 1024;
	const go = new Promise<void>((resolve) => process.once('message', () => resolve()));
	await send({ type: 'ready' });
	await go;

	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
	const cpu = process.cpuUsage();
	const started = performance.now();
	let output: unknown[] | undefined;
	let error: string | undefined;
	try {
		output = await work();
	} catch (caught) {
		error = caught instanceof Error ? caught.message : String(caught);
	}
	const ms = performance.now() - started;
	const used = process.cpuUsage(cpu);
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage.rss());
	// maxRSS is the process's high-water mark since it started: it says more than the samples only once the run
	// has gone above what startup and the warm-up reached.
	const maxRss = process.resourceUsage().maxRSS * 1024;
	if (maxRss > maxRssBefore) peak = Math.max(peak, maxRss);

	const figures: SideFigures = {
		ms,
		cpuMs: (used.user + used.system) / 1000,
		baselineRssMb: baseline / 2 ** 20,
		rssGrowthMb: (peak - baseline) / 2 ** 20,
		items: output?.length ?? 0,
		outputBytes: output ? Buffer.byteLength(JSON.stringify(output)) : 0,
		...(error !== undefined ? { error } : {}),
	};
	await close();
	await send({ type: 'done', figures });
	process.disconnect();
}

process.once('message', (spec: SideSpec) => {
	main(spec).catch(async (error: unknown) => {
		const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
		await send({ type: 'failed', error: message }).catch(() => undefined);
		process.exit(1);
	});
});
