/** Prints a benchmark's result: a title line (or lines), then a markdown table, as the README shows it. */
export function printTable(title: string[], headers: string[], rows: string[]): void {
	process.stdout.write([...title, '', `| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows, ''].join('\n'));
}
