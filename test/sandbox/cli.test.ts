import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { buildSync } from 'esbuild';

import { startPrintingProcess, type PrintingProcess } from '../harness/printingProcess';
import { JSON_HEADERS, post } from './helpers/http';

/** The start command's sandbox process, bundled as .ci/start bundles it and run as a plain script. */
const outfile = join(mkdtempSync(join(tmpdir(), 'sandbox-cli-')), 'cli.js');

beforeAll(() => {
	buildSync({ entryPoints: [join(__dirname, '../../sandbox/cli.ts')], bundle: true, platform: 'node', outfile, logLevel: 'silent' });
});

afterAll(() => rmSync(dirname(outfile), { recursive: true, force: true }));

/** Every CLI a test started: stopped after it even when the test failed waiting for output. */
const running = new Set<Cli>();

afterEach(async () => {
	await Promise.all([...running].map(stop));
});

type Cli = PrintingProcess;

function startCli(env: Record<string, string> = {}): Cli {
	const cli = startPrintingProcess(outfile, { CLOUDOFFIX_SANDBOX_PORT: '0', CODELAYER_SANDBOX_PORT: '0', ...env }, 'the sandbox CLI');
	running.add(cli);
	void cli.exited.then(() => running.delete(cli));
	return cli;
}

async function stop(cli: Cli): Promise<void> {
	cli.child.kill('SIGTERM');
	await cli.exited;
}

test('sandbox/cli.ts starts both sandboxes and logs one line per request', async () => {
	const cli = startCli();
	const [cloudOffix, codelayer] = await cli.printed(
		/CloudOffix sandbox: URL (http:\/\/127\.0\.0\.1:\d+)/,
		/Codelayer sandbox: API base URL (http:\/\/127\.0\.0\.1:\d+)\/, licence server URL (http:\/\/127\.0\.0\.1:\d+)\/, username TEST, password password, IMEI 352099001761481, licence appID QM_V3 \/ clientID CTPL, gp_fyear 4_19; POST \S+\/__sandbox\/new-day starts a new route day$/m,
	);
	const databases = await post(`${cloudOffix[1]}/web/database/list`, JSON.stringify({ jsonrpc: '2.0', method: 'call', params: {}, id: 1 }), JSON_HEADERS);
	expect(JSON.parse(databases.text).result).toEqual(['sandbox.cloudoffix.local']);
	const login = await post(`${codelayer[1]}/system/auth`, JSON.stringify({ username: 'TEST', password: 'password', imei: '352099001761481', ver: '1.0.0.0' }), JSON_HEADERS);
	expect(JSON.parse(login.text)).toMatchObject({ e: 200, msg: 'Success' });
	const licence = await post(`${codelayer[2]}/system/license`, JSON.stringify({ imei: '352099001761481', appID: 'QM_V3' }), JSON_HEADERS);
	expect(JSON.parse(licence.text).licenses[0].baseURL).toBe(codelayer[1]);
	await cli.printed(/ cloudoffix POST \/web\/database\/list 200 \d+ms$/m, / codelayer POST \/system\/auth 200 e=200 \d+ms$/m, / codelayer licence POST \/system\/license 200 e=200 \d+ms$/m);
});

test('the Codelayer ports come from CODELAYER_SANDBOX_PORT and CODELAYER_LICENSE_SANDBOX_PORT', async () => {
	const [api, licence] = await Promise.all([freePort(), freePort()]);
	const cli = startCli({ CODELAYER_SANDBOX_PORT: String(api), CODELAYER_LICENSE_SANDBOX_PORT: String(licence) });
	const [urls] = await cli.printed(/API base URL (\S+)\/, licence server URL (\S+)\//);
	expect([urls[1], urls[2]]).toEqual([`http://127.0.0.1:${api}`, `http://127.0.0.1:${licence}`]);
});

test('CLOUDOFFIX_COMPUTED_FIELD_COST_MS sets the wait for computed fields; the default is 0.05 ms', async () => {
	for (const [env, shown] of [
		[{ CLOUDOFFIX_COMPUTED_FIELD_COST_MS: '0.2' }, '0.2'],
		[{}, '0.05'],
	] as const) {
		const cli = startCli(env);
		await cli.printed(new RegExp(`CloudOffix sandbox: .*, reads wait ${shown.replace('.', '\\.')} ms per record and computed field$`, 'm'));
		await stop(cli);
	}
});

test('a CLOUDOFFIX_COMPUTED_FIELD_COST_MS that is no number stops the CLI with a message', async () => {
	const cli = startCli({ CLOUDOFFIX_COMPUTED_FIELD_COST_MS: 'fast' });
	expect(await cli.exited).toBe(1);
	await cli.printed(/CLOUDOFFIX_COMPUTED_FIELD_COST_MS must be a number of milliseconds >= 0, not "fast"/);
});

/** A port nothing listens on now (the OS's pick, released at once). */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}
