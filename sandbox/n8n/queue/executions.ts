import type { ClusterProcess } from './cluster';
import type { PostgresServer } from './postgres';

/**
 * What n8n itself recorded about the executions of a queue-mode cluster.
 *
 * Their outcome: the `execution_entity` table of the shared database (status: new, running, success, error,
 * crashed, canceled, waiting).
 *
 * Which worker ran each: n8n 2.41.1 stores no worker in the database (execution_entity has no such column,
 * execution_metadata holds only what a workflow saves there). The record of it is the log of the worker that took
 * the job: its JobProcessor writes "Worker started execution <id> (job <job>)" before running it and "Worker
 * finished execution <id> (job <job>)" after, with the execution id in the entry's metadata, in that worker's own log
 * file. The main instance's log holds a second, independent record: "Execution <id> (job <job>) finished", written
 * when the worker's job-finished message arrives, with the worker's host id (`workerId`). The suite takes the
 * workers' logs as the source and checks the main's against them.
 */
export interface StoredExecution {
	id: string;
	workflowId: string;
	status: string;
	finished: boolean;
	mode: string;
	startedAt: string | null;
	stoppedAt: string | null;
}

export async function storedExecutions(postgres: PostgresServer, workflowIds: readonly string[]): Promise<StoredExecution[]> {
	const ids = workflowIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(', ');
	return await postgres.queryJson<StoredExecution>(
		`SELECT id::text AS id, "workflowId" AS "workflowId", status, finished, mode, "startedAt" AS "startedAt", "stoppedAt" AS "stoppedAt" ` +
			`FROM execution_entity WHERE "workflowId" IN (${ids}) ORDER BY id`,
	);
}

/** What the workers' logs say about one execution. */
export interface WorkerRun {
	/** The workers that logged starting it (more than one: n8n ran it twice). */
	startedOn: string[];
	/** The workers that logged finishing it. */
	finishedOn: string[];
	/** When each start was logged, per worker (ISO time of the log entry). */
	startedAt: Record<string, string>;
	finishedAt: Record<string, string>;
}

const STARTED = /^Worker started execution (\d+) \(job /;
const FINISHED = /^Worker finished execution (\d+) \(job /;

/** Every execution any worker logged, by execution id. */
export async function workerRuns(workers: readonly ClusterProcess[]): Promise<Map<string, WorkerRun>> {
	const runs = new Map<string, WorkerRun>();
	const runOf = (id: string) => {
		let run = runs.get(id);
		if (!run) runs.set(id, (run = { startedOn: [], finishedOn: [], startedAt: {}, finishedAt: {} }));
		return run;
	};
	for (const worker of workers) {
		for (const entry of await worker.log.entries()) {
			const started = STARTED.exec(entry.message);
			const finished = FINISHED.exec(entry.message);
			const at = String(entry.metadata.timestamp ?? '');
			if (started) {
				const run = runOf(started[1]);
				run.startedOn.push(worker.name);
				run.startedAt[worker.name] = at;
			}
			if (finished) {
				const run = runOf(finished[1]);
				run.finishedOn.push(worker.name);
				run.finishedAt[worker.name] = at;
			}
		}
	}
	return runs;
}

/** The main's record: execution id → the host id of the worker whose job-finished message it received. */
export async function finishedOnMain(main: ClusterProcess): Promise<Map<string, string>> {
	const reported = new Map<string, string>();
	for (const entry of await main.log.entries()) {
		const match = /^Execution (\d+) \(job [^)]*\) finished$/.exec(entry.message);
		if (match) reported.set(match[1], String(entry.metadata.workerId ?? ''));
	}
	return reported;
}

/**
 * The main's account of executions it gave up on: "Problem with execution <id>: <error>. Aborting." (WorkflowRunner
 * processError), e.g. a job that stalled because its worker died.
 */
export async function abortedOnMain(main: ClusterProcess): Promise<Map<string, string>> {
	const aborted = new Map<string, string>();
	for (const entry of await main.log.entries()) {
		const match = /^Problem with execution (\d+): ([\s\S]*?)\.? Aborting\.$/.exec(entry.message);
		if (match) aborted.set(match[1], match[2]);
	}
	return aborted;
}
