/**
 * Codelayer writes across executions: 1,000 sales saved by the Codelayer node in 10 executions of 100 items,
 * through the real n8n engine against the Codelayer sandbox, one stored credential. Prints requests per item and
 * logins for the whole run (the key lives in the credential: one login for the credential's lifetime), and the
 * same after the sandbox drops every key half way (one more login, no item sent twice). `bash bench/run` runs it.
 */
import { Codelayer } from '../nodes/Codelayer/Codelayer.node';
import { startCodelayerSandbox } from '../sandbox/codelayer';
import { afterItems, createHarness, packageNode } from '../test/harness';
import { saleParameters, SAMPLE } from '../test/codelayer/harness';
import { runBench } from './runBench';
import { printTable } from './table';

const EXECUTIONS = 10;
const ITEMS = 100;

async function main() {
	const sandbox = await startCodelayerSandbox({ loadFactor: 1000 });
	const harness = createHarness({ codelayer: new Codelayer() });
	harness.addCredential({ id: 'cl', name: 'cl', type: 'codelayerApi', data: { baseUrl: `${sandbox.url}/`, licenseUrl: `${sandbox.licenseUrl}/`, ...SAMPLE } });
	const sell = packageNode('codelayer', { resource: 'sale', operation: 'create', ...saleParameters({ cashreceived: '={{ $json.cash }}' }) }, { codelayerApi: 'cl' });
	const rows: string[] = [];
	for (const expireHalfWay of [false, true]) {
		sandbox.reset();
		const started = performance.now();
		for (let execution = 0; execution < EXECUTIONS; execution++) {
			if (expireHalfWay && execution === EXECUTIONS / 2) sandbox.expireKeys();
			const result = await harness.run(afterItems(Array.from({ length: ITEMS }, (_, i) => ({ cash: 10 + i })), sell));
			if (result.error) throw new Error(`execution ${execution} failed: ${result.error.message} ${String((result.error as { description?: unknown }).description)}`);
		}
		const ms = performance.now() - started;
		const items = EXECUTIONS * ITEMS;
		const { logins, total } = sandbox.stats;
		const saved = sandbox.day.sales;
		rows.push(`| ${expireHalfWay ? 'every key dropped after 5 executions' : 'no expiry'} | ${items} | ${saved} | ${((total - logins) / items).toFixed(3)} | ${logins} | ${Math.round(ms)} ms |`);
	}
	printTable(
		[`Codelayer Sale → Create: ${EXECUTIONS} executions of ${ITEMS} items, one stored credential (empty at the start of the first row; the second starts with the key the sandbox's reset dropped)`],
		['scenario', 'items', 'sales the sandbox saved', 'API requests per item', 'logins', 'time'],
		rows,
	);
	await sandbox.close();
}

runBench(main);
