import type { CodelayerFaultRule } from '../../sandbox/codelayer/faults';
import type { FaultRule } from '../../sandbox/cloudoffix';
import { seededRandom } from '../../sandbox/shared/random';
import { captureLogs, packageNode } from '../harness';
import { ADMIN_PASSWORD, cloudOffixHarness, useCloudOffixSandbox } from '../cloudoffix/sandbox';
import { codelayerHarness, useCodelayerSandbox } from '../codelayer/harness';
import { sale, Shop, sorted, Watch } from '../codelayer/triggerHarness';
import { JsonRpcClient } from '../sandbox/cloudoffix/helpers/json-client';
import { ManualClock } from '../sandbox/helpers/clock';
import { addFaults, NETWORK_FAULTS, recordAndCheck, secretsFoundSoFar, seedFor, type ScenarioSummary } from './scenario';

/**
 * Both triggers over many polls while the server changes between them, with seeded random faults on the polls
 * (scenario.ts): every change is emitted exactly once, by the polls that succeed; a failed poll moves nothing.
 * The changes are made with the faults off (they are another user's, not the trigger's).
 */

const POLLS = 150;
/** A poll is a request or two: faults hit a fifth of them, so that many polls fail or retry. */
const POLL_FAULT_RATE = 0.2;
/** One retry only, so that some polls fail outright (a failed poll must move nothing) and others pass on their retry. */
const CONNECTION = { retries: 1, retryWaitMs: 1 };

/** A trigger scenario's line: each expected change emitted once (the polls' items against what the server changed). */
function triggerSummary(scenario: string, seed: number, emitted: readonly string[], expected: readonly string[], faults: Record<string, number>, failedPolls: number): ScenarioSummary {
	const times = new Map<string, number>();
	for (const key of emitted) times.set(key, (times.get(key) ?? 0) + 1);
	return {
		scenario,
		seed,
		items: expected.length,
		faults,
		lost: expected.filter((key) => !times.has(key)).length,
		duplicated: [...times.values()].filter((count) => count > 1).length,
		errorsReported: failedPolls,
		uncertain: 0,
		secretsFound: secretsFoundSoFar(),
	};
}

describe('CloudOffix Trigger under random faults', () => {
	const clock = new ManualClock({ start: Date.UTC(2031, 2, 14, 8, 0, 0), instantSleeps: true });
	const sandbox = useCloudOffixSandbox({ clock, computedFieldCostMs: 0 });
	const FAULTS: FaultRule[] = [...NETWORK_FAULTS, { kind: 'expireSessionAfter', calls: 1 }];

	it(`${POLLS} polls while leads are created: each lead emitted once`, async () => {
		const seed = seedFor(301);
		const random = seededRandom(seed);
		const harness = cloudOffixHarness(sandbox());
		const trigger = packageNode('cloudOffixTrigger', { model: { mode: 'name', value: 'crm.lead' }, event: 'created', options: { fields: ['name'] }, connection: CONNECTION }, { cloudOffixApi: 'co-1' });
		const poller = harness.poller(trigger);
		const client = new JsonRpcClient(sandbox().url, sandbox().db);
		await client.login('admin', ADMIN_PASSWORD);
		await poller.poll();
		const created: string[] = [];
		const emitted: string[] = [];
		const faults: Record<string, number> = {};
		let failedPolls = 0;
		const poll = async () => {
			// The trigger logs a failed poll and returns null, as an idle one does.
			const { result, logs } = await captureLogs(async () => await poller.poll());
			if (logs.includes('the poll failed')) failedPolls++;
			emitted.push(...result.items.map((item) => String(item.json.name)));
		};
		for (let round = 0; round < POLLS; round++) {
			sandbox().faults.clear();
			for (let n = Math.floor(random() * 6); n > 0; n--) {
				const name = `Lead ${created.length}`;
				await client.callKw('crm.lead', 'create', [{ name }]);
				created.push(name);
			}
			// Between 0 and 90 s pass: several polls in one second, and several seconds between polls.
			clock.advance(Math.floor(random() * 90) * 1000);
			sandbox().faults.randomly({ seed: seed + round, rate: POLL_FAULT_RATE, rules: FAULTS });
			await poll();
			addFaults(faults, sandbox().faults.injected());
		}
		sandbox().faults.clear();
		clock.advance(60_000);
		await poll();
		recordAndCheck(triggerSummary('CloudOffix Trigger', seed, emitted, created, faults, failedPolls));
		expect(failedPolls).toBeGreaterThan(0);
		expect(sorted(emitted)).toEqual(sorted(created));
	});
});

describe('Codelayer Route Report Trigger under random faults', () => {
	const sandbox = useCodelayerSandbox();
	const FAULTS: CodelayerFaultRule[] = [
		...NETWORK_FAULTS,
		{ kind: 'e', e: 503 },
		{ kind: 'missingEnvelope' },
		{ kind: 'expireKeyAfter', calls: 1 },
	];

	it(`${POLLS} polls while sales are saved: each sale emitted once`, async () => {
		const seed = seedFor(302);
		const random = seededRandom(seed);
		const harness = codelayerHarness(sandbox());
		const watch = new Watch(harness.poller(packageNode('codelayerRouteReportTrigger', { connection: CONNECTION }, { codelayerApi: 'cl-1' })), sandbox);
		const shop = new Shop(sandbox);
		await watch.poll();
		const faults: Record<string, number> = {};
		let failedPolls = 0;
		for (let round = 0; round < POLLS; round++) {
			sandbox().faults.clear();
			// Each sale's cash received is its own, so that every row of the report is one sale.
			for (let n = Math.floor(random() * 4); n > 0; n--) await shop.sell(sale({ cashreceived: 100 + shop.saved.length, lines: { 1: 1 } }));
			sandbox().faults.randomly({ seed: seed + round, rate: POLL_FAULT_RATE, rules: FAULTS });
			// The trigger logs a failed poll and returns null, as an idle one does.
			const { logs } = await captureLogs(async () => await watch.poll());
			if (logs.includes('could not poll')) failedPolls++;
			addFaults(faults, sandbox().faults.injected());
		}
		sandbox().faults.clear();
		await watch.poll();
		recordAndCheck(triggerSummary('Codelayer Route Report Trigger', seed, watch.emitted, shop.saved, faults, failedPolls));
		expect(failedPolls).toBeGreaterThan(0);
		expect(sorted(watch.emitted)).toEqual(sorted(shop.saved));
	});
});
