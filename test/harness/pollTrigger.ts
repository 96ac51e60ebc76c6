import { PollContext } from 'n8n-core';
import { Workflow, type IDataObject, type INode, type INodeExecutionData, type WorkflowExecuteMode } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentialsHelper';
import type { TestNodeTypes } from './nodeTypes';
import { additionalDataFor } from './runWorkflow';
import { recordItems, recordProduced } from './secrets';

/** What one poll did: the items it emitted (none when it returned null) and the node's static data after it. */
export interface PollResult {
	items: INodeExecutionData[];
	/** Whether the poll returned null (nothing new). */
	idle: boolean;
}

/**
 * A polling trigger as n8n runs it on an active workflow: each `poll()` builds n8n-core's PollContext over a
 * real Workflow holding the node's static data, calls the node's `poll`, and keeps the static data it left,
 * as n8n stores it between polls. `restart()` reloads that static data from its JSON, as an n8n restart
 * does; `poll('manual')` is the editor's "Fetch Test Event".
 */
export class TestPoller {
	private staticData: IDataObject = {};

	constructor(
		private readonly nodeTypes: TestNodeTypes,
		private readonly credentials: TestCredentialsHelper,
		private readonly node: INode,
	) {}

	/** The node's own static data (what `getWorkflowStaticData('node')` returns to it). */
	get nodeStaticData(): IDataObject {
		return (this.staticData[`node:${this.node.name}`] as IDataObject | undefined) ?? {};
	}

	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<PollResult> {
		const workflow = new Workflow({
			id: 'poll-workflow',
			nodes: [this.node],
			connections: {},
			nodeTypes: this.nodeTypes,
			active: mode !== 'manual',
			staticData: this.staticData,
			settings: { executionOrder: 'v1', timezone: 'UTC' },
		});
		const context = new PollContext(workflow, this.node, additionalDataFor(this.credentials), mode, mode === 'manual' ? 'manual' : 'activate');
		const nodeType = this.nodeTypes.getByNameAndVersion(this.node.type, this.node.typeVersion);
		if (!nodeType.poll) throw new Error(`${this.node.type} has no poll function`);
		const what = `a poll of "${this.node.name}" (${mode})`;
		const result = await nodeType.poll.call(context).catch(async (error: unknown) => {
			recordProduced('error', what, error);
			return await Promise.reject(error as Error);
		});
		this.staticData = workflow.staticData;
		const items = result?.[0] ?? [];
		recordItems(what, items);
		return { items, idle: result === null };
	}

	/** The static data as n8n would reload it from its database after a restart. */
	restart(): void {
		this.staticData = JSON.parse(JSON.stringify(this.staticData)) as IDataObject;
	}
}
