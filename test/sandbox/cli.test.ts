import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildSync } from 'esbuild';

import { JSON_HEADERS, post } from './cloudoffix/helpers/http';

/** The start command's sandbox process, bundled as .ci/start bundles it and run as a plain script. */
test('sandbox/cli.ts starts both sandboxes and logs one line per request', async () => {
	const outfile = join(mkdtempSync(join(tmpdir(), 'sandbox-cli-')), 'cli.js');
	buildSync({ entryPoints: [join(__dirname, '../../sandbox/cli.ts')], bundle: true, platform: 'node', outfile, logLevel: 'silent' });
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- test code: runs the CLI as a user would
	const child = spawn(process.execPath, [outfile], { env: { ...process.env, CLOUDOFFIX_SANDBOX_PORT: '0', CODELAYER_SANDBOX_PORT: '0' } });
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	try {
		const [cloudOffixUrl, codelayerUrl] = await new Promise<[string, string]>((resolve, reject) => {
			child.stdout.on('data', () => {
				const cloudOffix = /CloudOffix sandbox: URL (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
				const codelayer = /Codelayer sandbox: API base URL (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
				if (cloudOffix && codelayer) resolve([cloudOffix[1], codelayer[1]]);
			});
			child.on('exit', (code) => reject(new Error(`the sandbox CLI exited with ${code}`)));
		});
		const databases = await post(`${cloudOffixUrl}/web/database/list`, JSON.stringify({ jsonrpc: '2.0', method: 'call', params: {}, id: 1 }), JSON_HEADERS);
		expect(JSON.parse(databases.text).result).toEqual(['sandbox.cloudoffix.local']);
		const login = await post(`${codelayerUrl}/system/auth`, JSON.stringify({ username: 'TEST', password: 'password', imei: '352099001761481', ver: '1.0.0.0' }), JSON_HEADERS);
		expect(JSON.parse(login.text)).toMatchObject({ e: 200, msg: 'Success' });
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(output).toMatch(/ cloudoffix POST \/web\/database\/list 200 \d+ms$/m);
		expect(output).toMatch(/ codelayer POST \/system\/auth 200 e=200 \d+ms$/m);
	} finally {
		child.kill('SIGTERM');
	}
});
