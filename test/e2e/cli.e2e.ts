import { readFile } from 'node:fs/promises';

import type { LocalSandboxes } from '../../sandbox/local';
import { CUSTOMERS } from '../../sandbox/codelayer/seed';
import { SAMPLE_SALE_LINES, saleParameters } from '../codelayer/harness';
import { DEMO_CREDENTIALS } from '../../sandbox/n8n/demo';
import type { N8nInstance, WorkflowRun } from '../../sandbox/n8n/instance';
import { importDemoCredentials, newInstance, odooCall, PACKAGE, useLocalSandboxes } from './harness';
import { chainWorkflow, model, recordById } from './workflows';

/**
 * The package as a user installs it, run by n8n's own CLI: workflows imported with `n8n import:workflow` and run
 * with `n8n execute --id`, the demo credentials imported with `n8n import:credentials`; n8n's real
 * CredentialsHelper logs in, stores sessions and keys, and renews them. What each run did is checked in the
 * sandboxes (their records and counters), never only in the node's own output.
 */
const sandboxes = useLocalSandboxes();
let n8n: N8nInstance;
/** Everything every command printed, and every session and key n8n stored, for the secrets check at the end. */
const printed: string[] = [];
const secretsSeen = new Set<string>();

beforeAll(async () => {
	n8n = await newInstance();
	await importDemoCredentials(n8n, sandboxes());
	await n8n.importWorkflow([
		chainWorkflow('e2eCrudChain', crudChain()),
		chainWorkflow('e2eXmlRpcCall', [xmlRpcCount()]),
		chainWorkflow('e2ePartners', [partnersRead()]),
		chainWorkflow('e2eDaySale', daySale()),
		chainWorkflow('e2eRouteDetails', [{ name: 'Route', type: 'codelayer', parameters: { resource: 'route', operation: 'get' } }]),
	]);
});

const LEAD_NAME = 'E2E chain: solar roof';

function crudChain() {
	return [
		{ name: 'Create', type: 'cloudOffix', parameters: { operation: 'create', model: model('crm.lead'), fieldsMode: 'json', valuesJson: JSON.stringify({ name: LEAD_NAME, email_from: 'solar@example.com' }) } },
		{
			name: 'Find',
			type: 'cloudOffix',
			parameters: {
				operation: 'getMany',
				model: model('crm.lead'),
				filterType: 'domain',
				domain: JSON.stringify([['name', '=', LEAD_NAME]]),
				limit: 10,
				options: { fields: ['name', 'email_from', 'planned_revenue'] },
			},
		},
		{ name: 'Update', type: 'cloudOffix', parameters: { operation: 'update', model: model('crm.lead'), recordId: recordById('={{ $json.id }}'), fieldsMode: 'json', valuesJson: '{"planned_revenue": 777.5}' } },
		{ name: 'Read Back', type: 'cloudOffix', parameters: { operation: 'get', model: model('crm.lead'), recordId: recordById('={{ $json.id }}'), options: { fields: ['name', 'planned_revenue'] } } },
		{ name: 'Delete', type: 'cloudOffix', parameters: { operation: 'deleteRecord', model: model('crm.lead'), recordId: recordById('={{ $json.id }}') } },
	];
}

const COMPANIES = [['is_company', '=', true]];

function xmlRpcCount() {
	return {
		name: 'Count Companies',
		type: 'cloudOffix',
		parameters: { resource: 'method', operation: 'call', model: model('res.partner'), method: 'search_count', args: JSON.stringify([COMPANIES]), connection: { wireFormat: 'xmlRpc' } },
	};
}

function partnersRead() {
	return { name: 'Partners', type: 'cloudOffix', parameters: { operation: 'getMany', model: model('res.partner'), limit: 3, options: { fields: ['name'] } } };
}

/** The sample sale to customer 359, then the day's report. */
function daySale() {
	return [
		{ name: 'Sell', type: 'codelayer', parameters: { resource: 'sale', operation: 'create', ...saleParameters() } },
		{ name: 'Report', type: 'codelayer', parameters: { resource: 'sale', operation: 'getReport' } },
	];
}

/** Runs a workflow that must succeed; keeps what n8n printed. */
async function execute(id: string): Promise<WorkflowRun> {
	const { run, result } = await n8n.execute(id);
	printed.push(result.stdout, result.stderr);
	if (!run) throw new Error(`n8n execute --id=${id} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
	return run;
}

function itemsOf(run: WorkflowRun, node: string): Array<Record<string, unknown>> {
	const runs = run.data.resultData.runData[node];
	if (!runs) throw new Error(`${node} did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`);
	return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
}

async function storedCredential(id: string): Promise<Record<string, unknown>> {
	const stored = (await n8n.exportCredentials()).find((credential) => credential.id === id);
	if (!stored) throw new Error(`credential ${id} is not stored`);
	return stored.data;
}

describe('n8n export:nodes', () => {
	it('lists every node of the package, under its package name, with light and dark icons and its credential', async () => {
		const nodes = await n8n.exportNodes();
		const ours = new Map(nodes.filter((node) => String(node.name).startsWith(`${PACKAGE}.`)).map((node) => [String(node.name).slice(PACKAGE.length + 1), node]));
		const manifest = JSON.parse(await readFile(`${__dirname}/../../package.json`, 'utf8')) as { n8n: { nodes: string[] } };
		const declared = manifest.n8n.nodes.map((path) => /([^/]+)\.node\.js$/.exec(path)?.[1] ?? path).map((file) => file[0].toLowerCase() + file.slice(1));
		// n8n adds an AI-tool variant of every node that is usableAsTool (the action nodes, not the triggers).
		expect([...ours.keys()].sort()).toEqual([...declared, 'cloudOffixTool', 'codelayerTool'].sort());
		for (const [name, node] of ours) {
			const icon = node.iconUrl as { light?: string; dark?: string } | undefined;
			expect({ name, light: icon?.light, dark: icon?.dark }).toEqual({ name, light: expect.stringMatching(/\.svg$/), dark: expect.stringMatching(/\.dark\.svg$/) });
			const credentials = (node.credentials as Array<{ name: string }>).map((credential) => credential.name);
			expect(credentials).toEqual([name.startsWith('cloudOffix') ? 'cloudOffixApi' : 'codelayerApi']);
		}
	});
});

describe('CloudOffix through n8n execute', () => {
	it('creates, finds, updates, reads back and deletes a lead in one workflow', async () => {
		const local = sandboxes();
		local.cloudOffix.stats.reset();
		const run = await execute('e2eCrudChain');
		const [created] = itemsOf(run, 'Create');
		const id = created.id as number;
		expect(typeof id).toBe('number');
		expect(itemsOf(run, 'Find')).toEqual([expect.objectContaining({ id, name: LEAD_NAME, email_from: 'solar@example.com' })]);
		expect(itemsOf(run, 'Update')).toEqual([{ id, updated: true }]);
		expect(itemsOf(run, 'Read Back')).toEqual([expect.objectContaining({ id, name: LEAD_NAME, planned_revenue: 777.5 })]);
		expect(itemsOf(run, 'Delete')).toEqual([expect.objectContaining({ id, deleted: true })]);
		const { calls, creates } = local.cloudOffix.stats;
		expect({ creates: creates['crm.lead'], writes: calls['crm.lead.write'], unlinks: calls['crm.lead.unlink'] }).toEqual({ creates: 1, writes: 1, unlinks: 1 });
		expect(await odooCall(local, 'crm.lead', 'search_count', [[['name', '=', LEAD_NAME]]], { context: { active_test: false } })).toBe(0);
	});

	it('calls a model method over XML-RPC', async () => {
		const local = sandboxes();
		local.cloudOffix.stats.reset();
		const run = await execute('e2eXmlRpcCall');
		const requests = { ...local.cloudOffix.stats.requests };
		const companies = await odooCall(local, 'res.partner', 'search_count', [COMPANIES]);
		expect(companies).toBeGreaterThan(0);
		expect(itemsOf(run, 'Count Companies')).toEqual([{ result: companies }]);
		// The credential's login is n8n's preAuthentication (a JSON route); the method itself went over XML-RPC only.
		expect(requests['/xmlrpc/2/object']).toBe(1);
		expect(Object.keys(requests).filter((path) => path.startsWith('/web/dataset') || path === '/jsonrpc')).toEqual([]);
	});
});

describe('Codelayer through n8n execute', () => {
	it('reads the route of the day', async () => {
		const run = await execute('e2eRouteDetails');
		const [route] = itemsOf(run, 'Route');
		expect(route).toEqual(expect.objectContaining({ gp_fyear: sandboxes().codelayer.day.gpFyear }));
	});

	it('saves a sale that the sandbox keeps and the day report then lists', async () => {
		const local = sandboxes();
		const before = local.codelayer.day.sales;
		const run = await execute('e2eDaySale');
		expect(local.codelayer.day.sales).toBe(before + 1);
		expect(itemsOf(run, 'Sell')).toHaveLength(1);
		const customer = CUSTOMERS.find((entry) => entry.custcode === 359);
		const net = SAMPLE_SALE_LINES.reduce((total, line) => total + line.qty * line.rate * (1 + line.taxperc / 100), 0);
		const rows = itemsOf(run, 'Report').map((row) => ({ custname: row.custname, cashreceived: Number(row.cashreceived), netamount: Number(row.netamount) }));
		expect(rows).toEqual([{ custname: customer?.custname, cashreceived: 100, netamount: Number(net.toFixed(2)) }]);
	});
});

describe('sessions and keys in n8n stored credentials', () => {
	interface Renewal {
		credential: string;
		field: 'sessionId' | 'sessionKey';
		workflow: string;
		node: string;
		expire: (local: LocalSandboxes) => void;
		counters: (local: LocalSandboxes) => { logins: number; reset(): void };
	}
	const renewals: Array<[string, Renewal]> = [
		[
			'CloudOffix: an expired session (code 100)',
			{ credential: DEMO_CREDENTIALS.cloudOffix.id, field: 'sessionId', workflow: 'e2ePartners', node: 'Partners', expire: (local) => local.cloudOffix.expireSessions(), counters: (local) => local.cloudOffix.stats },
		],
		[
			'Codelayer: an expired key (e 401)',
			{ credential: DEMO_CREDENTIALS.codelayer.id, field: 'sessionKey', workflow: 'e2eRouteDetails', node: 'Route', expire: (local) => local.codelayer.expireKeys(), counters: (local) => local.codelayer.stats },
		],
	];

	it.each(renewals)('%s is renewed with one login that n8n stores, and the next execution logs in no more', async (_, renewal) => {
		const local = sandboxes();
		const stats = renewal.counters(local);
		const stored = async () => {
			const value = (await storedCredential(renewal.credential))[renewal.field];
			if (typeof value === 'string' && value !== '') secretsSeen.add(value);
			return value;
		};
		await execute(renewal.workflow);
		const first = await stored();
		expect(first).toEqual(expect.stringMatching(/./));

		stats.reset();
		await execute(renewal.workflow);
		expect(stats.logins).toBe(0);

		renewal.expire(local);
		stats.reset();
		const renewed = await execute(renewal.workflow);
		expect(itemsOf(renewed, renewal.node).length).toBeGreaterThan(0);
		expect(stats.logins).toBe(1);
		const second = await stored();
		expect(second).toEqual(expect.stringMatching(/./));
		expect(second).not.toBe(first);

		stats.reset();
		await execute(renewal.workflow);
		expect(stats.logins).toBe(0);
		expect(await stored()).toBe(second);
	});

	// The sandboxes' demo passwords (admin, password) are words any log may hold: the unit suites check passwords.
	it('leaves no session id or key in what n8n printed or logged', async () => {
		for (const credential of await n8n.exportCredentials()) {
			for (const value of [credential.data.sessionId, credential.data.sessionKey]) if (typeof value === 'string' && value !== '') secretsSeen.add(value);
		}
		const secrets = [...secretsSeen];
		// Each service's first and renewed session or key at least.
		expect(secrets.length).toBeGreaterThanOrEqual(4);
		const everything = [...printed, await readFile(n8n.logFile, 'utf8')].join('\n');
		expect(secrets.filter((secret) => everything.includes(secret))).toEqual([]);
	});
});
