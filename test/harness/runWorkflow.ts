import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	createRunExecutionData,
	type ExecutionError,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentialsHelper';
import type { TestNodeTypes } from './nodeTypes';
import { recordRun } from './secrets';

export interface TestWorkflow {
	nodes: INode[];
	connections?: IConnections;
}

export interface RunOptions {
	/** Items handed to the first node (default: one empty item, as a manual trigger gives). */
	input?: IDataObject[];
	mode?: WorkflowExecuteMode;
}

export interface RunResult {
	run: IRun;
	/** The workflow-level error, when the run failed. */
	error?: ExecutionError;
	/** Items of a node's first output in its last run (with json, pairedItem and error if any). */
	output(nodeName: string): INodeExecutionData[];
	/** Just the json of `output(nodeName)`. */
	json(nodeName: string): IDataObject[];
}

/** The parts of the n8n execution context that a test run needs; nothing in it is a mock. */
export function additionalDataFor(credentialsHelper: TestCredentialsHelper, hooks?: ExecutionLifecycleHooks) {
	const refuse = async () => {
		throw new Error('Not available in tests');
	};
	const data: Partial<IWorkflowExecuteAdditionalData> = {
		credentialsHelper,
		hooks,
		executeWorkflow: refuse,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: refuse,
		logAiEvent: () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
	};
	return data as IWorkflowExecuteAdditionalData;
}

let executionCounter = 0;

/** Runs a workflow through n8n-core's WorkflowExecute, exactly as n8n runs a manual execution. */
export async function runWorkflow(
	nodeTypes: TestNodeTypes,
	credentialsHelper: TestCredentialsHelper,
	definition: TestWorkflow,
	options: RunOptions = {},
): Promise<RunResult> {
	const mode = options.mode ?? 'manual';
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: definition.nodes,
		connections: definition.connections ?? {},
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1' },
	});
	const executionId = String(++executionCounter);
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: 'test-workflow',
		name: 'Test workflow',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes: definition.nodes,
		connections: definition.connections ?? {},
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));

	// The run starts at the node nothing connects into, as a manual run starts at its trigger.
	const startNode = definition.nodes.find((node) => workflow.getParentNodes(node.name).length === 0);
	if (!startNode) throw new Error('The workflow has no start node');
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: startNode, data: { main: [(options.input ?? [{}]).map((json) => ({ json }))] }, source: null },
			],
		},
	});

	const additionalData = additionalDataFor(credentialsHelper, hooks);
	additionalData.executionId = executionId;
	await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	const run = await finished;
	recordRun(run, `execution ${executionId}`);

	const output = (nodeName: string): INodeExecutionData[] => {
		const runs = run.data.resultData.runData[nodeName];
		if (!runs?.length) throw new Error(`Node "${nodeName}" did not run${describeError(run.data.resultData.error)}`);
		return runs[runs.length - 1].data?.main?.[0] ?? [];
	};
	return {
		run,
		error: run.data.resultData.error,
		output,
		json: (nodeName) => output(nodeName).map((item) => item.json),
	};
}

function describeError(error: ExecutionError | undefined): string {
	return error ? `: ${error.message}` : '';
}
