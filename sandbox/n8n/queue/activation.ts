import type { RestSession } from '../server';
import type { PostgresServer } from './postgres';

/**
 * Publishing (activating) and unpublishing a workflow on a running n8n 2.41.1, as the editor's Publish button does:
 * `POST /rest/workflows/<id>/activate` with the version to publish, `POST /rest/workflows/<id>/deactivate`.
 *
 * The answer does not mean the workflow is live: with the workflow publication service (on by default in 2.41.1,
 * N8N_USE_WORKFLOW_PUBLICATION_SERVICE) the request only writes a row to `workflow_publication_outbox`, and the
 * main instance's outbox consumer then registers the webhooks and starts the triggers (a polling trigger's first
 * poll included), and marks the row `completed` (or `failed`, `partial_success`, with its errorMessage). Until
 * then a production webhook answers 404. So both wait for that row, reading it every 200 ms.
 */
export async function publishWorkflow(session: RestSession, postgres: PostgresServer, workflowId: string): Promise<void> {
	const { versionId } = await session.request<{ versionId: string }>('GET', `/workflows/${workflowId}`);
	const after = await lastOutboxId(postgres);
	await session.request('POST', `/workflows/${workflowId}/activate`, { versionId });
	await publicationDone(postgres, workflowId, after);
}

export async function unpublishWorkflow(session: RestSession, postgres: PostgresServer, workflowId: string): Promise<void> {
	const after = await lastOutboxId(postgres);
	await session.request('POST', `/workflows/${workflowId}/deactivate`, {});
	await publicationDone(postgres, workflowId, after);
}

interface OutboxRow {
	status: string;
	errorMessage: string | null;
}

const BOUND_MS = 120_000;

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function lastOutboxId(postgres: PostgresServer): Promise<number> {
	const [row] = await postgres.queryJson<{ id: number | null }>('SELECT max(id) AS id FROM workflow_publication_outbox');
	return row?.id ?? 0;
}

/** Waits for the outbox row the request wrote (the workflow's first one after `after`) to be done. */
async function publicationDone(postgres: PostgresServer, workflowId: string, after: number): Promise<void> {
	const until = Date.now() + BOUND_MS;
	for (;;) {
		const [row] = await postgres.queryJson<OutboxRow>(
			`SELECT status, "errorMessage" AS "errorMessage" FROM workflow_publication_outbox WHERE "workflowId" = ${quote(workflowId)} AND id > ${after} ORDER BY id LIMIT 1`,
		);
		if (row?.status === 'completed') return;
		if (row && ['failed', 'partial_success'].includes(row.status)) throw new Error(`publishing ${workflowId} ended ${row.status}: ${row.errorMessage ?? ''}`);
		if (Date.now() > until) throw new Error(`publishing ${workflowId} is still ${row?.status ?? 'not queued'} after ${BOUND_MS} ms`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
