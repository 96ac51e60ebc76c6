import { connect } from 'node:net';

import { startCodelayerSandbox } from '../../../sandbox/codelayer';
import { header, JSON_HEADERS, post } from '../helpers/http';
import { BAD_REQUEST, CodelayerClient, SUCCESS, useCodelayerSandbox } from './helpers/sandbox';

/** HTTP as a PHP server behind Apache writes it, the log, and the sandbox's own routes. */

const sandbox = useCodelayerSandbox();
const device = new CodelayerClient(sandbox);

test('an unknown path is the framework’s HTML 404, counted; the API’s JSON is for its endpoints', async () => {
	const response = await post(`${sandbox().url}/sales/route_nothing`, '{}', JSON_HEADERS);
	expect(response.status).toBe(404);
	expect(header(response, 'content-type')).toBe('text/html; charset=UTF-8');
	expect(response.text).toContain('<h1>404 Page Not Found</h1>');
	expect(sandbox().stats.requests['sales/route_nothing']).toBe(1);
});

test('answers are JSON as PHP writes it (slashes escaped), from Apache', async () => {
	await device.login();
	const response = await post(`${sandbox().licenseUrl}/system/license`, JSON.stringify({ imei: '352099001761481', appID: 'QM_V3' }), JSON_HEADERS);
	expect(response.text).toContain(`"baseURL":"${sandbox().url.replace(/\//g, '\\/')}"`);
	expect(header(response, 'server')).toBe('Apache');
	expect(header(response, 'x-powered-by')).toMatch(/^PHP\//);
	expect(header(response, 'content-length')).toBe(String(Buffer.byteLength(response.text)));
	expect(sandbox().stats.requests['system/license']).toBe(1);
});

test('non-ASCII text is written \\u-escaped, as json_encode does, and reads back the same', async () => {
	await device.login();
	await device.call('sales/add_customer', {
		custname: 'ŞİŞLİ € STORES',
		placeid: '',
		gstin: 'TEST',
		saddress: 'ADDRESS',
		sphone: '123456',
		latitude: '',
		longitude: '',
		uid: 'u1',
		state: 'KER',
		spincode: '695001',
		drv_accode: '1',
		slm_accode: '2',
		sortorder: '',
	});
	const raw = await device.raw('sales/route_customers', {});
	expect(raw.text).toContain('\\u20ac');
	expect(raw.text).not.toContain('€');
	expect((await device.rows('sales/route_customers')).at(-1)?.custname).toBe('ŞİŞLİ € STORES');
});

describe('the sandbox’s own routes under /__sandbox/', () => {
	test('an unknown one is a JSON 404 naming those there are', async () => {
		const response = await post(`${sandbox().url}/__sandbox/tomorrow`, '', JSON_HEADERS);
		expect(response.status).toBe(404);
		expect(JSON.parse(response.text)).toEqual({
			error: 'no sandbox control POST /__sandbox/tomorrow',
			controls: ['POST /__sandbox/new-day', 'POST /__sandbox/expire-keys', 'POST /__sandbox/reset'],
		});
	});

	test('POST /__sandbox/reset reseeds; the licence server has no controls', async () => {
		await device.login();
		await device.call('sales/route_save', {
			gp_fyear: '4_19',
			custcode: '359',
			salemode: 'Cash',
			paymentmode: 'C',
			cashreceived: '0',
			roff: '0',
			specialdisc: '0',
			datetime: '2019-07-01 10:15:00',
			sales: [{ itemcode: '12', qty: '1', rate: '12', taxperc: '18' }],
		});
		expect(JSON.parse((await post(`${sandbox().url}/__sandbox/reset`, '', JSON_HEADERS)).text)).toEqual({ reset: true });
		expect(sandbox().day.sales).toBe(0);
		expect(sandbox().stats.total).toBe(0);
		expect((await post(`${sandbox().licenseUrl}/__sandbox/reset`, '', JSON_HEADERS)).status).toBe(404);
	});
});

describe('the log', () => {
	test('one line per request, with the e the answer carries and why a request was refused; licence lines marked', async () => {
		const lines: string[] = [];
		const logged = await startCodelayerSandbox({ log: (line) => lines.push(line) });
		const client = new CodelayerClient(() => logged);
		try {
			await client.login();
			await client.call('sales/route_return', { gp_fyear: '4_19', custcode: '359', items: [], datetime: '2019-07-01 12:00:00', uid: 'u' });
			await client.call('sales/route_details', { key: 'nope' });
			await client.call('system/license', { imei: '352099001761481', appID: 'QM_V3' });
			await post(`${logged.url}/nowhere`, '{}', JSON_HEADERS);
			await post(`${logged.url}/__sandbox/new-day`, '', JSON_HEADERS);
			expect(lines).toEqual([
				expect.stringMatching(/^POST \/system\/auth 200 e=200 \d+ms$/),
				expect.stringMatching(/^POST \/sales\/route_return 200 e=400 \(items needs at least 1 row\) \d+ms$/),
				expect.stringMatching(/^POST \/sales\/route_details 200 e=401 \(unknown or expired key\) \d+ms$/),
				expect.stringMatching(/^licence POST \/system\/license 200 e=200 \d+ms$/),
				expect.stringMatching(/^POST \/nowhere 404 \d+ms$/),
				expect.stringMatching(/^POST \/__sandbox\/new-day 200 sandbox control \d+ms$/),
			]);
		} finally {
			await logged.close();
		}
	});

	test('a handler that throws answers the framework’s 500 page and logs the error with its stack', async () => {
		const lines: string[] = [];
		const logged = await startCodelayerSandbox({ log: (line) => lines.push(line) });
		try {
			const response = await rawExchange(logged.url, 'GET //a:b/ HTTP/1.1');
			expect(response).toMatch(/^HTTP\/1\.1 500 Internal Server Error\r\n/);
			expect(response).toContain('An uncaught Exception was encountered');
			expect(lines).toEqual([expect.stringMatching(/^GET \/\/a:b\/ failed: TypeError: Invalid URL\n\s+at /), expect.stringMatching(/^GET \/\/a:b\/ 500 \d+ms$/)]);
		} finally {
			await logged.close();
		}
	});
});

test('a port in use fails the start, and leaves nothing listening', async () => {
	const first = await startCodelayerSandbox();
	try {
		const port = Number(new URL(first.licenseUrl).port);
		await expect(startCodelayerSandbox({ licensePort: port })).rejects.toThrow(/EADDRINUSE/);
		const apiPort = Number(new URL(first.url).port);
		await expect(startCodelayerSandbox({ port: apiPort })).rejects.toThrow(/EADDRINUSE/);
	} finally {
		await first.close();
	}
});

test('BAD_REQUEST and SUCCESS are what the pages show', () => {
	expect(BAD_REQUEST).toEqual({ e: 400, msg: 'Bad Request.' });
	expect(SUCCESS).toEqual({ e: 200, msg: 'Success' });
});

/** Sends a request line byte for byte (one Node's URL parser refuses: a real way to make the handler throw). */
function rawExchange(url: string, requestLine: string): Promise<string> {
	const { hostname, port } = new URL(url);
	return new Promise((resolve, reject) => {
		const socket = connect(Number(port), hostname, () => socket.end(`${requestLine}\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`));
		let answer = '';
		socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
		socket.on('end', () => resolve(answer));
		socket.on('error', reject);
	});
}
