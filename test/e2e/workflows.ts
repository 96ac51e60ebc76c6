import { randomUUID } from 'node:crypto';

import { DEMO_CREDENTIALS } from '../../sandbox/n8n/demo';
import { PACKAGE } from './harness';

/** A node of a test workflow: one of the package's nodes (by its short type) or any full n8n type. */
export interface StepNode {
	name: string;
	type: 'cloudOffix' | 'codelayer' | string;
	parameters: Record<string, unknown>;
}

const CREDENTIALS: Record<string, Record<string, { id: string; name: string }>> = {
	cloudOffix: { cloudOffixApi: DEMO_CREDENTIALS.cloudOffix },
	codelayer: { codelayerApi: DEMO_CREDENTIALS.codelayer },
};

/**
 * A workflow as the editor saves it: a Manual Trigger (where `n8n execute` starts) and then `steps`, each fed by
 * the one before; the package's nodes use the demo credentials. `id` (at most 21 characters) addresses it.
 */
export function chainWorkflow(id: string, steps: StepNode[]): Record<string, unknown> {
	const trigger = { id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodes = steps.map((step, index) => ({
		id: randomUUID(),
		name: step.name,
		type: step.type in CREDENTIALS ? `${PACKAGE}.${step.type}` : step.type,
		typeVersion: 1,
		position: [240 * (index + 1), 0],
		parameters: step.parameters,
		...(CREDENTIALS[step.type] ? { credentials: CREDENTIALS[step.type] } : {}),
	}));
	const names = [trigger.name, ...steps.map((step) => step.name)];
	const connections = Object.fromEntries(names.slice(0, -1).map((name, index) => [name, { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] }]));
	return { id, name: id, active: false, nodes: [trigger, ...nodes], connections, settings: { executionOrder: 'v1' } };
}

/** The model resource locator as the editor fills it "By Name". */
export const model = (name: string) => ({ __rl: true, mode: 'name', value: name });

/** The record resource locator "By ID" (an expression or a number). */
export const recordById = (value: string | number) => ({ __rl: true, mode: 'id', value });
