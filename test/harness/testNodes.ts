import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

const base = {
	group: ['input'],
	version: 1,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
} satisfies Partial<INodeTypeDescription>;

/** A test-only source node: emits the items of its `items` parameter (JSON array of objects). */
export class ItemsNode implements INodeType {
	description: INodeTypeDescription = {
		...base,
		displayName: 'Items',
		usableAsTool: true,
		name: 'items',
		description: 'Emits fixed items',
		defaults: { name: 'Items' },
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | object[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as object[];
		return [items.map((json) => ({ json: json as INodeExecutionData['json'] }))];
	}
}

/** n8n tests a credential on a temporary `n8n-nodes-base.noOp` node; this stands in for it. */
export class NoOpNode implements INodeType {
	description: INodeTypeDescription = {
		...base,
		displayName: 'No Operation',
		usableAsTool: true,
		name: 'noOp',
		description: 'Passes items through',
		defaults: { name: 'No Operation' },
		// n8n's credential tester runs on a copy of No-Op with this one property, so that the `temp: ''` it sets
		// survives the Workflow's parameter resolution: that is how its CredentialsHelper knows a test is running.
		properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Stands in for n8n's Manual Trigger, so that workflows exported from the editor run unchanged. */
export class ManualTriggerNode implements INodeType {
	description: INodeTypeDescription = {
		...base,
		displayName: 'Manual Trigger',
		usableAsTool: true,
		name: 'manualTrigger',
		description: 'Starts the workflow with one empty item',
		defaults: { name: 'When clicking "Execute workflow"' },
		inputs: [],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}
