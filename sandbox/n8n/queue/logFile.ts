import { open, readFile } from 'node:fs/promises';

/**
 * An n8n process's log file as it grows. With N8N_LOG_OUTPUT=file n8n writes one JSON object per line (winston's
 * json format: level, message, metadata with the call's fields such as executionId, timestamp); this reads the lines
 * appended since the last read, keeps every entry, and lets a test wait for an entry to appear.
 */
export interface LogEntry {
	level: string;
	message: string;
	metadata: Record<string, unknown>;
}

export class LogFile {
	private offset = 0;

	/** Bytes after the last newline: a line being written (kept as bytes, so that no character is cut in two). */
	private pending = Buffer.alloc(0);

	private readonly kept: LogEntry[] = [];

	constructor(readonly path: string) {}

	/** Every entry written so far, oldest first. */
	async entries(): Promise<readonly LogEntry[]> {
		await this.read();
		return this.kept;
	}

	/** The file as it is now, raw (for the secrets check). */
	async text(): Promise<string> {
		return await readFile(this.path, 'utf8').catch(() => '');
	}

	/**
	 * Resolves with the first entry `matches` accepts once it has been written, re-reading the file every 100 ms;
	 * fails after `boundMs` (a bound on a process that never writes it, not a wait anything relies on).
	 */
	async waitFor(matches: (entry: LogEntry) => boolean, what: string, boundMs = 120_000): Promise<LogEntry> {
		const until = Date.now() + boundMs;
		for (;;) {
			const found = (await this.entries()).find(matches);
			if (found) return found;
			if (Date.now() > until) throw new Error(`${this.path} has no entry ${what} after ${boundMs} ms`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	private async read(): Promise<void> {
		const file = await open(this.path, 'r').catch(() => undefined);
		if (!file) return;
		try {
			const { size } = await file.stat();
			if (size < this.offset) this.offset = 0;
			if (size === this.offset) return;
			const buffer = Buffer.alloc(size - this.offset);
			await file.read(buffer, 0, buffer.length, this.offset);
			this.offset = size;
			const bytes = Buffer.concat([this.pending, buffer]);
			const end = bytes.lastIndexOf(0x0a) + 1;
			this.pending = bytes.subarray(end);
			for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
				const entry = parseEntry(line);
				if (entry) this.kept.push(entry);
			}
		} finally {
			await file.close();
		}
	}
}

function parseEntry(line: string): LogEntry | undefined {
	if (line.trim() === '') return undefined;
	try {
		const parsed = JSON.parse(line) as Partial<LogEntry>;
		return { level: String(parsed.level ?? ''), message: String(parsed.message ?? ''), metadata: (parsed.metadata ?? {}) as Record<string, unknown> };
	} catch {
		return { level: 'text', message: line, metadata: {} };
	}
}
