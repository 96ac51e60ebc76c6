/**
 * The CloudOffix benchmarks' two nodes: ours, and the peer, n8n's own Odoo node v2 from n8n-nodes-base 2.41.1,
 * which bench/run installs into .build/bench-peer (BENCH_PEER), both registered in one harness (the real n8n
 * engine) with a credential each for the same sandbox.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { ICredentialType, IDataObject, INode, INodeType } from 'n8n-workflow';

import { CloudOffix } from '../nodes/CloudOffix/CloudOffix.node';
import { createHarness, packageNode } from '../test/harness';

export const PEER_VERSION = '2.41.1';
export const ODOO_NODE = "n8n's Odoo node v2";

/** Where a sandbox answers: its URL and database. */
export interface SandboxAddress {
	url: string;
	db: string;
}

export type Harness = ReturnType<typeof createHarness>;

function loadPeer() {
	const root = join(process.env.BENCH_PEER ?? '.build/bench-peer', 'node_modules/n8n-nodes-base/dist');
	const load = createRequire(__filename);
	const { OdooV2 } = load(join(root, 'nodes/Odoo/v2/OdooV2.node.js')) as { OdooV2: new (base: object) => INodeType };
	const { OdooApi } = load(join(root, 'credentials/OdooApi.credentials.js')) as { OdooApi: new () => ICredentialType };
	return { OdooV2, OdooApi };
}

/** A harness with our CloudOffix node (credential "co") and n8n's Odoo node (credential "odoo") for `sandbox`. */
export function cloudOffixHarness(sandbox: SandboxAddress): Harness {
	const { OdooV2, OdooApi } = loadPeer();
	const harness = createHarness(
		{ cloudOffix: new CloudOffix() },
		{ nodes: { 'n8n-nodes-base.odoo': new OdooV2({ displayName: 'Odoo', name: 'odoo', group: ['transform'], description: 'Odoo' }) }, credentialTypes: [new OdooApi()] },
	);
	harness.addCredential({ id: 'co', name: 'co', type: 'cloudOffixApi', data: { url: sandbox.url, db: sandbox.db, login: 'admin', password: 'admin' } });
	harness.addCredential({ id: 'odoo', name: 'odoo', type: 'odooApi', data: { url: sandbox.url, db: sandbox.db, username: 'admin', password: 'admin' } });
	return harness;
}

/** Our node on a res.partner record operation. */
export function ourRecordNode(parameters: IDataObject): INode {
	return packageNode('cloudOffix', { resource: 'record', model: { mode: 'name', value: 'res.partner' }, ...parameters }, { cloudOffixApi: 'co' });
}

/** n8n's Odoo node v2 on res.partner (its "custom resource"). */
export function odooNode(parameters: IDataObject): INode {
	return {
		id: 'peer',
		name: 'Odoo',
		type: 'n8n-nodes-base.odoo',
		typeVersion: 2,
		position: [0, 0],
		parameters: { authentication: 'odooApi', resource: 'custom', customResource: { mode: 'id', value: 'res.partner' }, ...parameters } as INode['parameters'],
		credentials: { odooApi: { id: 'odoo', name: 'odoo' } },
	};
}
