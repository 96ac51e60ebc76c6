/**
 * Codelayer writes across executions: 1,000 sales saved by the Codelayer node in 10 executions of 100 items
 * (BENCH_CODELAYER_EXECUTIONS, BENCH_CODELAYER_ITEMS), through the real n8n engine against the Codelayer sandbox,
 * one stored credential. Reports requests per item and logins for the whole run (the key lives in the credential:
 * one login for the credential's lifetime), and the same after the sandbox drops every key half way (one more
 * login, no item sent twice), each against its floor: one request per item, one login.
 */
import { Codelayer } from '../nodes/Codelayer/Codelayer.node';
import { startCodelayerSandbox } from '../sandbox/codelayer';
import { afterItems, createHarness, packageNode } from '../test/harness';
import { saleParameters, SAMPLE } from '../test/codelayer/harness';
import { emitRows, number, progress, row, setting, type Row } from './measure';
import { runBench } from './runBench';

const EXECUTIONS = setting('BENCH_CODELAYER_EXECUTIONS', 10, 2);
const ITEMS = setting('BENCH_CODELAYER_ITEMS', 100, 10);
const BENCHMARK = 'Codelayer Sale → Create';

async function main() {
	const sandbox = await startCodelayerSandbox({ loadFactor: 1000 });
	const harness = createHarness({ codelayer: new Codelayer() });
	harness.addCredential({ id: 'cl', name: 'cl', type: 'codelayerApi', data: { baseUrl: `${sandbox.url}/`, licenseUrl: `${sandbox.licenseUrl}/`, ...SAMPLE } });
	const sell = packageNode('codelayer', { resource: 'sale', operation: 'create', ...saleParameters({ cashreceived: '={{ $json.cash }}' }) }, { codelayerApi: 'cl' });
	const rows: Row[] = [];
	for (const expireHalfWay of [false, true]) {
		sandbox.reset();
		const started = performance.now();
		for (let execution = 0; execution < EXECUTIONS; execution++) {
			if (expireHalfWay && execution === Math.floor(EXECUTIONS / 2)) sandbox.expireKeys();
			const result = await harness.run(afterItems(Array.from({ length: ITEMS }, (_, i) => ({ cash: 10 + i })), sell));
			if (result.error) throw new Error(`execution ${execution} failed: ${result.error.message} ${String((result.error as { description?: unknown }).description)}`);
		}
		const ms = performance.now() - started;
		const items = EXECUTIONS * ITEMS;
		const { logins, total } = sandbox.stats;
		const saved = sandbox.day.sales;
		if (saved !== items) throw new Error(`the sandbox saved ${saved} sales of ${items} items`);
		const scenario = {
			benchmark: BENCHMARK,
			scenario: `${number(items)} items in ${EXECUTIONS} executions, one stored credential${expireHalfWay ? `, every key dropped after ${Math.floor(EXECUTIONS / 2)} executions` : ''}`,
		};
		rows.push(
			row({ ...scenario, figure: 'API requests per item (logins apart)', unit: 'req/item', ours: (total - logins) / items, peer: 'one request per item (the floor)', peerValue: 1, ...(expireHalfWay ? {} : { target: { op: '≤', value: 1 } }) }),
			row({ ...scenario, figure: 'logins (auth calls) in total', unit: 'logins', ours: logins, peer: 'one login (the floor)', peerValue: 1, ...(expireHalfWay ? {} : { target: { op: '≤', value: 1 } }) }),
		);
		progress(`codelayer writes${expireHalfWay ? ', keys dropped half way' : ''}: ${saved} sales saved, ${total} requests, ${logins} logins, ${Math.round(ms)} ms`);
	}
	emitRows(rows);
	await sandbox.close();
}

runBench(main);
