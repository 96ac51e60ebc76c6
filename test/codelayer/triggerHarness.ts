import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import type { CodelayerSandbox } from '../../sandbox/codelayer';
import { packageNode, type TestPoller } from '../harness';
import { CodelayerClient } from '../sandbox/codelayer/helpers/sandbox';
import { codelayerHarness } from './harness';

/**
 * What the trigger tests share: an n8n harness with the Codelayer node and the trigger, a shop that saves sales
 * on the sandbox's route over plain HTTP (the device's own client) and keeps the ledger of what it saved, and the
 * bookkeeping of what the trigger emitted.
 */

/** The harness of the Codelayer tests, which has the trigger too. */
export const triggerHarness = codelayerHarness;

export const TRIGGER_NAME = 'Route Report Trigger';

/**
 * The trigger node with `parameters` (filters, options). Retries are off, so that one injected fault fails the poll
 * these tests are about; test/reliability/retries.test.ts has the trigger retrying.
 */
export function routeReportTrigger(parameters: IDataObject = {}, name = TRIGGER_NAME): INode {
	return packageNode('codelayerRouteReportTrigger', { connection: { retries: 0 }, ...parameters }, { codelayerApi: 'cl-1' }, { name });
}

/** The sandbox's route customers the sales go to, by the name the report gives them. */
export const CUSTOMERS: Readonly<Record<number, string>> = {
	447: 'AROMAL FOODS -KOLLAM',
	359: 'ABC',
	512: 'AMAL -DAILY BAKERY SALES SNACKES',
	623: 'ANANDHU',
	731: 'SREE DURGA STORES',
};

/** Two loaded products whose prices add up exactly in binary: 185 at 8.00 without tax, 1 at 10.00 with 5 %. */
const PRICES: Readonly<Record<number, { rate: number; taxperc: number }>> = { 185: { rate: 8, taxperc: 0 }, 1: { rate: 10, taxperc: 5 } };

export interface Sale {
	custcode: number;
	paymentmode: 'C' | 'B';
	salemode: string;
	cashreceived: number;
	specialdisc: number;
	/** itemcode → quantity */
	lines: Partial<Record<185 | 1, number>>;
}

export const sale = (overrides: Partial<Sale> = {}): Sale => ({ custcode: 359, paymentmode: 'C', salemode: 'Cash', cashreceived: 50, specialdisc: 0, lines: { 185: 1 }, ...overrides });

/** The six report fields of a row, as one comparable text (route details and any other field left out). */
export function rowKey(row: IDataObject): string {
	return JSON.stringify(['custname', 'salemode', 'paymentmode', 'cashreceived', 'netamount', 'specialdisc'].map((name) => String(row[name])));
}

/**
 * The report row a sale must give, worked out from the sale itself (not read back from the server): the
 * customer's name, the payment mode spelled out, amounts with two decimals, the special discount with one, the
 * net amount Σ qty × rate × (1 + tax %) − special discount.
 */
export function expectedRow(entry: Sale): IDataObject {
	const gross = Object.entries(entry.lines).reduce((total, [item, qty]) => total + ((qty ?? 0) * PRICES[Number(item)].rate * (100 + PRICES[Number(item)].taxperc)) / 100, 0);
	return {
		custname: CUSTOMERS[entry.custcode],
		salemode: entry.salemode,
		paymentmode: entry.paymentmode === 'C' ? 'Cash' : 'Cheque',
		cashreceived: entry.cashreceived.toFixed(2),
		netamount: (gross - entry.specialdisc).toFixed(2),
		specialdisc: entry.specialdisc.toFixed(1),
	};
}

/** Saves sales as the salesman's device does (Route Save over HTTP), logging in again when its key died; keeps the ledger. */
export class Shop {
	private readonly client: CodelayerClient;

	/** The report rows of every sale saved, all days together (rowKey form). */
	readonly saved: string[] = [];

	constructor(private readonly sandboxOf: () => CodelayerSandbox) {
		this.client = new CodelayerClient(sandboxOf);
	}

	/** Saves `entry` `times` times; returns the slno of each sale. */
	async sell(entry: Sale, times = 1): Promise<number[]> {
		const slnos: number[] = [];
		for (let i = 0; i < times; i++) {
			const body = {
				gp_fyear: this.sandboxOf().day.gpFyear,
				datetime: '2024-05-31 10:00:00',
				custcode: String(entry.custcode),
				paymentmode: entry.paymentmode,
				salemode: entry.salemode,
				cashreceived: entry.cashreceived.toFixed(2),
				roff: '0',
				specialdisc: entry.specialdisc.toFixed(2),
				sales: Object.entries(entry.lines).map(([itemcode, qty]) => ({ itemcode, qty: String(qty), rate: String(PRICES[Number(itemcode)].rate), taxperc: String(PRICES[Number(itemcode)].taxperc) })),
			};
			const [user] = this.sandboxOf().users;
			if (!this.client.key) await this.client.login(user);
			let answer = await this.client.call('sales/route_save', body);
			if (answer.e === 401) {
				await this.client.login(user);
				answer = await this.client.call('sales/route_save', body);
			}
			if (answer.e !== 200) throw new Error(`Route Save refused a sale: ${JSON.stringify(answer)} ${JSON.stringify(this.sandboxOf().stats.refusals.at(-1))}`);
			this.saved.push(rowKey(expectedRow(entry)));
			slnos.push(Number(answer.slno));
		}
		return slnos;
	}
}

/** A poller and everything it emitted, with the requests each poll cost. */
export class Watch {
	readonly emitted: string[] = [];

	constructor(
		readonly poller: TestPoller,
		private readonly sandbox: () => CodelayerSandbox,
	) {}

	/** One scheduled poll: its items, whether it returned null, and the requests the server received meanwhile, by path. */
	async poll(): Promise<{ items: INodeExecutionData[]; idle: boolean; requests: Record<string, number>; total: number; logins: number }> {
		const { stats } = this.sandbox();
		const before = { ...stats.requests };
		const total = stats.total;
		const logins = stats.logins;
		const result = await this.poller.poll();
		this.emitted.push(...result.items.map((item) => rowKey(item.json)));
		const requests = Object.fromEntries(
			Object.entries(stats.requests)
				.map(([path, count]) => [path, count - (before[path] ?? 0)] as const)
				.filter(([, count]) => count > 0),
		);
		return { ...result, requests, total: stats.total - total, logins: stats.logins - logins };
	}
}

/** A multiset as a sorted list, for toEqual. */
export const sorted = (keys: readonly string[]) => [...keys].sort();

/** A small deterministic random source, so that a failing run can be replayed. */
export { seededRandom as randomSource } from '../../sandbox/shared/random';
