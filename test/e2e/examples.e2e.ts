import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { DEMO_CREDENTIALS } from '../../sandbox/n8n/demo';
import type { N8nInstance, WorkflowRun } from '../../sandbox/n8n/instance';
import { RestSession, startN8n, type RunningN8n } from '../../sandbox/n8n/server';
import { importDemoCredentials, n8nBin, newInstance, odooCall, codelayerCall, PACKAGE, useLocalSandboxes } from './harness';
import { PushConnection, runManually, type ManualExecution } from './manualRun';

/**
 * The example workflows of examples/ as a user gets them: imported into real n8n with the demo credentials (which
 * point at the local sandboxes), the Manual-Trigger ones run with `n8n execute --id`, the trigger ones run in manual
 * mode through the editor's REST route on `n8n start` (what "Execute workflow" / "Fetch Test Event" does), waited
 * for on n8n's push connection (manualRun.ts). Every expected value is read from the sandboxes themselves
 * (CloudOffix over its JSON-RPC API, Codelayer over its API and its handle) or computed from what the test or the
 * example sent them, never taken from what n8n output. The tests of a describe block run in order and build on each
 * other's data (the sales the day report totals, the leads the sync links).
 */

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const MANUAL = 'When clicking ‘Execute workflow’';

interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

interface Example {
	file: string;
	id: string;
	name: string;
	nodes: ExampleNode[];
	connections: Record<string, unknown>;
}

const examples: Example[] = readdirSync(EXAMPLES)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => ({ file, ...(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Omit<Example, 'file'>) }));

function example(file: string): Example {
	const found = examples.find((candidate) => candidate.file === file);
	if (!found) throw new Error(`examples/${file} is missing`);
	return found;
}

/** Which test runs each example, and how: a new example without a run here fails the first test. */
const RUN_BY_CLI = [
	'cloudoffix-lead-to-partner.json',
	'cloudoffix-nightly-partner-export.json',
	'codelayer-day-report.json',
	'codelayer-record-van-sale.json',
	'partners-by-external-id.json',
	'quotation-pdf-to-lead.json',
];
const RUN_FROM_TRIGGER: Record<string, string> = {
	'cloudoffix-new-lead-notification.json': 'New CRM lead',
	'codelayer-van-sale-to-cloudoffix.json': 'New van sale',
};

const sandboxes = useLocalSandboxes();
let cli: N8nInstance;
let server: RunningN8n | undefined;

beforeAll(async () => {
	cli = await newInstance();
	await importDemoCredentials(cli, sandboxes());
	// As a user imports them: the files themselves (`file` is this suite's own field).
	for (const { file } of examples) await cli.importWorkflow(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as object);
});

afterAll(async () => {
	await server?.stop();
});

// ---------------------------------------------------------------------------------------------------------------
// The sandboxes, read directly

type OdooRecord = Record<string, unknown> & { id: number };

const odoo = async <T>(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<T> =>
	(await odooCall(sandboxes(), model, method, args, kwargs)) as T;

const searchRead = async (model: string, domain: unknown[], fields: string[], context: Record<string, unknown> = {}) =>
	await odoo<OdooRecord[]>(model, 'search_read', [domain], { fields, context });

const codelayer = async (path: string, body: Record<string, unknown> = {}) => await codelayerCall(sandboxes(), path, body);

type ReportRow = Record<'custname' | 'salemode' | 'paymentmode' | 'cashreceived' | 'netamount' | 'specialdisc', string>;

const routeReport = async () => (await codelayer('sales/route_report')).details as ReportRow[];
const routeDetails = async () => ((await codelayer('sales/route_details')).details as Array<Record<string, string>>)[0];

/** Codelayer's net amount of a sale: its lines with their tax, less the special discount, plus the round-off. */
function netAmount(lines: Array<{ qty: number; rate: number; taxperc: number }>, specialdisc: number, roff: number): number {
	return lines.reduce((total, line) => total + (line.qty * line.rate * (100 + line.taxperc)) / 100, 0) - specialdisc + roff;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

// ---------------------------------------------------------------------------------------------------------------
// n8n's answers

type Item = { json: Record<string, unknown>; binary?: Record<string, Record<string, unknown>> };

/** The items a node output in a run (its first run, first output). */
function itemsOf(run: WorkflowRun | undefined, node: string): Item[] {
	const task = run?.data.resultData.runData[node]?.[0];
	if (!task) throw new Error(`node "${node}" did not run; nodes that ran: ${Object.keys(run?.data.resultData.runData ?? {}).join(', ')}`);
	if (task.error) throw new Error(`node "${node}" failed: ${task.error.message}`);
	return (task.data?.main?.[0] ?? []) as Item[];
}

const jsonOf = (run: WorkflowRun | undefined, node: string) => itemsOf(run, node).map((item) => item.json);

/** `n8n execute --id` of an example, which must succeed. */
async function execute(file: string): Promise<WorkflowRun> {
	const { run, result } = await cli.execute(example(file).id);
	if (!run) throw new Error(`n8n execute --id=${example(file).id} exited ${result.code}:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
	expect(run.data.resultData.error).toBeUndefined();
	return run;
}

/** RFC 4180 CSV, as the Spreadsheet File node writes it (SheetJS): quoted fields may hold commas, quotes and newlines. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const endField = () => {
		row.push(field);
		field = '';
	};
	const endRow = () => {
		endField();
		rows.push(row);
		row = [];
	};
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (quoted) {
			if (char !== '"') field += char;
			else if (text[index + 1] === '"') field += text[++index];
			else quoted = false;
		} else if (char === '"') quoted = true;
		else if (char === ',') endField();
		else if (char === '\n') endRow();
		else if (char !== '\r') field += char;
	}
	if (field !== '' || row.length > 0) endRow();
	return rows;
}

// ---------------------------------------------------------------------------------------------------------------

describe('the example files', () => {
	it('are at least five workflows as the editor downloads them, each run by this suite', () => {
		expect(examples.length).toBeGreaterThanOrEqual(5);
		for (const { file, id, name, nodes, connections } of examples) {
			expect({ file, kebabCase: /^[a-z0-9]+(-[a-z0-9]+)*\.json$/.test(file) }).toEqual({ file, kebabCase: true });
			expect({ file, id: /^[A-Za-z0-9]{16}$/.test(id) }).toEqual({ file, id: true });
			expect(name.trim().length).toBeGreaterThan(10);
			expect(nodes.length).toBeGreaterThan(1);
			expect(Object.keys(connections).length).toBeGreaterThan(0);
		}
		expect(new Set(examples.map(({ id }) => id)).size).toBe(examples.length);
		expect([...RUN_BY_CLI, ...Object.keys(RUN_FROM_TRIGGER)].sort()).toEqual(examples.map(({ file }) => file));
	});

	it('name only the demo credentials, on every node of the package', () => {
		const demo = [{ cloudOffixApi: DEMO_CREDENTIALS.cloudOffix }, { codelayerApi: DEMO_CREDENTIALS.codelayer }];
		for (const { file, nodes } of examples) {
			for (const node of nodes) {
				const ours = node.type.startsWith(`${PACKAGE}.`);
				const expected = !ours ? undefined : node.type.includes('.cloudOffix') ? demo[0] : demo[1];
				expect({ file, node: node.name, credentials: node.credentials }).toEqual({ file, node: node.name, credentials: expected });
			}
		}
	});

	it('start where they are run: a Manual Trigger for the CLI, the named trigger of the package otherwise', () => {
		for (const file of RUN_BY_CLI) expect(example(file).nodes.filter((node) => node.type === 'n8n-nodes-base.manualTrigger').map((node) => node.name)).toEqual([MANUAL]);
		for (const [file, trigger] of Object.entries(RUN_FROM_TRIGGER)) {
			expect(example(file).nodes.find((node) => node.name === trigger)?.type).toMatch(new RegExp(`^${PACKAGE}\\.(cloudOffixTrigger|codelayerRouteReportTrigger)$`));
		}
	});
});

describe('n8n execute --id', () => {
	it('cloudoffix-lead-to-partner: each lead with an email and no partner is linked to the partner of that email, created or updated', async () => {
		const file = 'cloudoffix-lead-to-partner.json';
		const leads = await searchRead('crm.lead', [], ['name', 'partner_id', 'email_from', 'contact_name', 'partner_name']);
		const unlinked = leads.filter((lead) => lead.partner_id === false && typeof lead.email_from === 'string' && lead.email_from !== '').sort((a, b) => a.id - b.id);
		expect(unlinked.length).toBeGreaterThanOrEqual(5);
		// One of them already has a partner with its email (not linked): Create or Update must update that one.
		const known = unlinked[2];
		const existing = await odoo<number>('res.partner', 'create', [{ name: 'Old name from a trade fair', email: known.email_from }]);
		const partnersBefore = await odoo<number>('res.partner', 'search_count', [[]], { context: { active_test: false } });

		const run = await execute(file);

		expect(jsonOf(run, 'Get leads without a partner').map((lead) => lead.id)).toEqual(unlinked.map((lead) => lead.id));
		const upserted = jsonOf(run, 'Create or update partner');
		expect(upserted.map((item) => item.action)).toEqual(unlinked.map((lead) => (lead === known ? 'updated' : 'created')));
		expect(upserted[unlinked.indexOf(known)].id).toBe(existing);
		expect(jsonOf(run, 'Link lead to partner')).toEqual(unlinked.map((lead) => ({ id: lead.id, updated: true })));

		const linked = await searchRead('crm.lead', [['id', 'in', unlinked.map((lead) => lead.id)]], ['partner_id', 'email_from'], { active_test: false });
		const partners = await searchRead('res.partner', [['id', 'in', upserted.map((item) => item.id)]], ['name', 'email', 'comment']);
		for (const [index, lead] of unlinked.entries()) {
			const partnerId = (linked.find((candidate) => candidate.id === lead.id)?.partner_id as [number, string] | false) || [0, ''];
			expect({ lead: lead.id, partner: partnerId[0] }).toEqual({ lead: lead.id, partner: upserted[index].id });
			const partner = partners.find((candidate) => candidate.id === partnerId[0]);
			expect({ lead: lead.id, name: partner?.name, email: partner?.email }).toEqual({
				lead: lead.id,
				name: lead.contact_name || lead.partner_name || lead.email_from,
				email: lead.email_from,
			});
			expect(partner?.comment).toBe(`From CRM lead "${String(lead.name)}" (ID ${lead.id})`);
			expect(await odoo<number>('res.partner', 'search_count', [[['email', '=', lead.email_from]]], { context: { active_test: false } })).toBe(1);
		}
		expect(await odoo<number>('res.partner', 'search_count', [[]], { context: { active_test: false } })).toBe(partnersBefore + unlinked.length - 1);
		expect(await odoo<number>('crm.lead', 'search_count', [[['partner_id', '=', false], ['email_from', '!=', false]]])).toBe(0);

		// Run again: every lead is linked now, so nothing is written.
		const again = await execute(file);
		expect(jsonOf(again, 'Get leads without a partner')).toEqual([]);
		expect(Object.keys(again.data.resultData.runData)).not.toContain('Create or update partner');
		expect(await odoo<number>('res.partner', 'search_count', [[]], { context: { active_test: false } })).toBe(partnersBefore + unlinked.length - 1);
	});

	it('cloudoffix-nightly-partner-export: every active partner in one CSV file', async () => {
		const file = 'cloudoffix-nightly-partner-export.json';
		const partners = await searchRead('res.partner', [], ['name', 'email', 'is_company']);
		expect(partners.length).toBeGreaterThan(100);

		const run = await execute(file);

		expect(jsonOf(run, 'Get all partners').map((partner) => partner.id).sort((a, b) => Number(a) - Number(b))).toEqual(partners.map(({ id }) => id).sort((a, b) => a - b));
		const [written, ...more] = itemsOf(run, 'Write CSV file');
		expect(more).toEqual([]);
		const binary = written.binary?.data ?? {};
		expect(binary).toMatchObject({ mimeType: 'text/csv', fileExtension: 'csv', fileName: expect.stringMatching(/^partners-\d{4}-\d{2}-\d{2}\.csv$/) });
		// SheetJS starts a CSV with a byte order mark (for Excel).
		const rows = parseCsv((await binaryText(binary)).replace(/^\uFEFF/, ''));
		expect(rows[0]).toEqual(['id', 'name', 'email', 'phone', 'city', 'country_id', 'country_id_name', 'is_company']);
		const lines = rows.slice(1);
		expect(lines.length).toBe(partners.length);
		const byId = new Map(lines.map((line) => [Number(line[0]), line]));
		for (const partner of partners) {
			const line = byId.get(partner.id);
			expect({ id: partner.id, name: line?.[1], email: line?.[2] }).toEqual({ id: partner.id, name: partner.name, email: partner.email === false ? 'FALSE' : partner.email });
		}
	});

	it('quotation-pdf-to-lead: the newest sales order gets its printed quotation as one PDF attachment', async () => {
		const file = 'quotation-pdf-to-lead.json';
		const [order] = await odoo<OdooRecord[]>('sale.order', 'search_read', [[]], { fields: ['name'], order: 'id desc', limit: 1 });
		expect(order).toBeDefined();
		const onOrder = [['res_model', '=', 'sale.order'], ['res_id', '=', order.id]];
		expect(await odoo<number>('ir.attachment', 'search_count', [onOrder])).toBe(0);

		const run = await execute(file);

		expect(jsonOf(run, 'Get the newest quotation').map((item) => item.id)).toEqual([order.id]);
		const attachments = await searchRead('ir.attachment', onOrder, ['name', 'datas', 'mimetype', 'file_size', 'description']);
		expect(attachments).toHaveLength(1);
		const [attachment] = attachments;
		const bytes = Buffer.from(String(attachment.datas), 'base64');
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect({ name: attachment.name, mimetype: attachment.mimetype, file_size: attachment.file_size, description: attachment.description }).toEqual({
			name: `${String(order.name)}.pdf`,
			mimetype: 'application/pdf',
			file_size: bytes.length,
			description: `Quotation ${String(order.name)} as printed by n8n`,
		});
		expect(jsonOf(run, 'Attach the PDF to the order')).toEqual([expect.objectContaining({ id: attachment.id, res_model: 'sale.order', res_id: order.id })]);
	});

	it('partners-by-external-id: each shop becomes one partner with the external ID shop.<code>, and a second run creates none', async () => {
		const file = 'partners-by-external-id.json';
		const source = example(file).nodes.find((node) => node.name === 'The shops to sync')?.parameters as { jsonOutput: string };
		const shops = (JSON.parse(source.jsonOutput) as { shops: Array<Record<'code' | 'name' | 'email' | 'city', string>> }).shops;
		expect(shops.length).toBeGreaterThanOrEqual(3);
		const xmlids = async () => await searchRead('ir.model.data', [['module', '=', 'shop']], ['name', 'model', 'res_id']);
		expect(await xmlids()).toEqual([]);
		const count = async () => await odoo<number>('res.partner', 'search_count', [[]], { context: { active_test: false } });
		const before = await count();

		const first = await execute(file);
		expect(await count()).toBe(before + shops.length);
		const made = await xmlids();
		expect(made.map((row) => row.name).sort()).toEqual(shops.map((shop) => shop.code).sort());
		for (const shop of shops) {
			const row = made.find((candidate) => candidate.name === shop.code);
			expect(row?.model).toBe('res.partner');
			const [partner] = await searchRead('res.partner', [['id', '=', row?.res_id]], ['name', 'email', 'city', 'is_company', 'ref'], { active_test: false });
			expect(partner).toEqual({ id: row?.res_id, name: shop.name, email: shop.email, city: shop.city, is_company: true, ref: shop.code });
		}
		expect(jsonOf(first, 'Create or update by external ID').map((item) => item.action)).toEqual(shops.map(() => 'created'));

		// Renamed in CloudOffix in between: the second run finds it by its external ID all the same.
		const renamed = made[0].res_id;
		await odoo('res.partner', 'write', [[renamed], { name: 'Renamed by hand' }]);
		const second = await execute(file);
		expect(await count()).toBe(before + shops.length);
		expect(await xmlids()).toEqual(made);
		expect(jsonOf(second, 'Create or update by external ID').map((item) => item.action)).toEqual(shops.map(() => 'updated'));
		const [again] = await searchRead('res.partner', [['id', '=', renamed]], ['name']);
		expect(again.name).toBe(shops.find((shop) => shop.code === made[0].name)?.name);
	});

	it('codelayer-day-report: a day without sales is a report of zeros', async () => {
		expect(sandboxes().codelayer.day.sales).toBe(0);
		const day = await routeDetails();

		const run = await execute('codelayer-day-report.json');

		expect(jsonOf(run, 'Get route report')).toEqual([{}]);
		expect(jsonOf(run, 'Day summary')).toEqual([
			{
				gp_fyear: day.gp_fyear,
				routename: day.routename,
				salesman: day.salesman,
				vehicle: day.vehicle,
				sales: 0,
				customers: 0,
				net_amount: 0,
				cash_received: 0,
				special_discount: 0,
				on_credit: 0,
				text: `Route ${day.routename} (${day.gp_fyear}, ${day.salesman}): 0 sales to 0 customers, 0.00 net, 0.00 received, 0.00 on credit.`,
			},
		]);
	});

	it('codelayer-record-van-sale: saves its sale on the day of the route', async () => {
		const file = 'codelayer-record-van-sale.json';
		const save = example(file).nodes.find((node) => node.name === 'Save the sale')?.parameters as {
			custcode: number;
			cashreceived: number;
			specialdisc: number;
			roff: number;
			sales: { row: Array<{ qty: number; rate: number; taxperc: number }> };
		};
		const before = sandboxes().codelayer.day.sales;

		const run = await execute(file);

		expect(sandboxes().codelayer.day.sales).toBe(before + 1);
		expect(jsonOf(run, 'Save the sale')).toEqual([{ status: 'Saved', slno: String(before + 1) }]);
		const saved = (await routeReport()).at(-1);
		expect(saved).toEqual({
			custname: 'AROMAL FOODS -KOLLAM',
			salemode: 'Cash',
			paymentmode: 'Cash',
			cashreceived: save.cashreceived.toFixed(2),
			netamount: netAmount(save.sales.row, save.specialdisc, save.roff).toFixed(2),
			specialdisc: save.specialdisc.toFixed(1),
		});
	});

	it("codelayer-day-report: the day's sales totalled", async () => {
		// Two more sales, made as a device makes them: on credit and by cheque, with a discount and a round-off.
		const { gp_fyear } = await routeDetails();
		const sale = (custcode: number, salemode: string, paymentmode: string, cashreceived: string, specialdisc: string, roff: string, lines: string[][]) => ({
			gp_fyear,
			custcode: String(custcode),
			salemode,
			paymentmode,
			cashreceived,
			specialdisc,
			roff,
			datetime: '2019-07-01 10:15:00',
			sales: lines.map(([itemcode, qty, rate, taxperc]) => ({ itemcode, qty, rate, taxperc })),
		});
		await codelayer('sales/route_save', sale(359, 'Credit', 'B', '100.00', '1.50', '0.40', [['12', '10', '12', '18'], ['1', '20', '10', '5']]));
		await codelayer('sales/route_save', sale(731, 'Cash', 'C', '50.00', '0', '0', [['745', '1', '70', '12']]));
		expect(sandboxes().codelayer.day.sales).toBe(3);
		const report = await routeReport();
		expect(report.map((row) => row.netamount).slice(1)).toEqual([round2(netAmount([{ qty: 10, rate: 12, taxperc: 18 }, { qty: 20, rate: 10, taxperc: 5 }], 1.5, 0.4)).toFixed(2), '78.40']);
		const day = await routeDetails();
		const net = round2(sum(report.map((row) => Number(row.netamount))));
		const cash = round2(sum(report.map((row) => Number(row.cashreceived))));
		const customers = new Set(report.map((row) => row.custname.trim())).size;

		const run = await execute('codelayer-day-report.json');

		expect(jsonOf(run, 'Get route report').map((row) => row.custname)).toEqual(report.map((row) => row.custname));
		expect(jsonOf(run, 'Day summary')).toEqual([
			{
				gp_fyear: day.gp_fyear,
				routename: day.routename,
				salesman: day.salesman,
				vehicle: day.vehicle,
				sales: report.length,
				customers,
				net_amount: net,
				cash_received: cash,
				special_discount: round2(sum(report.map((row) => Number(row.specialdisc)))),
				on_credit: round2(net - cash),
				text: `Route ${day.routename} (${day.gp_fyear}, ${day.salesman}): ${report.length} sales to ${customers} customers, ${net.toFixed(2)} net, ${cash.toFixed(2)} received, ${(net - cash).toFixed(2)} on credit.`,
			},
		]);
	});
});

describe('the trigger examples, run in manual mode on n8n start', () => {
	let session: RestSession;
	let push: PushConnection;

	beforeAll(async () => {
		// After the CLI runs: n8n execute and n8n start must not share a user folder at the same time.
		server = await startN8n(cli, n8nBin(), 0);
		session = await RestSession.asOwner(server.url);
		push = await PushConnection.open(session);
	});

	afterAll(() => push?.close());

	const run = async (file: string): Promise<ManualExecution> => {
		const execution = await runManually(session, example(file).id, RUN_FROM_TRIGGER[file], push);
		expect({ status: execution.status, error: execution.run.data.resultData.error }).toEqual({ status: 'success', error: undefined });
		expect(execution.messages.map((message) => message.type)).toEqual(expect.arrayContaining(['executionStarted', 'executionFinished']));
		return execution;
	};

	it('n8n lists every example as imported', async () => {
		const listed = await session.request<Array<{ id: string; name: string }>>('GET', '/workflows');
		for (const { id, name } of examples) expect(listed).toContainEqual(expect.objectContaining({ id, name }));
	});

	it('cloudoffix-new-lead-notification: the newest lead, shaped into a notification', async () => {
		const file = 'cloudoffix-new-lead-notification.json';
		const id = await odoo<number>('crm.lead', 'create', [
			{ name: 'Solar roof for the depot', type: 'lead', contact_name: 'Zeynep Kaya', email_from: 'zeynep.kaya@example.com', priority: '2' },
		]);
		const [lead] = await searchRead('crm.lead', [['id', '=', id]], ['name', 'contact_name', 'email_from', 'user_id', 'create_date']);
		const salesperson = (lead.user_id as [number, string])[1];

		const { run: result } = await run(file);

		expect(jsonOf(result, 'New CRM lead')).toEqual([expect.objectContaining({ id, name: lead.name, contact_name: lead.contact_name, email_from: lead.email_from })]);
		expect(jsonOf(result, 'Shape the notification')).toEqual([
			{
				lead_id: id,
				title: `New lead: ${String(lead.name)}`,
				contact: lead.contact_name,
				email: lead.email_from,
				salesperson,
				text: `${String(lead.name)} from ${String(lead.contact_name)} <${String(lead.email_from)}>, for ${salesperson}. Priority ★★, created ${String(lead.create_date)} UTC.`,
			},
		]);
	});

	it('codelayer-van-sale-to-cloudoffix: the latest sale becomes a won opportunity of the shop, one partner per shop', async () => {
		const file = 'codelayer-van-sale-to-cloudoffix.json';
		const latest = (await routeReport()).at(-1) as ReportRow;
		const day = await routeDetails();
		const shop = latest.custname.trim();

		const first = await run(file);
		const second = await run(file);

		for (const execution of [first, second]) {
			expect(jsonOf(execution.run, 'New van sale')).toEqual([
				{
					custname: latest.custname,
					salemode: latest.salemode,
					paymentmode: latest.paymentmode,
					cashreceived: Number(latest.cashreceived),
					netamount: Number(latest.netamount),
					specialdisc: Number(latest.specialdisc),
					gp_fyear: day.gp_fyear,
					routename: day.routename,
					salesman: day.salesman,
					vehicle: day.vehicle,
				},
			]);
		}
		const [created] = jsonOf(first.run, 'Create or update the shop');
		expect(jsonOf(second.run, 'Create or update the shop')).toEqual([{ id: created.id, action: 'updated' }]);
		expect(created.action).toBe('created');
		const partners = await searchRead('res.partner', [['ref', '=', `VAN ${shop}`]], ['name', 'is_company', 'comment'], { active_test: false });
		expect(partners).toEqual([{ id: created.id, name: shop, is_company: true, comment: `Van sales customer of route ${day.routename} (Codelayer)` }]);

		const opportunities = [...jsonOf(first.run, 'Log the sale as won opportunity'), ...jsonOf(second.run, 'Log the sale as won opportunity')].map((item) => item.id);
		expect(new Set(opportunities).size).toBe(2);
		const logged = await searchRead('crm.lead', [['id', 'in', opportunities]], ['name', 'type', 'partner_id', 'planned_revenue', 'probability', 'description']);
		expect(logged).toHaveLength(2);
		for (const opportunity of logged) {
			expect(opportunity).toEqual({
				id: opportunity.id,
				name: `Van sale ${day.gp_fyear}: ${shop}`,
				type: 'opportunity',
				partner_id: [created.id, shop],
				planned_revenue: Number(latest.netamount),
				probability: 100,
				description: `${latest.salemode} sale, paid ${latest.paymentmode}: net ${Number(latest.netamount)}, cash received ${Number(latest.cashreceived)}, special discount ${Number(latest.specialdisc)}. Route ${day.routename}, salesman ${day.salesman}, vehicle ${day.vehicle}.`,
			});
		}
	});
});

/**
 * The content of a binary item: inline base64, or, in n8n 2.41.1's default filesystem mode, its file under the
 * storage path (`<user folder>/.n8n/storage`, N8N_STORAGE_PATH) named by the id after `filesystem-v2:`.
 */
async function binaryText(binary: Record<string, unknown>): Promise<string> {
	const id = typeof binary.id === 'string' ? binary.id : '';
	if (id.startsWith('filesystem-v2:')) return await readFile(join(cli.userFolder, '.n8n', 'storage', id.slice('filesystem-v2:'.length)), 'utf8');
	if (typeof binary.data === 'string' && binary.data !== 'filesystem-v2') return Buffer.from(binary.data, 'base64').toString('utf8');
	throw new Error(`no content found for the binary data ${JSON.stringify(binary)}`);
}
