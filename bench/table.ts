/** The markdown table the README shows: one line per figure, its peer and the ratio; notes under it. */
import type { Row } from './measure';

/** A value in its unit, with the precision the unit deserves. */
export function formatValue(value: number, unit: string): string {
	const fixed = (digits: number) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
	switch (unit) {
		case 'ms':
			return `${fixed(value < 100 ? 1 : 0)} ms`;
		case 'MB':
			return `${fixed(value < 10 ? 2 : 1)} MB`;
		case 'req/item':
			return `${fixed(3)} req/item`;
		default:
			// "1 request", "2 requests"
			return `${fixed(Number.isInteger(value) ? 0 : 1)} ${value === 1 && unit.endsWith('s') ? unit.slice(0, -1) : unit}`;
	}
}

export function formatRatio(ratio: number | null): string {
	if (ratio === null) return 'n/a';
	if (ratio >= 10) return ratio.toFixed(1);
	if (ratio >= 1) return ratio.toFixed(2);
	return ratio.toPrecision(3);
}

const HEADERS = ['benchmark', 'scenario', 'latency', 'figure', 'ours', 'peer', "peer's value", 'ratio ours / peer', 'target', 'met'];

export function formatTable(rows: Row[]): string {
	const notes: string[] = [];
	const cell = (text: string) => text.replace(/\|/g, '\\|');
	const lines = rows.map((row) => {
		let peerValue = row.peerValue === null ? 'failed' : formatValue(row.peerValue, row.ours.unit);
		if (row.note) {
			// Rows that share a note (one failure behind several figures) share its number.
			if (!notes.includes(row.note)) notes.push(row.note);
			peerValue += ` [${notes.indexOf(row.note) + 1}]`;
		}
		const cells = [
			row.benchmark,
			row.scenario,
			row.latencyMs === undefined ? '—' : `${row.latencyMs} ms`,
			row.figure,
			formatValue(row.ours.value, row.ours.unit),
			row.peer,
			peerValue,
			formatRatio(row.ratio),
			row.target ?? '',
			row.met === undefined ? '' : row.met ? 'yes' : '**no**',
		];
		return `| ${cells.map(cell).join(' | ')} |`;
	});
	return [
		`| ${HEADERS.join(' | ')} |`,
		`|${HEADERS.map(() => '---').join('|')}|`,
		...lines,
		...(notes.length > 0 ? ['', ...notes.map((note, index) => `- [${index + 1}] ${note}`)] : []),
	].join('\n');
}
