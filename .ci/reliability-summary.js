// Prints the fault-injection suite's scenarios (test/reliability, one JSON file each under .build/reliability)
// as the table the README's Reliability section shows: one line per scenario.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const folder = join(__dirname, '../.build/reliability');
let files = [];
try {
	files = readdirSync(folder).filter((name) => name.endsWith('.json'));
} catch {
	console.log('reliability: no scenario ran');
	process.exit(0);
}
const rows = files.map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8'))).sort((a, b) => a.seed - b.seed);
const faults = (byKind) => Object.values(byKind).reduce((sum, count) => sum + count, 0);
console.log('| scenario | seed | items | faults injected | lost | duplicated | errors reported | of which may have been done | secrets found |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of rows) {
	console.log(`| ${row.scenario} | ${row.seed} | ${row.items} | ${faults(row.faults)} | ${row.lost} | ${row.duplicated} | ${row.errorsReported} | ${row.uncertain} | ${row.secretsFound} |`);
}
