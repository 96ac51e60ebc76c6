/** WinAnsiEncoding's 0x80-0x9f that the sandbox's PDF writer uses; 0xa0-0xff are Latin-1's. */
const WIN_ANSI: Record<number, string> = { 0x80: '€', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—' };

/** A PDF literal string's text: escapes undone, bytes read as WinAnsi. */
export function decodePdfLiteral(literal: string): string {
	const bytes: number[] = [];
	for (let index = 0; index < literal.length; index++) {
		const char = literal[index];
		if (char !== '\\') {
			bytes.push(char.charCodeAt(0));
			continue;
		}
		const octal = /^[0-7]{1,3}/.exec(literal.slice(index + 1))?.[0];
		if (octal) {
			bytes.push(parseInt(octal, 8));
			index += octal.length;
		} else {
			const escaped = literal[++index];
			bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[escaped] ?? escaped.charCodeAt(0));
		}
	}
	return bytes.map((byte) => WIN_ANSI[byte] ?? String.fromCharCode(byte)).join('');
}

/**
 * The text an uncompressed PDF shows: every `(…) Tj` inside a BT … ET text object, in order. Enough for PDFs with
 * uncompressed content streams (the sandbox's); it reads no xref, fonts or compressed streams.
 */
export function pdfText(bytes: Buffer): string[] {
	const file = bytes.toString('latin1');
	if (!file.startsWith('%PDF-')) throw new Error(`Not a PDF: starts with ${JSON.stringify(file.slice(0, 20))}`);
	const texts: string[] = [];
	for (const block of file.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
		for (const shown of block[1].matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) texts.push(decodePdfLiteral(shown[1]));
	}
	return texts;
}
