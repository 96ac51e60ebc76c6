import type { INodeExecutionData } from 'n8n-workflow';

import type { CodelayerFaultRule } from '../../sandbox/codelayer/faults';
import { afterItems } from '../harness';
import { codelayer, codelayerHarness, saleParameters, useCodelayerSandbox, type CodelayerHarness } from '../codelayer/harness';
import { CodelayerClient } from '../sandbox/codelayer/helpers/sandbox';
import { addFaults, FAULT_RATE, NETWORK_FAULTS, outputByInput, itemSummary, recordAndCheck, seedFor } from './scenario';

/**
 * Codelayer under seeded random faults (scenario.ts): 1,000 reads and 1,000 sales, Continue On Fail on, counted
 * from the sandbox's day once the faults are off (each sale carries its own cash amount, so the report tells
 * which were saved and how often).
 */

// A password nothing else in a run contains, so that finding it in an output means it leaked.
const PASSWORD = 'Pw-5e1d-secret';
const sandbox = useCodelayerSandbox({ users: [{ username: 'TEST', password: PASSWORD, imei: '352099001761481' }] });
const ITEMS = 1000;
const CONNECTION = { retryWaitMs: 1, concurrency: 1 };

const FAULTS: CodelayerFaultRule[] = [
	...NETWORK_FAULTS,
	{ kind: 'e', e: 503 },
	{ kind: 'e', e: 500 },
	{ kind: 'missingEnvelope' },
	{ kind: 'expireKeyAfter', calls: 1 },
];

async function keyedHarness(): Promise<CodelayerHarness> {
	const harness = codelayerHarness(sandbox(), { password: PASSWORD });
	await harness.run(afterItems([{}], codelayer('route', 'get')));
	sandbox().faults.clear();
	return harness;
}

function withFaults(seed: number) {
	sandbox().faults.clear();
	sandbox().faults.randomly({ seed, rate: FAULT_RATE, rules: FAULTS });
}

describe('Codelayer under random faults, 1,000 items each', () => {
	it('reads (Route → Get): each item answered or reported, retried where a fault passed', async () => {
		const harness = await keyedHarness();
		const seed = seedFor(201);
		withFaults(seed);
		const node = codelayer('route', 'get', { connection: CONNECTION }, { continueOnFail: true });
		const output = (await harness.run(afterItems(Array.from({ length: ITEMS }, () => ({})), node))).output('codelayer');
		const lost = outputByInput(output, ITEMS).filter((item) => !item || (item.json.error === undefined && typeof item.json.gp_fyear !== 'string')).length;
		recordAndCheck(itemSummary('Codelayer reads', seed, output, { items: ITEMS, lost, duplicated: 0, uncertain: 0 }, sandbox().faults.injected()));
	});

	it('writes (Sale → Create), two days of 500: no sale lost or saved twice; a failed sale is reported, saved at most once', async () => {
		const harness = await keyedHarness();
		const seed = seedFor(202);
		const counts = { lost: 0, duplicated: 0, uncertain: 0 };
		const outputs: INodeExecutionData[] = [];
		const injected: Record<string, number> = {};
		for (const day of [0, 1]) {
			const gatepass = day > 0 ? sandbox().startNewDay() : sandbox().day.gpFyear;
			withFaults(seed + day);
			// Each sale's cash received is its own, and more than its bill (the customer's credit never runs out): the
			// report shows which were saved, and how often. One unit each of what the van carries enough of.
			const items = Array.from({ length: ITEMS / 2 }, (_, i) => ({ cash: 100 + i, item: i < 250 ? 1 : i < 450 ? 12 : 745 }));
			const lines = [{ itemcode: '={{ $json.item }}', qty: 1, rate: 10, taxperc: 5 }];
			const node = codelayer('sale', 'create', saleParameters({ gp_fyear: gatepass, cashreceived: '={{ $json.cash }}', sales: { row: lines }, connection: CONNECTION }), { continueOnFail: true });
			const output = (await harness.run(afterItems(items, node))).output('codelayer');
			addFaults(injected, sandbox().faults.injected());
			sandbox().faults.clear();
			const device = new CodelayerClient(sandbox);
			await device.login({ username: 'TEST', password: PASSWORD, imei: '352099001761481' });
			const saved = new Map<number, number>();
			for (const row of await device.rows('sales/route_report')) saved.set(Number(row.cashreceived), (saved.get(Number(row.cashreceived)) ?? 0) + 1);
			outputByInput(output, items.length).forEach((item, i) => {
				const times = saved.get(items[i].cash) ?? 0;
				if (times > 1) counts.duplicated++;
				if (!item || (item.json.error === undefined && times !== 1)) counts.lost++;
				else if (item.json.error !== undefined && times === 1) counts.uncertain++;
			});
			outputs.push(...output);
		}
		const result = itemSummary('Codelayer writes', seed, outputs, { items: ITEMS, ...counts }, injected);
		recordAndCheck(result);
		expect(result.errorsReported).toBeLessThan(ITEMS / 4);
	});
});
