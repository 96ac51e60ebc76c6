import type { IDataObject, ResourceMapperValue } from 'n8n-workflow';

import { startCloudOffixSandbox, type CloudOffixSandbox, type CloudOffixSandboxOptions } from '../../sandbox/cloudoffix';
import { createHarness, packageNode } from '../harness';
import { recordingMethods, registerIssuedSecrets } from '../harness/secrets';
import { useSandbox } from '../harness/useSandbox';
import { CloudOffix } from '../../nodes/CloudOffix/CloudOffix.node';
import { CloudOffixTrigger } from '../../nodes/CloudOffix/CloudOffixTrigger.node';

/**
 * admin's password in the tests' sandboxes: distinctive, so that the suite's secrets check (test/setup/secrets.ts)
 * looks for it in every test (the seed's 'admin' is too common a word to look for).
 */
export const ADMIN_PASSWORD = 'Adm-5b7e-sbx-pw';

/**
 * A CloudOffix sandbox for a test file, reset before each test, admin's password ADMIN_PASSWORD; the sessions it
 * issues are secrets the secrets check looks for.
 */
export function useCloudOffixSandbox(options: CloudOffixSandboxOptions = {}): () => CloudOffixSandbox {
	const sandbox = useSandbox(() => startCloudOffixSandbox({ adminPassword: ADMIN_PASSWORD, ...options }));
	registerIssuedSecrets(sandbox, 'a session id the CloudOffix sandbox issued', (running) => running.issuedSessionIds());
	return sandbox;
}

export type CloudOffixHarness = ReturnType<typeof cloudOffixHarness>;

/** A harness with the CloudOffix nodes (and `others`, e.g. a test node) and one stored credential `co-1` pointing at the sandbox. */
export function cloudOffixHarness(sandbox: CloudOffixSandbox, data: Record<string, unknown> = {}, others?: Parameters<typeof createHarness>[1]) {
	const harness = createHarness({ cloudOffix: new CloudOffix(), cloudOffixTrigger: new CloudOffixTrigger() }, others);
	harness.addCredential({
		id: 'co-1',
		name: 'CloudOffix account',
		type: 'cloudOffixApi',
		data: { url: `${sandbox.url}/`, db: sandbox.db, login: 'admin', password: ADMIN_PASSWORD, ...data },
	});
	return harness;
}

/**
 * The resource mapper parameter as the n8n editor saves it after the user mapped `value` by hand: the
 * fields the node's mapping method offers for `model` and `operation` as its schema, the mapped ones
 * shown, the others left out (removed), and the fields to match on.
 */
export async function mappedColumns(
	harness: CloudOffixHarness,
	model: string,
	operation: 'create' | 'update' | 'upsert',
	value: IDataObject,
	matchingColumns: string[] = [],
): Promise<ResourceMapperValue> {
	const editing = packageNode('cloudOffix', { resource: 'record', operation, model: { __rl: true, mode: 'list', value: model } }, { cloudOffixApi: 'co-1' });
	const { fields } = await recordingMethods(new CloudOffix().methods).resourceMapping.getMappingColumns.call(harness.loadOptionsContext(editing));
	return {
		mappingMode: 'defineBelow',
		value: value as ResourceMapperValue['value'],
		matchingColumns,
		schema: fields.map((field) => ({ ...field, removed: !(field.id in value) && !matchingColumns.includes(field.id) })),
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}
