import type { Server } from 'node:http';

import { request } from 'undici';

import { FaultRules, type FaultRuleBase, type NetworkFault } from '../../../sandbox/shared/faults';
import { closeServer, createSandboxServer, listen, type SandboxService } from '../../../sandbox/shared/server';
import { RequestCounter } from '../../../sandbox/shared/stats';
import { ManualClock } from '../helpers/clock';
import { JSON_HEADERS, post } from '../helpers/http';

/**
 * The shared shell with a toy service of a dozen lines: a counter that `POST /add` increments. What the shell
 * promises every sandbox: faults land before or after the service acts, one log line per request with the
 * reply's note, counters, controls, and crashes logged with their stack.
 */

type ToyRule = FaultRuleBase & ({ kind: 'toyOnly'; route?: string } | (NetworkFault & { route?: string }));

const clock = new ManualClock({ instantSleeps: true });
const lines: string[] = [];
let acted = 0;
let server: Server;
let url: string;
const faults = new FaultRules<ToyRule, { path: string }>((rule, facts) => rule.route === undefined || rule.route === facts.path);
const stats = new RequestCounter();
const seenRules: Array<string | undefined> = [];
let onLine: ((line: string) => void) | undefined;
/** The next log line the shell writes (it writes one when it is done with a request, whatever happened). */
const nextLine = () => new Promise<string>((resolve) => (onLine = resolve));

const toy: SandboxService<ToyRule, { path: string }> = {
	clock,
	stats,
	faults,
	routeKey: (path) => path.replace(/^\/+/, ''),
	prepare: (exchange) => ({
		facts: { path: exchange.path },
		execute: (rule) => {
			seenRules.push(rule?.kind);
			if (exchange.path === '/boom') throw new Error('toy failure');
			acted++;
			return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ acted }), note: `acted=${acted}` };
		},
	}),
	htmlPage: () => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: '<p>toy page</p>' }),
	crashPage: () => ({ status: 500, headers: { 'Content-Type': 'text/html' }, body: '<p>toy crash</p>' }),
	headers: { Server: 'Toy/1' },
	controls: { zero: () => ((acted = 0), { acted }) },
};

beforeAll(async () => {
	server = createSandboxServer(toy, (line) => {
		lines.push(line);
		onLine?.(line);
	});
	url = await listen(server);
});
afterAll(() => closeServer(server));
beforeEach(() => {
	faults.clear();
	stats.reset();
	lines.length = 0;
	seenRules.length = 0;
	acted = 0;
});

const add = () => post(`${url}/add`, '{}', JSON_HEADERS);

test('the service acts and answers; the log line carries its note; the counters count', async () => {
	const response = await add();
	expect([response.status, response.text, response.headers.server]).toEqual([200, '{"acted":1}', 'Toy/1']);
	expect(lines).toEqual([expect.stringMatching(/^POST \/add 200 acted=1 \d+ms$/)]);
	expect([stats.requests, stats.total]).toEqual([{ add: 1 }, 1]);
});

test.each([
	[{ kind: 'status', status: 503 } as const, 0],
	[{ kind: 'nonJsonBody' } as const, 0],
	[{ kind: 'resetBeforeProcessing' } as const, 0],
	[{ kind: 'resetAfterProcessing' } as const, 1],
	[{ kind: 'truncatedBody' } as const, 1],
	[{ kind: 'latency', ms: 5 } as const, 1],
	[{ kind: 'redirect', location: 'https://elsewhere.example/add' } as const, 0],
])('%j: the service acted %i time(s)', async (rule, times) => {
	faults.set(rule);
	await add().catch(() => undefined);
	expect(acted).toBe(times);
});

test('a status fault answers the proxy page; nonJsonBody the service’s page', async () => {
	faults.set({ kind: 'status', status: 502 });
	faults.set({ kind: 'nonJsonBody', route: '/add' });
	const proxy = await add();
	expect([proxy.status, proxy.text]).toEqual([502, expect.stringContaining('<center>nginx</center>')]);
	expect((await add()).text).toBe('<p>toy page</p>');
});

test('a redirect fault answers 301 (or its status) with the Location', async () => {
	faults.set({ kind: 'redirect', location: 'https://elsewhere.example/add' });
	faults.set({ kind: 'redirect', location: '/moved', status: 308 });
	const first = await add();
	const second = await add();
	expect([first.status, first.headers.location, second.status, second.headers.location]).toEqual([301, 'https://elsewhere.example/add', 308, '/moved']);
});

test.each([
	['hangBeforeProcessing', 0],
	['hangAfterProcessing', 1],
] as const)('%s: no answer until the client gives up, then the request is logged; the service acted %i time(s)', async (kind, times) => {
	faults.set({ kind });
	const logged = nextLine();
	// The server never answers, so the client's timeout fires: not a race with a delay (2 s lets a loaded machine deliver the request).
	await expect(request(`${url}/add`, { method: 'POST', body: '{}', headers: JSON_HEADERS, headersTimeout: 2000 })).rejects.toThrow(/timeout/i);
	expect(await logged).toMatch(/^POST \/add - hung until the client closed \d+ms$/);
	expect(acted).toBe(times);
});

test('random faults replay with their seed, hit about rate of the requests, and are counted by kind', async () => {
	const run = async (seed: number) => {
		faults.clear();
		faults.randomly({ seed, rate: 0.3, rules: [{ kind: 'status', status: 503 }, { kind: 'status', status: 502, route: '/elsewhere' }] });
		const statuses: number[] = [];
		for (let i = 0; i < 200; i++) statuses.push((await add()).status);
		return { statuses, injected: faults.injected() };
	};
	const first = await run(7);
	expect(await run(7)).toEqual(first);
	expect((await run(8)).statuses).not.toEqual(first.statuses);
	const hits = first.statuses.filter((status) => status === 503).length;
	// About half of the 30 % draw the rule that matches (the other names another route): 15 % of 200, give or take.
	expect(hits).toBeGreaterThan(10);
	expect(hits).toBeLessThan(60);
	expect(first.injected).toEqual({ status: hits });
	expect(first.statuses.every((status) => status === 200 || status === 503)).toBe(true);
});

test('the service gets the rule its request took, to apply its own kinds', async () => {
	faults.set({ kind: 'toyOnly', route: '/add' });
	await add();
	await add();
	expect(seenRules).toEqual(['toyOnly', undefined]);
});

test('each request takes every matching latency and the first other matching rule', async () => {
	faults.set({ kind: 'latency', ms: 10 });
	faults.set({ kind: 'latency', ms: 20, times: 2 });
	faults.set({ kind: 'toyOnly' });
	faults.set({ kind: 'truncatedBody' });
	clock.sleeps.length = 0;
	await add();
	expect([clock.sleeps, seenRules]).toEqual([[30], ['toyOnly']]);
	await add().catch(() => undefined);
	expect([clock.sleeps, seenRules]).toEqual([[30, 20], ['toyOnly', 'truncatedBody']]);
});

test('controls run outside the service: uncounted, no fault reaches them', async () => {
	await add();
	faults.set({ kind: 'status', status: 503, times: Infinity });
	const response = await post(`${url}/__sandbox/zero`, '', JSON_HEADERS);
	expect([response.status, JSON.parse(response.text)]).toEqual([200, { acted: 0 }]);
	expect(stats.total).toBe(1);
});

test('a service that throws: its crash page, and the stack in the log', async () => {
	const response = await post(`${url}/boom`, '{}', JSON_HEADERS);
	expect([response.status, response.text]).toEqual([500, '<p>toy crash</p>']);
	expect(lines).toEqual([expect.stringMatching(/^POST \/boom failed: Error: toy failure\n\s+at /), expect.stringMatching(/^POST \/boom 500 \d+ms$/)]);
});
