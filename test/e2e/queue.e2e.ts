import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { startCloudOffixSandbox } from '../../sandbox/cloudoffix';
import { startCodelayerSandbox } from '../../sandbox/codelayer';
import { SAMPLE_USERS } from '../../sandbox/codelayer/seed';
import type { LocalSandboxes, SandboxAddresses } from '../../sandbox/local';
import { demoCredentials } from '../../sandbox/n8n/demo';
import { publishWorkflow, unpublishWorkflow } from '../../sandbox/n8n/queue/activation';
import { startQueueCluster, type QueueCluster } from '../../sandbox/n8n/queue/cluster';
import { abortedOnMain, finishedOnMain, storedExecutions, workerRuns, type StoredExecution, type WorkerRun } from '../../sandbox/n8n/queue/executions';
import { RestSession } from '../../sandbox/n8n/server';
import { SAMPLE_SALE_LINES, saleParameters } from '../codelayer/harness';
import { ARTEFACTS, codelayerCall, n8nBin, odooCall } from './harness';
import { startRecorder, type Recorded, type Recorder } from './queue/recorder';
import { model, pollEvery, triggerWorkflow, webhookWorkflow, type QueueStep } from './queue/workflows';

/**
 * The package in n8n's queue mode (issue 14): one `n8n start` main instance and two `n8n worker` processes on one
 * PostgreSQL and one Redis (sandbox/n8n/queue/cluster.ts), each process with its own user folder and its own copy
 * of the packed package installed as a community package. Production executions come in through webhooks (the main
 * instance enqueues them, the workers run them) and through the package's two polling triggers (which poll on the
 * main instance; their executions run on the workers). What each execution did is counted in the sandboxes, what
 * n8n did in its database and its processes' logs (sandbox/n8n/queue/executions.ts says which record tells what).
 * Each scenario prints one summary line and asserts its numbers. The scenarios run in order on one cluster; the last
 * one kills a worker.
 */

const WORKERS = ['A', 'B'];
/** Jobs per worker at once (`n8n worker --concurrency`): 5 is the least n8n does not warn about. */
const CONCURRENCY = 5;
/** Distinctive passwords, which the secrets check looks for in everything printed and logged. */
const CLOUDOFFIX_ADMIN = { login: 'admin', password: 'Queue-Adm-7f3c' };
const CODELAYER_USER = { ...SAMPLE_USERS[0], password: 'Queue-Pw-19ab5d' };

const WORKFLOWS = {
	cloudOffix: { id: 'queueCloudOffix01', path: 'queue-cloudoffix' },
	codelayer: { id: 'queueCodelayer001', path: 'queue-codelayer' },
	kill: { id: 'queueWorkerKill01', path: 'queue-worker-kill' },
	cloudOffixTrigger: { id: 'queueCoTrigger001' },
	codelayerTrigger: { id: 'queueClTrigger001' },
} as const;

/**
 * n8n's worker locks, shortened so that a killed worker's jobs are noticed in seconds rather than a minute: a worker
 * renews the lock of each job it runs every 2 s; a job whose lock lapsed for 10 s is stalled, which a live worker's
 * check (every 2 s) finds. n8n 2.41.1 sets Bull's maxStalledCount to 0: a stalled job fails, it is never run again.
 */
const LOCKS = { QUEUE_WORKER_LOCK_DURATION: '10000', QUEUE_WORKER_LOCK_RENEW_TIME: '2000', QUEUE_WORKER_STALLED_INTERVAL: '2000' };

let sandboxes: LocalSandboxes;
let cluster: QueueCluster;
let session: RestSession;
let recorder: Recorder;
/** Called after every request either sandbox answered (its log line): what a scenario does as the run goes. */
const onSandboxRequest = new Set<() => void>();
const summaries: string[] = [];

function summary(line: string): void {
	summaries.push(line);
	process.stdout.write(`${line}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// The workflows

const cloudOffixSteps = (createConnection: Record<string, unknown>): QueueStep[] => [
	{
		name: 'Create one by one',
		type: 'cloudOffix',
		parameters: {
			operation: 'create',
			model: model('crm.lead'),
			fieldsMode: 'json',
			valuesJson: '={{ JSON.stringify({ name: $json.one, description: "execution " + $execution.id }) }}',
			connection: { batchSize: 1, ...createConnection },
		},
	},
	{
		name: 'Create in one load',
		type: 'cloudOffix',
		parameters: {
			operation: 'create',
			model: model('crm.lead'),
			fieldsMode: 'json',
			valuesJson: `={{ JSON.stringify({ name: $('Split Out').item.json.load, description: "execution " + $execution.id }) }}`,
		},
	},
	{
		name: 'Read back',
		type: 'cloudOffix',
		executeOnce: true,
		parameters: {
			operation: 'getMany',
			model: model('crm.lead'),
			filterType: 'domain',
			domain: `={{ JSON.stringify([["name", "=like", $('Split Out').first().json.prefix + "%"]]) }}`,
			returnAll: true,
			options: { fields: ['name', 'description'] },
		},
	},
];

const codelayerSteps: QueueStep[] = [
	{ name: 'Save the sale', type: 'codelayer', parameters: { resource: 'sale', operation: 'create', ...saleParameters({ custcode: '={{ $json.custcode }}', cashreceived: '={{ $json.cash }}' }) } },
	{ name: 'Read the report', type: 'codelayer', executeOnce: true, parameters: { resource: 'sale', operation: 'getReport' } },
];

/** The leads the CloudOffix Trigger watches: every change of one (create or write) is a change to emit. */
const TRIGGER_LEADS = 'q3 ';

function workflows(recorderUrl: string): Array<Record<string, unknown>> {
	return [
		webhookWorkflow(WORKFLOWS.cloudOffix.id, WORKFLOWS.cloudOffix.path, cloudOffixSteps({})),
		webhookWorkflow(WORKFLOWS.codelayer.id, WORKFLOWS.codelayer.path, codelayerSteps),
		// One create at a time, each slowed by the sandbox (below): executions last long enough to be cut in the middle.
		webhookWorkflow(WORKFLOWS.kill.id, WORKFLOWS.kill.path, cloudOffixSteps({ concurrency: 1 })),
		triggerWorkflow(
			WORKFLOWS.cloudOffixTrigger.id,
			{
				name: 'Lead changed',
				type: 'cloudOffixTrigger',
				parameters: {
					pollTimes: pollEvery(2),
					model: model('crm.lead'),
					event: 'createdOrUpdated',
					filterType: 'domain',
					domain: JSON.stringify([['name', '=like', `${TRIGGER_LEADS}%`]]),
					options: { fields: ['name', 'write_date'] },
				},
			},
			recorderUrl,
			'cloudoffix',
		),
		triggerWorkflow(
			WORKFLOWS.codelayerTrigger.id,
			{ name: 'New van sale', type: 'codelayerRouteReportTrigger', parameters: { pollTimes: pollEvery(2), filters: {}, options: { numbers: true } } },
			recorderUrl,
			'codelayer',
		),
	];
}

// ---------------------------------------------------------------------------------------------------------------
// Set-up

beforeAll(async () => {
	const log = () => {
		for (const watcher of [...onSandboxRequest]) watcher();
	};
	const cloudOffix = await startCloudOffixSandbox({ adminPassword: CLOUDOFFIX_ADMIN.password, log });
	// Room on the van for every sale of the suite.
	const codelayer = await startCodelayerSandbox({ users: [CODELAYER_USER], loadFactor: 50, log });
	const addresses: SandboxAddresses = {
		cloudOffix: { url: cloudOffix.url, db: cloudOffix.db, ...CLOUDOFFIX_ADMIN },
		codelayer: { url: codelayer.url, licenseUrl: codelayer.licenseUrl, ...CODELAYER_USER },
	};
	sandboxes = { cloudOffix, codelayer, addresses, describe: () => [], close: async () => void (await Promise.all([cloudOffix.close(), codelayer.close()])) };
	recorder = await startRecorder();
	cluster = await startQueueCluster({
		bin: n8nBin(),
		tarball: process.env.E2E_TARBALL ?? '',
		root: process.env.E2E_ROOT ?? '',
		workers: WORKERS,
		concurrency: CONCURRENCY,
		env: LOCKS,
		beforeStart: async (cli) => {
			await cli.importCredentials(demoCredentials(addresses));
			await cli.importWorkflow(workflows(recorder.url));
		},
	});
	session = await RestSession.asOwner(cluster.main.url);
	for (const { id } of [WORKFLOWS.cloudOffix, WORKFLOWS.codelayer, WORKFLOWS.kill]) await publishWorkflow(session, cluster.postgres, id);
}, 300_000);

afterAll(async () => {
	try {
		await cluster?.stop();
	} finally {
		await Promise.all([sandboxes?.close(), recorder?.close()]);
		if (summaries.length > 0) {
			await mkdir(ARTEFACTS, { recursive: true });
			await writeFile(join(ARTEFACTS, 'queue-summary.txt'), `${summaries.join('\n')}\n`);
		}
	}
}, 120_000);

// ---------------------------------------------------------------------------------------------------------------
// Helpers

interface Answer {
	status: number;
	body: unknown;
}

async function post(path: string, body: unknown): Promise<Answer> {
	const answer = await fetch(`${cluster.main.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const text = await answer.text();
	try {
		return { status: answer.status, body: JSON.parse(text) as unknown };
	} catch {
		return { status: answer.status, body: text };
	}
}

/** Re-checks `condition` every 100 ms until it holds; fails after `boundMs` (a bound on a run that went wrong). */
async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, boundMs = 120_000): Promise<void> {
	const until = Date.now() + boundMs;
	while (!(await condition())) {
		if (Date.now() > until) throw new Error(`still waiting after ${boundMs} ms for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

const odoo = async <T>(modelName: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<T> =>
	(await odooCall(sandboxes, modelName, method, args, kwargs)) as T;

type Lead = { id: number; name: string; description: string | false; write_date?: string };

/** The leads whose name starts with `prefix` (search, then read: the triggers' polls are the only search_read of crm.lead). */
async function leadsNamed(prefix: string, fields = ['name', 'description']): Promise<Lead[]> {
	const ids = await odoo<number[]>('crm.lead', 'search', [[['name', '=like', `${prefix}%`]]], { context: { active_test: false } });
	return ids.length === 0 ? [] : await odoo<Lead[]>('crm.lead', 'read', [ids, fields]);
}

const codelayerApi = async (path: string, body: Record<string, unknown> = {}) => await codelayerCall(sandboxes, path, body);

/** A sale saved the way a device saves one (Route Save), on the day Route Details names; `cash` tells it apart. */
async function saveSale(cash: string): Promise<void> {
	const { gp_fyear } = ((await codelayerApi('sales/route_details')).details as Array<Record<string, string>>)[0];
	await codelayerApi('sales/route_save', {
		gp_fyear,
		custcode: '447',
		salemode: 'Cash',
		paymentmode: 'C',
		cashreceived: cash,
		specialdisc: '0',
		roff: '0',
		datetime: '2019-07-01 10:15:00',
		sales: [{ itemcode: '1', qty: '2', rate: '10', taxperc: '5' }],
	});
}

type ReportRow = Record<'custname' | 'salemode' | 'paymentmode' | 'cashreceived' | 'netamount' | 'specialdisc', string>;

const routeReport = async () => ((await codelayerApi('sales/route_report')).details as ReportRow[] | undefined) ?? [];

/** Values that occur more than once, and how often. */
function repeated(values: readonly string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 1));
}

/** The executions of a workflow after `afterId`, as n8n stored them. */
async function executionsOf(workflowId: string, afterId = 0): Promise<StoredExecution[]> {
	return (await storedExecutions(cluster.postgres, [workflowId])).filter((execution) => Number(execution.id) > afterId);
}

async function lastExecutionId(): Promise<number> {
	const [row] = await cluster.postgres.queryJson<{ id: number | null }>('SELECT max(id) AS id FROM execution_entity');
	return row?.id ?? 0;
}

/** How many of `executions` each worker ran, by the workers' logs; an execution started on no worker or on two is an error. */
async function byWorker(executions: readonly StoredExecution[]): Promise<{ counts: Record<string, number>; runs: Map<string, WorkerRun> }> {
	const runs = await workerRuns(cluster.workers);
	const counts = Object.fromEntries(WORKERS.map((name) => [name, 0]));
	for (const execution of executions) {
		const run = runs.get(execution.id);
		expect({ execution: execution.id, startedOn: run?.startedOn.length }).toEqual({ execution: execution.id, startedOn: 1 });
		counts[run?.startedOn[0] ?? ''] += 1;
	}
	return { counts, runs };
}

const workerText = (counts: Record<string, number>) => WORKERS.map((name) => `worker ${name} ${counts[name]}`).join(', ');

/** For each moment, how many executions each worker was running then (started before, finished after or never). */
function runningAt(moments: readonly string[], runs: Map<string, WorkerRun>, ids: readonly string[]): Array<Record<string, number>> {
	return moments.map((moment) =>
		Object.fromEntries(
			WORKERS.map((name) => [
				name,
				ids.filter((id) => {
					const run = runs.get(id);
					const started = run?.startedAt[name];
					const finished = run?.finishedAt[name];
					return started !== undefined && started <= moment && (finished === undefined || finished >= moment);
				}).length,
			]),
		),
	);
}

/** The main's record agrees: it received a job-finished message for each of `ids`. */
async function expectMainSawFinished(ids: readonly string[]): Promise<void> {
	const reported = await finishedOnMain(cluster.main);
	expect(ids.filter((id) => !reported.has(id))).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------------------
// The scenarios

/**
 * Expiries from these fractions of a run's writes on, while the queue holds more than the workers run. The expiry is
 * the sandbox dropping every session (key) at once, as a server restart or a logout everywhere would: an idle expiry
 * (sessionIdleSeconds, keyIdleSeconds) never comes while the workers keep the session busy, and expireSessionAfter
 * arms one session for a number of calls, at a point no test can place between the workers' requests.
 */
const EXPIRY_POINTS = [0.2, 0.35, 0.5, 0.65];

/** How many executions each worker is running now, by the workers' logs (started, not finished yet). */
async function runningNow(): Promise<Record<string, number>> {
	const runs = [...(await workerRuns(cluster.workers)).values()];
	return Object.fromEntries(WORKERS.map((name) => [name, runs.filter((run) => run.startedOn.includes(name) && !run.finishedOn.includes(name)).length]));
}

/**
 * Expires the service's sessions (or keys) once `progress()` has passed each of EXPIRY_POINTS of `total`, at a moment
 * both workers are running at least two executions (by their logs), so that renewals happen on both at once. Checked
 * after every request the sandboxes answer; returns the moments (ISO) at which it expired.
 */
function expireAlong(progress: () => number, total: number, expire: () => void, logins: () => number): Expiries {
	const moments: string[] = [];
	const loginsBefore: number[] = [];
	let checking = false;
	const watcher = () => {
		if (checking || moments.length >= EXPIRY_POINTS.length || progress() < EXPIRY_POINTS[moments.length] * total) return;
		checking = true;
		void runningNow()
			.then((running) => {
				if (moments.length >= EXPIRY_POINTS.length || !WORKERS.every((name) => running[name] >= 2)) return;
				loginsBefore.push(logins());
				expire();
				moments.push(new Date().toISOString());
			})
			.catch(() => undefined)
			.finally(() => (checking = false));
	};
	onSandboxRequest.add(watcher);
	return { moments, loginsBefore, stop: () => void onSandboxRequest.delete(watcher) };
}

interface Expiries {
	/** When each expiry happened (ISO). */
	moments: string[];
	/** The sandbox's login count just before each expiry. */
	loginsBefore: number[];
	stop(): void;
}

/**
 * Logins against expiries, from the sandbox's login counter. The session (key) lives in the credential, in the shared
 * database: an execution that renews it stores the new one for every process. Within one process the package renews
 * once per expiry for every execution running there (nodes/shared/sessionRefresh.ts); another worker that renewed
 * in between is answered as expired and renews once for its own process. So: no login before the first expiry (all
 * executions, on both workers, share the session the warm-up stored); after each expiry at least one (the run went
 * on, which takes a live session) and at most one per worker. Returns the logins after each expiry.
 */
function expectLoginsBounded(expiries: Expiries, logins: number): number[] {
	const { moments, loginsBefore } = expiries;
	expect(moments).toHaveLength(EXPIRY_POINTS.length);
	expect(loginsBefore[0]).toBe(0);
	const after = moments.map((_, index) => (loginsBefore[index + 1] ?? logins) - loginsBefore[index]);
	for (const [index, count] of after.entries()) {
		expect({ expiry: index, logins: count, atLeastOne: count >= 1, atMostOnePerWorker: count <= WORKERS.length }).toEqual({
			expiry: index,
			logins: count,
			atLeastOne: true,
			atMostOnePerWorker: true,
		});
	}
	return after;
}

/** The executions of a workflow after `before`: all `count` succeeded, each run by one worker, each result seen by the main. */
async function expectAllSucceeded(workflowId: string, before: number, count: number) {
	const executions = await executionsOf(workflowId, before);
	expect(executions.map((execution) => execution.status)).toEqual(Array(count).fill('success'));
	const { counts, runs } = await byWorker(executions);
	const ids = executions.map((execution) => execution.id);
	await expectMainSawFinished(ids);
	return { counts, runs, ids };
}

/**
 * Both workers ran a share, every expiry came while both were running executions, and logins were bounded
 * (expectLoginsBounded); the summary's part on expiries and logins.
 */
function expectedLogins(what: 'session' | 'key', counts: Record<string, number>, runs: Map<string, WorkerRun>, ids: readonly string[], expiries: Expiries, logins: number): string {
	for (const name of WORKERS) expect(counts[name]).toBeGreaterThan(0);
	const busy = runningAt(expiries.moments, runs, ids);
	for (const running of busy) for (const name of WORKERS) expect(running[name]).toBeGreaterThan(0);
	const perExpiry = expectLoginsBounded(expiries, logins);
	const runningText = busy.map((running) => WORKERS.map((name) => running[name]).join('+')).join(', ');
	return `${what} expiries ${expiries.moments.length}, logins ${logins} (0 before the first expiry, ${perExpiry.join(', ')} after each; running at each on A+B: ${runningText})`;
}

describe('n8n queue mode: a main instance and two workers on PostgreSQL and Redis', () => {
	it('CloudOffix: creates one by one and in one load, read back, while sessions expire; nothing lost, nothing created twice', async () => {
		const { cloudOffix } = sandboxes;
		const ITEMS = 5;
		const REQUESTS = 60;
		const body = (run: string, items: number) => ({
			items: Array.from({ length: items }, (_, index) => ({ prefix: `${run}:`, one: `${run}:one:${index}`, load: `${run}:load:${index}` })),
		});
		// One execution first stores the credential's session; the run then starts with a session every worker shares.
		const warmUp = await post(WORKFLOWS.cloudOffix.path, body('q1 warm-up', 1));
		expect(warmUp.status).toBe(200);
		const before = await lastExecutionId();
		cloudOffix.stats.reset();
		// Each write waits 50 ms at the sandbox, as over a network: executions overlap for longer.
		cloudOffix.faults.set({ kind: 'latency', ms: 50, route: '/web/dataset', times: Infinity });
		const expiries = expireAlong(() => cloudOffix.stats.creates['crm.lead'] ?? 0, REQUESTS * ITEMS * 2, () => cloudOffix.expireSessions(), () => cloudOffix.stats.logins);

		const answers = await Promise.all(Array.from({ length: REQUESTS }, async (_, request) => await post(WORKFLOWS.cloudOffix.path, body(`q1 ${request}`, ITEMS))));
		expiries.stop();
		cloudOffix.faults.clear();
		const logins = cloudOffix.stats.logins;

		// What n8n recorded: every execution succeeded, each run by one worker.
		const { counts, runs, ids } = await expectAllSucceeded(WORKFLOWS.cloudOffix.id, before, REQUESTS);

		// What the sandbox holds: each item once, written by the execution that answered for it.
		const stored = await leadsNamed('q1 ', ['name', 'description']);
		const expected = Array.from({ length: REQUESTS }, (_, request) => Array.from({ length: ITEMS }, (__, index) => [`q1 ${request}:one:${index}`, `q1 ${request}:load:${index}`]).flat()).flat();
		const names = stored.map((lead) => lead.name).filter((name) => !name.startsWith('q1 warm-up'));
		const lost = expected.filter((name) => !names.includes(name));
		const duplicated = repeated(names);
		expect({ lost, duplicated, unexpected: names.filter((name) => !expected.includes(name)) }).toEqual({ lost: [], duplicated: {}, unexpected: [] });
		for (const [request, answer] of answers.entries()) {
			const records = answer.body as Lead[];
			expect({ request, status: answer.status, names: Array.isArray(records) ? records.map((record) => record.name).sort() : answer.body }).toEqual({
				request,
				status: 200,
				names: expected.filter((name) => name.startsWith(`q1 ${request}:`)).sort(),
			});
			// One execution wrote all of a request's records, and n8n recorded it as a success.
			const writers = [...new Set(records.map((record) => record.description))];
			expect(writers).toHaveLength(1);
			expect(ids).toContain(String(writers[0]).replace('execution ', ''));
		}

		const renewals = expectedLogins('session', counts, runs, ids, expiries, logins);

		summary(
			`queue: CloudOffix creates and reads: executions ${REQUESTS} (${workerText(counts)}), items ${expected.length}, lost ${lost.length}, ` +
				`duplicated ${Object.keys(duplicated).length}, ${renewals}`,
		);
	}, 300_000);

	it('Codelayer: sales saved and the report read back, while keys expire; nothing lost, nothing saved twice', async () => {
		const { codelayer } = sandboxes;
		const ITEMS = 4;
		const REQUESTS = 60;
		const customers = [359, 447, 512, 731];
		const cashOf = (request: number, index: number) => 1000 + request * ITEMS + index;
		const body = (request: number) => ({ items: Array.from({ length: ITEMS }, (_, index) => ({ custcode: customers[index % customers.length], cash: cashOf(request, index) })) });
		const warmUp = await post(WORKFLOWS.codelayer.path, { items: [{ custcode: 623, cash: 1 }] });
		expect(warmUp.status).toBe(200);
		const before = await lastExecutionId();
		const salesBefore = codelayer.day.sales;
		codelayer.stats.reset();
		// Each sale waits 100 ms at the sandbox, as over a network: executions overlap for longer.
		codelayer.faults.set({ kind: 'latency', ms: 100, path: 'sales/route_save', times: Infinity });
		const expiries = expireAlong(() => codelayer.day.sales - salesBefore, REQUESTS * ITEMS, () => codelayer.expireKeys(), () => codelayer.stats.logins);

		const answers = await Promise.all(Array.from({ length: REQUESTS }, async (_, request) => await post(WORKFLOWS.codelayer.path, body(request))));
		expiries.stop();
		codelayer.faults.clear();
		const logins = codelayer.stats.logins;

		const { counts, runs, ids } = await expectAllSucceeded(WORKFLOWS.codelayer.id, before, REQUESTS);

		const expected = Array.from({ length: REQUESTS }, (_, request) => Array.from({ length: ITEMS }, (__, index) => cashOf(request, index).toFixed(2))).flat();
		const saved = (await routeReport()).map((row) => row.cashreceived).filter((cash) => Number(cash) >= 1000);
		const lost = expected.filter((cash) => !saved.includes(cash));
		const duplicated = repeated(saved);
		expect({ lost, duplicated, unexpected: saved.filter((cash) => !expected.includes(cash)) }).toEqual({ lost: [], duplicated: {}, unexpected: [] });
		const net = SAMPLE_SALE_LINES.reduce((total, line) => total + line.qty * line.rate * (1 + line.taxperc / 100), 0);
		for (const [request, answer] of answers.entries()) {
			// The report the execution read after saving holds its own sales, each once, at the sample's net amount.
			const rows = Array.isArray(answer.body) ? (answer.body as Array<Record<string, unknown>>) : [];
			const own = rows.filter((row) => Array.from({ length: ITEMS }, (_, index) => cashOf(request, index)).includes(Number(row.cashreceived)));
			expect({ request, status: answer.status, own: own.map((row) => Number(row.cashreceived)).sort((a, b) => a - b), net: [...new Set(own.map((row) => Number(row.netamount)))] }).toEqual({
				request,
				status: 200,
				own: Array.from({ length: ITEMS }, (_, index) => cashOf(request, index)),
				net: [Number(net.toFixed(2))],
			});
		}

		const renewals = expectedLogins('key', counts, runs, ids, expiries, logins);

		summary(
			`queue: Codelayer writes and reads: executions ${REQUESTS} (${workerText(counts)}), items ${expected.length}, lost ${lost.length}, ` +
				`duplicated ${Object.keys(duplicated).length}, ${renewals}`,
		);
	}, 300_000);

	it('both triggers poll on the main instance and every change is emitted once, run on the workers', async () => {
		const { cloudOffix, codelayer } = sandboxes;
		const before = await lastExecutionId();
		const reportsBefore = codelayer.stats.requests['sales/route_report'] ?? 0;
		const leadPollsBefore = cloudOffix.stats.calls['crm.lead.search_read'] ?? 0;
		// Publishing runs each trigger's first poll, which sets its cursor at what already exists: changes start after.
		await publishWorkflow(session, cluster.postgres, WORKFLOWS.cloudOffixTrigger.id);
		await publishWorkflow(session, cluster.postgres, WORKFLOWS.codelayerTrigger.id);
		expect(codelayer.stats.requests['sales/route_report'] ?? 0).toBeGreaterThan(reportsBefore);

		// Polling and enqueueing are the main's: with both workers frozen (SIGSTOP), the main still polls both triggers,
		// finds a change of each and enqueues an execution for it; the workers run them once they go on (SIGCONT).
		for (const worker of cluster.workers) worker.process.signal('SIGSTOP');
		const frozenPolls = { reports: codelayer.stats.requests['sales/route_report'] ?? 0, leads: cloudOffix.stats.calls['crm.lead.search_read'] ?? 0 };
		let queuedWhileFrozen: StoredExecution[] = [];
		try {
			await odoo('crm.lead', 'create', [{ name: `${TRIGGER_LEADS}while the workers are frozen` }]);
			await saveSale('4999.00');
			await waitUntil(async () => {
				queuedWhileFrozen = [...(await executionsOf(WORKFLOWS.cloudOffixTrigger.id, before)), ...(await executionsOf(WORKFLOWS.codelayerTrigger.id, before))];
				return queuedWhileFrozen.length >= 2;
			}, 'the main to enqueue an execution of each trigger while the workers are frozen');
			expect(queuedWhileFrozen.map((execution) => execution.status)).toEqual(['new', 'new']);
			expect((codelayer.stats.requests['sales/route_report'] ?? 0) - frozenPolls.reports).toBeGreaterThan(0);
			expect((cloudOffix.stats.calls['crm.lead.search_read'] ?? 0) - frozenPolls.leads).toBeGreaterThan(0);
		} finally {
			for (const worker of cluster.workers) worker.process.signal('SIGCONT');
		}
		const sales: string[] = ['4999.00'];
		const leadChanges = new Set<string>((await leadsNamed(TRIGGER_LEADS, ['write_date'])).map((lead) => `${lead.id}@${String(lead.write_date)}`));

		const WAVES = 14;
		let serial = 0;
		const recorded = (source: string) => recorder.received.filter((entry) => entry.source === source);
		const leadKey = (item: Record<string, unknown>) => `${String(item.id)}@${String(item.write_date)}`;
		let sameSecondUpdates = 0;
		for (let wave = 0; wave < WAVES; wave++) {
			if (wave === WAVES / 2) {
				// Halfway, once everything so far was emitted: the sessions and keys the main's polls use expire, and
				// Codelayer's route starts a new day (its report starts empty; Route Details names the new gatepass).
				cloudOffix.expireSessions();
				codelayer.expireKeys();
				codelayer.startNewDay();
			}
			const existing = await leadsNamed(TRIGGER_LEADS, ['name', 'write_date']);
			for (let index = 0; index < 3; index++) await odoo('crm.lead', 'create', [{ name: `${TRIGGER_LEADS}wave ${wave} lead ${index}` }]);
			// Two leads of earlier waves change. One written within the second of its last stamp keeps that stamp: to the
			// trigger (and to anyone reading the record) it is the change it already emitted, not a new one.
			const changed = existing.slice(0, 2);
			for (const lead of changed) await odoo('crm.lead', 'write', [[lead.id], { description: `changed in wave ${wave}` }]);
			for (let index = 0; index < 2; index++) {
				serial++;
				const cash = (5000 + serial).toFixed(2);
				await saveSale(cash);
				sales.push(cash);
			}
			const now = await leadsNamed(TRIGGER_LEADS, ['name', 'write_date']);
			for (const lead of changed) if (now.find((candidate) => candidate.id === lead.id)?.write_date === lead.write_date) sameSecondUpdates++;
			for (const lead of now) leadChanges.add(`${lead.id}@${String(lead.write_date)}`);
			await waitUntil(
				() =>
					[...leadChanges].every((key) => recorded('cloudoffix').some((entry) => leadKey(entry.item) === key)) &&
					sales.every((cash) => recorded('codelayer').some((entry) => Number(entry.item.cashreceived) === Number(cash))),
				`the changes of wave ${wave} to be emitted`,
			);
		}
		const polls = (codelayer.stats.requests['sales/route_report'] ?? 0) - reportsBefore;
		const leadPolls = (cloudOffix.stats.calls['crm.lead.search_read'] ?? 0) - leadPollsBefore;
		await unpublishWorkflow(session, cluster.postgres, WORKFLOWS.cloudOffixTrigger.id);
		await unpublishWorkflow(session, cluster.postgres, WORKFLOWS.codelayerTrigger.id);

		// Every change emitted once, nothing else emitted.
		const emittedLeads = recorded('cloudoffix').map((entry) => leadKey(entry.item));
		const emittedSales = recorded('codelayer').map((entry) => Number(entry.item.cashreceived).toFixed(2));
		expect({ lost: [...leadChanges].filter((key) => !emittedLeads.includes(key)), duplicated: repeated(emittedLeads), unexpected: emittedLeads.filter((key) => !leadChanges.has(key)) }).toEqual({
			lost: [],
			duplicated: {},
			unexpected: [],
		});
		expect({ lost: sales.filter((cash) => !emittedSales.includes(cash)), duplicated: repeated(emittedSales), unexpected: emittedSales.filter((cash) => !sales.includes(cash)) }).toEqual({
			lost: [],
			duplicated: {},
			unexpected: [],
		});

		// The executions the polls started ran on the workers and succeeded.
		const executions = await executionsOf(WORKFLOWS.cloudOffixTrigger.id, before).then(async (leads) => [...leads, ...(await executionsOf(WORKFLOWS.codelayerTrigger.id, before))]);
		expect(executions.map((execution) => [execution.mode, execution.status])).toEqual(executions.map(() => ['trigger', 'success']));
		const ids = executions.map((execution) => execution.id);
		expect([...new Set(recorder.received.map((entry: Recorded) => entry.execution))].filter((id) => !ids.includes(id))).toEqual([]);
		const { counts } = await byWorker(executions);
		expect(polls).toBeGreaterThan(WAVES);

		summary(
			`queue: triggers on the main instance: polls ${polls} (Codelayer) and ${leadPolls} (CloudOffix), 2 changes enqueued by the main while both workers were frozen, changes ${leadChanges.size + sales.length} ` +
				`(${leadChanges.size} lead creates and updates, ${sales.length} sales; ${sameSecondUpdates} updates within their lead's last second, not a new change), ` +
				`emitted ${emittedLeads.length + emittedSales.length}, lost 0, duplicated 0, executions ${executions.length} (${workerText(counts)})`,
		);
	}, 300_000);

	it('a worker killed in the middle of a run: what n8n reports as success was done exactly once', async () => {
		const { cloudOffix } = sandboxes;
		const ITEMS = 6;
		const REQUESTS = 30;
		const [survivor, victim] = cluster.workers;
		const body = (request: number) => ({
			items: Array.from({ length: ITEMS }, (_, index) => ({ prefix: `q4 ${request}:`, one: `q4 ${request}:one:${index}`, load: `q4 ${request}:load:${index}` })),
		});
		const before = await lastExecutionId();
		// Each create waits 200 ms at the sandbox before it runs: an execution lasts more than a second.
		const CREATE_MS = 200;
		cloudOffix.faults.set({ kind: 'latency', ms: CREATE_MS, method: 'crm.lead.create', times: Infinity });
		const answered = new Set<number>();
		const answers = Array.from({ length: REQUESTS }, async (_, request) => {
			const reply = await post(WORKFLOWS.kill.path, body(request)).catch((error: unknown) => ({ status: 0, body: String(error) }));
			answered.add(request);
			return reply;
		});

		// The kill: once the victim has finished an execution and is in the middle of two, one of which has created some
		// of its records one by one but at least two are still to come (so at least 2 × CREATE_MS of work is left to it
		// when the signal goes, a few milliseconds later), while the queue still holds executions nobody started.
		let cutOff = 0;
		await waitUntil(async () => {
			const runs = await workerRuns(cluster.workers);
			const onVictim = [...runs.entries()].filter(([id, run]) => Number(id) > before && run.startedOn.includes(victim.name));
			const running = onVictim.filter(([, run]) => !run.finishedOn.includes(victim.name)).map(([id]) => id);
			const started = [...runs.keys()].filter((id) => Number(id) > before).length;
			if (onVictim.length - running.length < 1 || running.length < 2 || started >= REQUESTS) return false;
			const written = await odoo<Lead[]>('crm.lead', 'search_read', [[['description', 'in', running.map((id) => `execution ${id}`)]]], { fields: ['name', 'description'] });
			const midway = running.some((id) => {
				const own = written.filter((lead) => lead.description === `execution ${id}`).length;
				return own > 0 && own <= ITEMS - 2;
			});
			if (!midway) return false;
			victim.process.signal('SIGKILL');
			cutOff = running.length;
			return true;
		}, 'the victim worker to be in the middle of executions');
		await victim.process.exited;
		const killedAt = Date.now();

		// n8n finishes what it can: wait until it has a final status for every execution (none new or running).
		await waitUntil(async () => {
			const executions = await executionsOf(WORKFLOWS.kill.id, before);
			return executions.length === REQUESTS && executions.every((execution) => !['new', 'running'].includes(execution.status));
		}, 'n8n to settle every execution of the run', 180_000);
		const settledAfter = Math.round((Date.now() - killedAt) / 1000);
		cloudOffix.faults.clear();
		const executions = await executionsOf(WORKFLOWS.kill.id, before);
		// And the main answers every webhook request, the cut-off ones included (bounded: a request left hanging fails here).
		await waitUntil(() => answered.size === REQUESTS, 'the main instance to answer every webhook request', 60_000);
		const replies = await Promise.all(answers);

		const runs = await workerRuns(cluster.workers);
		const successes = executions.filter((execution) => execution.status === 'success').map((execution) => execution.id);
		const failed = executions.filter((execution) => execution.status !== 'success');
		const startedOn = (id: string) => runs.get(id)?.startedOn ?? [];
		const unfinishedOnVictim = executions.filter((execution) => startedOn(execution.id).includes(victim.name) && !runs.get(execution.id)?.finishedOn.includes(victim.name)).map((execution) => execution.id);
		const stored = await leadsNamed('q4 ', ['name', 'description']);
		const recordsOf = (id: string) => stored.filter((lead) => lead.description === `execution ${id}`);
		// n8n ran no execution twice: a stalled job is failed, never handed to another worker.
		expect(executions.filter((execution) => startedOn(execution.id).length > 1).map((execution) => execution.id)).toEqual([]);
		// What did not succeed is what the kill cut off: started on the victim and never finished there, or taken by it
		// from the queue before it logged starting (started on no worker).
		expect(failed.length).toBeGreaterThan(0);
		expect(failed.filter((execution) => !unfinishedOnVictim.includes(execution.id) && startedOn(execution.id).length > 0).map((execution) => execution.id)).toEqual([]);
		// Each success: all its items, each once, on one worker.
		const lostOrDuplicated = successes.filter((id) => {
			const names = recordsOf(id).map((lead) => lead.name);
			return names.length !== ITEMS * 2 || new Set(names).size !== names.length || startedOn(id).length !== 1;
		});
		expect(lostOrDuplicated).toEqual([]);
		expect(repeated(stored.map((lead) => lead.name))).toEqual({});
		// The records of the executions n8n failed: what each had created when the worker died (each once, as above), all
		// of them for one that died after its creates; one was cut off in the middle of its creates one by one (the
		// create the sandbox was holding when the worker died still ran: it was sent).
		const partial = failed.map((execution) => recordsOf(execution.id).length);
		expect(partial.some((count) => count > 0 && count < ITEMS)).toBe(true);
		// The answers of the successes are their records.
		for (const [request, reply] of replies.entries()) {
			if (reply.status !== 200) continue;
			const names = (reply.body as Lead[]).map((lead) => lead.name).sort();
			expect({ request, names }).toEqual({ request, names: Array.from({ length: ITEMS }, (_, index) => [`q4 ${request}:load:${index}`, `q4 ${request}:one:${index}`]).flat().sort() });
		}
		// n8n's word on each: the main gave up on it, with the stalled-job error.
		const aborted = await abortedOnMain(cluster.main);
		expect(failed.map((execution) => [execution.id, aborted.has(execution.id)])).toEqual(failed.map((execution) => [execution.id, true]));
		const reasons = [...new Set(failed.map((execution) => aborted.get(execution.id) ?? ''))];
		const on = (name: string) => executions.filter((execution) => startedOn(execution.id)[0] === name).length;
		const statuses = Object.entries(tally(executions.map((execution) => execution.status))).map(([status, count]) => `${status} ${count}`).join(', ');
		const answerText = Object.entries(tally(replies.map((reply) => String(reply.status)))).map(([status, count]) => `${status === '0' ? 'none' : status} ×${count}`).join(', ');
		expect(on(survivor.name) + on(victim.name) + executions.filter((execution) => startedOn(execution.id).length === 0).length).toBe(REQUESTS);

		summary(
			`queue: worker killed mid-run: executions ${REQUESTS} (worker ${survivor.name} ${on(survivor.name)}, worker ${victim.name} ${on(victim.name)}, ` +
				`SIGKILL with ${cutOff} running), n8n: ${statuses} (settled ${settledAfter} s after the kill; main: "${reasons.join('" / "').slice(0, 62)}…"); the failed ones held ${partial.join(', ')} of ${ITEMS * 2} records; webhook answers ${answerText}; ` +
				`items of successes ${successes.length * ITEMS * 2}, lost 0, duplicated 0, run twice 0`,
		);
	}, 300_000);

	it('printed and logged no password, session id or key', async () => {
		const secrets = [
			...cluster.secrets(),
			CLOUDOFFIX_ADMIN.password,
			CODELAYER_USER.password,
			...sandboxes.cloudOffix.issuedSessionIds(),
			...sandboxes.codelayer.issuedKeys(),
		];
		expect(sandboxes.cloudOffix.issuedSessionIds().length).toBeGreaterThan(1);
		expect(sandboxes.codelayer.issuedKeys().length).toBeGreaterThan(1);
		const logs = await Promise.all([cluster.main, ...cluster.workers].map(async (process) => await process.log.text()));
		const outputs = [cluster.main, ...cluster.workers].map((process) => process.process.output());
		const everything = [...logs, ...outputs, ...summaries].join('\n');
		expect(logs.every((text) => text.length > 0)).toBe(true);
		expect(secrets.filter((secret) => everything.includes(secret))).toEqual([]);
	});
});

/** How often each value occurs. */
function tally(values: readonly string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}
