/**
 * Merges the rows the benchmark scripts wrote (bench/run gives their files in order, and the timings file it
 * kept) into .build/bench/results.json, writes the one table to .build/bench/results.md and prints it:
 * `node report.js <out dir> <rows.json>...`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import { QUICK, type Row } from './measure';
import { runBench } from './runBench';
import { formatRatio, formatTable } from './table';

async function main() {
	const [outDir, ...files] = process.argv.slice(2);
	if (!outDir || files.length === 0) throw new Error('usage: node report.js <out dir> <rows.json>...');
	const rows = files.flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as Row[]);
	const timingsFile = join(outDir, 'rows', 'timings.tsv');
	const secondsPerScript = existsSync(timingsFile)
		? Object.fromEntries(
				readFileSync(timingsFile, 'utf8')
					.trim()
					.split('\n')
					.map((line) => line.split('\t'))
					.map(([script, seconds]) => [script, Number(seconds)]),
			)
		: {};
	const judged = rows.filter((row) => row.target !== undefined);
	const missed = judged.filter((row) => row.met === false);
	const results = {
		generatedAt: new Date().toISOString(),
		quick: QUICK,
		node: process.version,
		cpus: cpus().length,
		secondsPerScript,
		targets: { total: judged.length, met: judged.filter((row) => row.met === true).length, missed: missed.length, unjudged: judged.filter((row) => row.met === undefined).length },
		rows,
	};
	const table = formatTable(rows);
	writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, '\t')}\n`);
	writeFileSync(join(outDir, 'results.md'), `${table}\n`);
	const summary = [
		`Targets met: ${results.targets.met} of ${judged.length}${results.targets.unjudged > 0 ? ` (${results.targets.unjudged} not judged: no peer value)` : ''}.`,
		...missed.map((row) => `- missed: ${row.benchmark}, ${row.scenario}${row.latencyMs === undefined ? '' : `, ${row.latencyMs} ms`}: ${row.figure} vs ${row.peer} ${formatRatio(row.ratio)}, target ${row.target}`),
	];
	process.stdout.write(`${table}\n\n${summary.join('\n')}\n\nbench: ${join(outDir, 'results.json')} and results.md written\n`);
}

runBench(main);
