import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import type { NetworkFault } from '../../sandbox/shared/faults';
import { currentSecrets, findLeaks, producedSoFar } from '../harness/secrets';

/**
 * What a fault-injection scenario reports, counted from the sandbox's own records: one line per scenario in the
 * test output and in .build/reliability/<scenario>.json, which .ci/run prints as one table after the tests.
 */
export interface ScenarioSummary {
	scenario: string;
	seed: number;
	items: number;
	/** Faults the sandbox injected, by kind. */
	faults: Readonly<Record<string, number>>;
	/** Items reported done whose effect is not on the server, or items without an output item. */
	lost: number;
	/** Records (or sales) the server holds more than once for one item. */
	duplicated: number;
	/** Error items, each paired to its input. */
	errorsReported: number;
	/** Failed items whose work the server may nevertheless have done (their error says so). */
	uncertain: number;
	/** Secret values found in anything the scenario produced (see secretsFoundSoFar). */
	secretsFound: number;
}

export const SUMMARY_FOLDER = join(__dirname, '../../.build/reliability');

/** Faults drawn at 6 % of requests; seeds are fixed per scenario so that a failure replays (RELIABILITY_SEED adds to them). */
export const FAULT_RATE = 0.06;

/** The faults any server meets on the way: proxies' status pages, resets before and after it acted, cut-off and foreign answers. */
export const NETWORK_FAULTS: readonly NetworkFault[] = [
	{ kind: 'status', status: 500 },
	{ kind: 'status', status: 502 },
	{ kind: 'status', status: 503 },
	{ kind: 'resetBeforeProcessing' },
	{ kind: 'resetAfterProcessing' },
	{ kind: 'truncatedBody' },
	{ kind: 'nonJsonBody' },
];

/** Adds one round's counts of injected faults to the run's. */
export function addFaults(total: Record<string, number>, round: Readonly<Record<string, number>>): void {
	for (const [kind, count] of Object.entries(round)) total[kind] = (total[kind] ?? 0) + count;
}

/**
 * Lost and uncertain items of a run whose effect can be read back (`done(i)`: the server holds item i's change): an
 * item reported done whose change is not there is lost; a failed item whose change is there is uncertain (its
 * error says the server may have acted). Throws when output order or pairing is broken.
 */
export function outcomeOf(output: INodeExecutionData[], items: number, done: (itemIndex: number) => boolean): { lost: number; uncertain: number } {
	let lost = 0;
	let uncertain = 0;
	outputByInput(output, items).forEach((item, i) => {
		if (!item || (item.json.error === undefined && !done(i))) lost++;
		else if (item.json.error !== undefined && done(i)) uncertain++;
	});
	return { lost, uncertain };
}

/** An item scenario's line: its error items counted from the output, the rest as the scenario counted it. */
export function itemSummary(
	scenario: string,
	seed: number,
	output: INodeExecutionData[],
	counts: Pick<ScenarioSummary, 'items' | 'lost' | 'duplicated' | 'uncertain'>,
	faults: Readonly<Record<string, number>>,
): ScenarioSummary {
	return {
		scenario,
		seed,
		faults,
		errorsReported: output.filter((item) => item.json.error !== undefined).length,
		secretsFound: secretsFoundSoFar(),
		...counts,
	};
}

export function seedFor(base: number): number {
	return base + Number(process.env.RELIABILITY_SEED ?? 0);
}

function totalFaults(summary: ScenarioSummary): number {
	return Object.values(summary.faults).reduce((sum, count) => sum + count, 0);
}

/**
 * Records the scenario's line (stdout and .build/reliability) and checks what must hold whatever the faults:
 * enough of them hit, nothing lost, nothing duplicated, no secret in the output.
 */
export function recordAndCheck(summary: ScenarioSummary): void {
	mkdirSync(SUMMARY_FOLDER, { recursive: true });
	const slug = summary.scenario.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	writeFileSync(join(SUMMARY_FOLDER, `${slug}.json`), JSON.stringify(summary));
	process.stdout.write(`reliability: ${JSON.stringify(summary)}\n`);
	expect(totalFaults(summary)).toBeGreaterThan(10);
	expect({ lost: summary.lost, duplicated: summary.duplicated, secretsFound: summary.secretsFound }).toEqual({ lost: 0, duplicated: 0, secretsFound: 0 });
}

/** The output items by the input item they are paired to; each input must have exactly one. */
export function outputByInput(output: INodeExecutionData[], items: number): Array<INodeExecutionData | undefined> {
	const byInput: Array<INodeExecutionData | undefined> = new Array(items);
	output.forEach((item, position) => {
		const paired = item.pairedItem as { item: number } | undefined;
		if (paired?.item !== position) throw new Error(`output ${position} is paired to ${JSON.stringify(item.pairedItem)}: order or pairing broken`);
		byInput[paired.item] = item;
	});
	return byInput;
}

/**
 * Secret values (test/harness/secrets.ts: the credentials' passwords, session ids and keys, and those the sandboxes
 * issued) found so far in anything the test produced: items, errors, n8n's log, the console. The suite's hook
 * fails the test on any; the summary counts them.
 */
export function secretsFoundSoFar(): number {
	return findLeaks(producedSoFar(), currentSecrets()).length;
}
