import { randomUUID } from 'node:crypto';

import { DEMO_CREDENTIALS } from '../../../sandbox/n8n/demo';
import { PACKAGE } from '../harness';

/**
 * The workflows of the queue-mode suite, as the editor saves them. Production executions start from a Webhook node
 * (production URL /webhook/<path>, answered once the last node has run: n8n's main instance enqueues the execution
 * and waits for the worker's result) or from one of the package's polling triggers, whose workflow reports each
 * emitted item to a recorder the test hosts.
 */
export interface QueueStep {
	name: string;
	/** One of the package's nodes (by its short type) or any full n8n type. */
	type: 'cloudOffix' | 'codelayer' | 'cloudOffixTrigger' | 'codelayerRouteReportTrigger' | string;
	parameters: Record<string, unknown>;
	typeVersion?: number;
	/** n8n's "Execute Once": the node runs for the first input item only. */
	executeOnce?: boolean;
}

const CREDENTIALS: Record<string, Record<string, { id: string; name: string }>> = {
	cloudOffix: { cloudOffixApi: DEMO_CREDENTIALS.cloudOffix },
	cloudOffixTrigger: { cloudOffixApi: DEMO_CREDENTIALS.cloudOffix },
	codelayer: { codelayerApi: DEMO_CREDENTIALS.codelayer },
	codelayerRouteReportTrigger: { codelayerApi: DEMO_CREDENTIALS.codelayer },
};

function node(step: QueueStep, index: number): Record<string, unknown> {
	const ours = step.type in CREDENTIALS;
	return {
		id: randomUUID(),
		name: step.name,
		type: ours ? `${PACKAGE}.${step.type}` : step.type,
		typeVersion: step.typeVersion ?? 1,
		position: [240 * index, 0],
		parameters: step.parameters,
		...(step.executeOnce ? { executeOnce: true } : {}),
		...(ours ? { credentials: CREDENTIALS[step.type] } : {}),
	};
}

/** `steps` in a chain, each fed by the one before. */
function chain(id: string, steps: QueueStep[], extra: Record<string, unknown> = {}): Record<string, unknown> {
	const nodes = steps.map((step, index) => ({ ...node(step, index), ...(index === 0 ? extra : {}) }));
	const connections = Object.fromEntries(steps.slice(0, -1).map((step, index) => [step.name, { main: [[{ node: steps[index + 1].name, type: 'main', index: 0 }]] }]));
	return { id, name: id, active: false, nodes, connections, settings: { executionOrder: 'v1' } };
}

/**
 * POST /webhook/<path> with `{ items: [...] }` → one item per entry of `items` (Split Out) → `steps`. The answer is
 * every item of the last node (responseMode lastNode, allEntries).
 */
export function webhookWorkflow(id: string, path: string, steps: QueueStep[]): Record<string, unknown> {
	const webhook: QueueStep = {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	};
	const split: QueueStep = { name: 'Split Out', type: 'n8n-nodes-base.splitOut', parameters: { fieldToSplitOut: 'body.items', options: {} } };
	return chain(id, [webhook, split, ...steps], { webhookId: randomUUID() });
}

/**
 * A polling trigger of the package → HTTP Request: each emitted item is POSTed to `recorder` with the execution's id
 * and `source`, so the test counts what the trigger emitted where n8n cannot have merged or dropped anything.
 */
export function triggerWorkflow(id: string, trigger: QueueStep, recorder: string, source: string): Record<string, unknown> {
	const report: QueueStep = {
		name: 'Report the item',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: recorder,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ source: ${JSON.stringify(source)}, execution: $execution.id, item: $json }) }}`,
			options: {},
		},
	};
	return chain(id, [trigger, report]);
}

/**
 * Poll Times of one poll every `everySeconds` seconds. n8n 2.41.1 refuses a poll time that fires more than once a
 * minute (ActiveWorkflowTriggers: "The polling interval is too short"), judging each entry alone: an entry that is a
 * cron expression with one fixed second (`15 * * * * *`) fires once a minute, so 60 / everySeconds of them, at
 * different seconds, poll every `everySeconds` seconds.
 */
export function pollEvery(everySeconds: number): { item: Array<{ mode: 'custom'; cronExpression: string }> } {
	const seconds = Array.from({ length: Math.floor(60 / everySeconds) }, (_, index) => index * everySeconds);
	return { item: seconds.map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) };
}

/** The model resource locator as the editor fills it "By Name". */
export const model = (name: string) => ({ __rl: true, mode: 'name', value: name });
