import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

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
	/** Secret values found in the scenario's output items and error items. */
	secretsFound: number;
}

export const SUMMARY_FOLDER = join(__dirname, '../../.build/reliability');

/** Faults drawn at 6 % of requests; seeds are fixed per scenario so that a failure replays (RELIABILITY_SEED adds to them). */
export const FAULT_RATE = 0.06;

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

/** How many of `secrets` appear in the output items (json and error). */
export function secretsIn(output: INodeExecutionData[], secrets: readonly string[]): number {
	const text = JSON.stringify(output.map((item) => ({ json: item.json, error: item.error && { message: item.error.message, description: (item.error as { description?: unknown }).description } })));
	return secrets.filter((secret) => secret.length >= 8 && text.includes(secret)).length;
}
