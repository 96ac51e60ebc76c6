/**
 * A small PDF 1.4 writer for the printed reports: a catalog, a page tree, the standard Helvetica fonts (no
 * embedding) in WinAnsiEncoding, one content stream of positioned text and rules per page, an info dictionary, and
 * a cross-reference table with the byte offset of every object. Uncompressed, so that a test can read the text
 * back; a binary comment after the header marks the file as binary, as PDF writers do (and as wkhtmltopdf's output
 * is), which is why the bytes are not valid UTF-8.
 */

export interface TextRun {
	/** Points from the left edge; with align 'right', where the text ends. */
	x: number;
	/** Points from the bottom edge, the text's baseline. */
	y: number;
	size: number;
	text: string;
	bold?: boolean;
	align?: 'left' | 'right';
}

export interface Rule {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

export interface PdfPage {
	runs: TextRun[];
	rules: Rule[];
}

export interface PdfInfo {
	title: string;
	created: Date;
}

/** A4 in points. */
export const PAGE_WIDTH = 595;
export const PAGE_HEIGHT = 842;

/** The widths of Helvetica's printable ASCII characters (32-126), per 1000 units of the font size (its AFM). */
const HELVETICA = [
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** How wide a text is in Helvetica (bold is taken as regular: only right-aligned figures are measured). */
export function textWidth(text: string, size: number): number {
	let units = 0;
	for (const char of text) {
		const code = char.charCodeAt(0);
		units += code >= 32 && code <= 126 ? HELVETICA[code - 32] : 556;
	}
	return (units * size) / 1000;
}

/** The characters of WinAnsiEncoding from 0x80 to 0x9f (0xa0-0xff are Latin-1's). */
const WIN_ANSI_HIGH: Record<string, number> = {
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Letters outside WinAnsi that decomposition does not reduce to ASCII. */
const FALLBACKS: Record<string, string> = { ı: 'i', İ: 'I', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o' };

/** A character's WinAnsi code: itself, its base letter (ş → s), or '?'. */
function winAnsi(char: string): number {
	const code = char.codePointAt(0) ?? 63;
	if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return code;
	if (WIN_ANSI_HIGH[char] !== undefined) return WIN_ANSI_HIGH[char];
	const base = FALLBACKS[char] ?? char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
	return base.length === 1 && base.charCodeAt(0) < 0x7f ? base.charCodeAt(0) : 63;
}

/** A PDF literal string: ( ) \ escaped, and every byte outside printable ASCII as an octal escape. */
function literal(text: string): string {
	let out = '(';
	for (const char of text) {
		const code = winAnsi(char);
		if (code === 0x28 || code === 0x29 || code === 0x5c) out += `\\${String.fromCharCode(code)}`;
		else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`;
		else out += String.fromCharCode(code);
	}
	return `${out})`;
}

function number(value: number): string {
	return String(Math.round(value * 100) / 100);
}

function contentStream(page: PdfPage): string {
	const ops: string[] = [];
	if (page.rules.length > 0) {
		ops.push('0.6 w 0.4 G');
		for (const rule of page.rules) ops.push(`${number(rule.x1)} ${number(rule.y1)} m ${number(rule.x2)} ${number(rule.y2)} l S`);
	}
	for (const run of page.runs) {
		const x = run.align === 'right' ? run.x - textWidth(run.text, run.size) : run.x;
		ops.push(`BT /${run.bold ? 'F2' : 'F1'} ${number(run.size)} Tf ${number(x)} ${number(run.y)} Td ${literal(run.text)} Tj ET`);
	}
	return `${ops.join('\n')}\n`;
}

/** D:YYYYMMDDHHmmSSZ */
function pdfDate(moment: Date): string {
	return `D:${moment.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

export function buildPdf(pages: readonly PdfPage[], info: PdfInfo): Buffer {
	const shown = pages.length > 0 ? pages : [{ runs: [], rules: [] }];
	// Objects: 1 catalog, 2 page tree, 3 and 4 fonts, 5 info, then a page and its content per page.
	const pageId = (index: number) => 6 + index * 2;
	const bodies: string[] = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		`<< /Type /Pages /Kids [${shown.map((_, index) => `${pageId(index)} 0 R`).join(' ')}] /Count ${shown.length} >>`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
		`<< /Title ${literal(info.title)} /Creator (CloudOffix sandbox) /Producer (CloudOffix sandbox PDF writer) /CreationDate (${pdfDate(info.created)}) >>`,
	];
	shown.forEach((page, index) => {
		const stream = contentStream(page);
		bodies.push(
			`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageId(index) + 1} 0 R >>`,
			`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`,
		);
	});
	const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%', 'latin1'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n', 'latin1')];
	let offset = chunks.reduce((total, chunk) => total + chunk.length, 0);
	const offsets: number[] = [];
	bodies.forEach((body, index) => {
		const chunk = Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
		offsets.push(offset);
		chunks.push(chunk);
		offset += chunk.length;
	});
	// Each cross-reference entry is exactly 20 bytes: 10-digit offset, 5-digit generation, n or f, and a 2-byte end of line.
	const xref = [`xref\n0 ${bodies.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`)].join('');
	const trailer = `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
	chunks.push(Buffer.from(xref + trailer, 'latin1'));
	return Buffer.concat(chunks);
}
