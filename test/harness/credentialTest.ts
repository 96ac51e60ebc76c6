import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type IDataObject, type IHttpRequestOptions, type INode, type INodeParameters } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentialsHelper';
import type { TestNodeTypes } from './nodeTypes';
import { additionalDataFor } from './runWorkflow';
import { recordProduced } from './secrets';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * Tests a stored credential as n8n's credential tester does: on a temporary No-Op node (which makes
 * preAuthentication run whatever is stored), through the real `httpRequestWithAuthentication`, with the
 * credential type's `test.request`, judged by its `rules`.
 */
export async function testCredential(
	nodeTypes: TestNodeTypes,
	credentials: TestCredentialsHelper,
	id: string,
): Promise<CredentialTestResult> {
	const result = await runCredentialTest(nodeTypes, credentials, id);
	recordProduced(result.status === 'OK' ? 'output' : 'error', `the test of credential "${id}"`, result.message);
	return result;
}

async function runCredentialTest(nodeTypes: TestNodeTypes, credentials: TestCredentialsHelper, id: string): Promise<CredentialTestResult> {
	const stored = credentials.store.get(id);
	if (!stored) throw new Error(`No stored credential ${id}`);
	const type = credentials.typeOf(stored.type);
	if (!type.test) throw new Error(`${type.name} has no test request`);
	const node: INode = {
		id: 'temp-node',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: { temp: '' },
		credentials: { [stored.type]: { id, name: stored.name } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
	const context = new LoadOptionsContext(workflow, node, additionalDataFor(credentials), 'temp');
	const request = workflow.expression.getComplexParameterValue(
		node,
		type.test.request as INodeParameters,
		'internal',
		{ $credentials: stored.data },
	) as IDataObject;

	let response: unknown;
	try {
		response = await context.helpers.httpRequestWithAuthentication.call(
			context as never,
			stored.type,
			{
				method: request.method ?? 'GET',
				url: `${String(request.baseURL ?? '')}${String(request.url ?? '')}`,
				body: request.body,
				json: true,
				skipSslCertificateValidation: request.skipSslCertificateValidation === true,
			} as IHttpRequestOptions,
			{ credentialsDecrypted: { id, name: stored.name, type: stored.type, data: { ...stored.data } } },
		);
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	for (const rule of type.test.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const { key, value, message } = rule.properties;
		if (valueAt(response, key) === value) return { status: 'Error', message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

function valueAt(source: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], source);
}
