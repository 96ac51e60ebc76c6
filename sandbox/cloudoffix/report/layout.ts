import { PAGE_HEIGHT, PAGE_WIDTH, textWidth, type PdfPage, type TextRun } from './pdf';

/**
 * A printed document as the report templates describe it: blocks of text, a table of lines and totals. The same
 * document is laid out on PDF pages (one page per record, more when its lines do not fit) and written as HTML for
 * /report/html, as Odoo renders one QWeb template to both.
 */

export type Block =
	| { kind: 'text'; lines: string[]; size?: number; bold?: boolean; align?: 'left' | 'right' }
	| { kind: 'fields'; items: [label: string, value: string][] }
	| { kind: 'table'; columns: { title: string; width: number; align: 'left' | 'right' }[]; rows: string[][] }
	| { kind: 'totals'; rows: [label: string, value: string, bold?: boolean][] }
	| { kind: 'space'; height: number };

export interface ReportDocument {
	/** The name the PDF's info and the HTML page title carry. */
	title: string;
	header: string[];
	footer: string[];
	blocks: Block[];
}

const MARGIN = 50;
const WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TOP = PAGE_HEIGHT - MARGIN;
const BOTTOM = 70;

class PageWriter {
	readonly pages: PdfPage[] = [];

	private page!: PdfPage;

	y = 0;

	constructor(private readonly doc: ReportDocument) {
		this.newPage();
	}

	newPage(): void {
		this.page = { runs: [], rules: [] };
		this.pages.push(this.page);
		this.y = TOP;
		for (const [index, line] of this.doc.header.entries()) this.text(MARGIN, line, index === 0 ? 12 : 9, index === 0);
		this.rule(MARGIN, this.y + 4, MARGIN + WIDTH);
		this.y -= 16;
		let footerY = 40;
		for (const line of [...this.doc.footer].reverse()) {
			this.page.runs.push({ x: (PAGE_WIDTH - textWidth(line, 8)) / 2, y: footerY, size: 8, text: line });
			footerY += 10;
		}
	}

	/** Room for `height` points, or a new page. */
	ensure(height: number): void {
		if (this.y - height < BOTTOM) this.newPage();
	}

	text(x: number, text: string, size = 10, bold = false, align: TextRun['align'] = 'left'): void {
		this.ensure(size * 1.4);
		this.page.runs.push({ x, y: this.y, size, text, bold, align });
		this.y -= size * 1.4;
	}

	run(run: TextRun): void {
		this.page.runs.push(run);
	}

	rule(x1: number, y: number, x2: number): void {
		this.page.rules.push({ x1, y1: y, x2, y2: y });
	}
}

/** The document on A4 pages. */
export function layoutPages(doc: ReportDocument): PdfPage[] {
	const writer = new PageWriter(doc);
	for (const block of doc.blocks) {
		switch (block.kind) {
			case 'space':
				writer.y -= block.height;
				break;
			case 'text':
				for (const line of block.lines) writer.text(block.align === 'right' ? MARGIN + WIDTH : MARGIN, line, block.size ?? 10, block.bold, block.align);
				break;
			case 'fields':
				writer.ensure(30);
				block.items.forEach(([label, value], index) => {
					const x = MARGIN + index * 165;
					writer.run({ x, y: writer.y, size: 9, text: label, bold: true });
					writer.run({ x, y: writer.y - 12, size: 9, text: value });
				});
				writer.y -= 30;
				break;
			case 'table':
				layoutTable(writer, block);
				break;
			case 'totals':
				for (const [label, value, bold] of block.rows) {
					writer.ensure(14);
					writer.run({ x: MARGIN + WIDTH * 0.6, y: writer.y, size: 10, text: label, bold });
					writer.run({ x: MARGIN + WIDTH, y: writer.y, size: 10, text: value, bold, align: 'right' });
					writer.y -= 14;
				}
				break;
		}
	}
	return writer.pages;
}

function layoutTable(writer: PageWriter, table: Extract<Block, { kind: 'table' }>): void {
	const total = table.columns.reduce((sum, column) => sum + column.width, 0);
	const edges: number[] = [];
	let left = MARGIN;
	for (const column of table.columns) {
		edges.push(left);
		left += (column.width / total) * WIDTH;
	}
	const row = (cells: string[], bold: boolean) => {
		writer.ensure(14);
		cells.forEach((cell, index) => {
			const column = table.columns[index];
			const right = index + 1 < edges.length ? edges[index + 1] - 6 : MARGIN + WIDTH;
			writer.run({ x: column.align === 'right' ? right : edges[index], y: writer.y, size: 9, text: cell, bold, align: column.align });
		});
		writer.y -= 14;
	};
	row(table.columns.map((column) => column.title), true);
	writer.rule(MARGIN, writer.y + 10, MARGIN + WIDTH);
	for (const cells of table.rows) row(cells, false);
	writer.rule(MARGIN, writer.y + 10, MARGIN + WIDTH);
	writer.y -= 6;
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function blockHtml(block: Block): string {
	switch (block.kind) {
		case 'space':
			return '';
		case 'text': {
			const tag = block.bold ? 'h2' : 'p';
			const style = block.align === 'right' ? ' class="text-right"' : '';
			return `<${tag}${style}>${block.lines.map(escapeHtml).join('<br/>')}</${tag}>`;
		}
		case 'fields':
			return `<div class="row mt32 mb32">${block.items.map(([label, value]) => `<div class="col-xs-3"><strong>${escapeHtml(label)}</strong><p>${escapeHtml(value)}</p></div>`).join('')}</div>`;
		case 'table': {
			const cell = (tag: string, text: string, align: string) => `<${tag}${align === 'right' ? ' class="text-right"' : ''}>${escapeHtml(text)}</${tag}>`;
			const head = table(block.columns.map((column) => cell('th', column.title, column.align)).join(''));
			const body = block.rows.map((cells) => `<tr>${cells.map((text, index) => cell('td', text, block.columns[index].align)).join('')}</tr>`).join('');
			return `<table class="table table-condensed"><thead>${head}</thead><tbody class="sale_tbody">${body}</tbody></table>`;
		}
		case 'totals':
			return `<table class="table table-condensed" style="min-width: 200px;max-width: 350px;">${block.rows
				.map(([label, value, bold]) => `<tr${bold ? ' class="border-black"' : ''}><td>${escapeHtml(label)}</td><td class="text-right">${escapeHtml(value)}</td></tr>`)
				.join('')}</table>`;
	}
}

function table(cells: string): string {
	return `<tr>${cells}</tr>`;
}

/** The documents as one HTML page, one article per record (what render_qweb_html returns). */
export function renderHtml(docs: readonly ReportDocument[]): string {
	const articles = docs.map(
		(doc) =>
			`<div class="header">${doc.header.map(escapeHtml).join('<br/>')}</div>\n<div class="article o_report_layout_standard"><div class="page">\n${doc.blocks.map(blockHtml).join('\n')}\n</div></div>\n<div class="footer">${doc.footer.map(escapeHtml).join(' ')}</div>`,
	);
	const title = docs.length === 1 ? docs[0].title : 'Odoo Report';
	return `<!DOCTYPE html>\n<html style="height: 0;">\n<head>\n<meta charset="utf-8"/>\n<title>${escapeHtml(title)}</title>\n</head>\n<body class="container">\n${articles.join('\n')}\n</body>\n</html>\n`;
}
