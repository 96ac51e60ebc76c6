import { readFileSync } from 'node:fs';

import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type ICredentialType, type IDataObject, type INode, type INodeType, type IVersionedNodeType } from 'n8n-workflow';

import { CloudOffixApi } from '../../credentials/CloudOffixApi.credentials';
import { CodelayerApi } from '../../credentials/CodelayerApi.credentials';
import { testCredential } from './credentialTest';
import { TestCredentialsHelper, type StoredCredential } from './credentialsHelper';
import { ItemsNode, ManualTriggerNode, NoOpNode } from './testNodes';
import { PACKAGE_NAME, TestNodeTypes } from './nodeTypes';
import { TestPoller } from './pollTrigger';
import { additionalDataFor, runWorkflow, type RunOptions, type TestWorkflow } from './runWorkflow';

export type { RunResult, TestWorkflow } from './runWorkflow';
export type { PollResult, TestPoller } from './pollTrigger';
export { captureLogs } from './captureLogs';
export { PACKAGE_NAME };

const CREDENTIAL_TYPES: ICredentialType[] = [new CloudOffixApi(), new CodelayerApi()];

/**
 * One n8n "instance" for a test file: the package's credential types, the given nodes, a credential
 * store, and `run` to execute a workflow through the real engine.
 */
export function createHarness(
	nodes: Record<string, INodeType | IVersionedNodeType> = {},
	/** Other packages' nodes (full type names) and credential types, e.g. n8n's own Odoo node in benchmarks. */
	others: { nodes?: Record<string, INodeType | IVersionedNodeType>; credentialTypes?: ICredentialType[] } = {},
) {
	const credentialTypes = [...CREDENTIAL_TYPES, ...(others.credentialTypes ?? [])];
	const credentials = new TestCredentialsHelper(new Map(credentialTypes.map((type) => [type.name, type])));
	const nodeTypes = new TestNodeTypes()
		.register('test.items', new ItemsNode())
		.register('n8n-nodes-base.noOp', new NoOpNode())
		.register('n8n-nodes-base.manualTrigger', new ManualTriggerNode());
	for (const [name, node] of Object.entries(nodes)) nodeTypes.register(`${PACKAGE_NAME}.${name}`, node);
	for (const [type, node] of Object.entries(others.nodes ?? {})) nodeTypes.register(type, node);

	return {
		credentials,
		addCredential: (credential: StoredCredential) => credentials.add(credential),
		run: async (workflow: TestWorkflow, options?: RunOptions) =>
			await runWorkflow(nodeTypes, credentials, workflow, options),
		/**
		 * Runs a workflow file as exported from the n8n editor, and returns per node named in the file beside
		 * it (`x.json` → `x.expected.json`: node name → expected items' json) the expected and actual items.
		 * A file with pinned data is refused: in n8n pinned data replaces running the node.
		 */
		runFile: async (path: string) => {
			const workflow = JSON.parse(readFileSync(path, 'utf8')) as TestWorkflow & { pinData?: object };
			if (workflow.pinData && Object.keys(workflow.pinData).length > 0) {
				throw new Error(`${path} has pinned data, which n8n would output instead of running the nodes: keep the expected items beside it`);
			}
			const expected = JSON.parse(readFileSync(path.replace(/\.json$/, '.expected.json'), 'utf8')) as Record<string, IDataObject[]>;
			const result = await runWorkflow(nodeTypes, credentials, { nodes: workflow.nodes, connections: workflow.connections });
			const comparisons = Object.entries(expected).map(([node, items]) => ({ node, expected: items, actual: result.json(node) }));
			return { result, comparisons };
		},
		testCredential: async (id: string) => await testCredential(nodeTypes, credentials, id),
		/** A polling trigger node as n8n runs it on an active workflow, its static data kept between polls. */
		poller: (node: INode) => new TestPoller(nodeTypes, credentials, node),
		/** The context n8n gives a node's list searches and load options while the user edits `node`. */
		loadOptionsContext: (node: INode) =>
			new LoadOptionsContext(
				new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false }),
				node,
				additionalDataFor(credentials),
				'parameters',
			),
	};
}

let nodeCounter = 0;

/** A workflow node of this package, with its credential reference, ready for `run`. */
export function packageNode(
	name: string,
	parameters: IDataObject,
	credentials: Record<string, string> = {},
	extra: Partial<INode> = {},
): INode {
	return {
		id: `node-${++nodeCounter}`,
		name: extra.name ?? name,
		type: `${PACKAGE_NAME}.${name}`,
		typeVersion: extra.typeVersion ?? 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: Object.fromEntries(Object.entries(credentials).map(([type, id]) => [type, { id, name: id }])),
		...extra,
	};
}

/** Items → node → …: the first node emits `items`, each node gets the previous one's output as its input. */
export function afterItems(items: IDataObject[], ...nodes: INode[]): TestWorkflow {
	const source: INode = {
		id: `node-${++nodeCounter}`,
		name: 'Items',
		type: 'test.items',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(items) },
	};
	const chain = [source, ...nodes];
	return {
		nodes: chain,
		connections: Object.fromEntries(
			chain.slice(0, -1).map((node, index) => [node.name, { main: [[{ node: chain[index + 1].name, type: 'main', index: 0 }]] }]),
		),
	};
}
