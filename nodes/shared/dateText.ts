/**
 * Dates and times as users give them to a node: ISO 8601 text (with "T" or a space, zone optional), or the
 * Luxon DateTimes n8n hands out ($now, and date fields once n8n validated them).
 */

/** Date, optional time (seconds and fraction optional), optional zone. */
const DATE_TIME_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export interface WrittenDateTime {
	/** The calendar date as written (YYYY-MM-DD), before any zone conversion. */
	writtenDate: string;
	/** The wall-clock time as written (HH:MM:SS; midnight when only a date was given). */
	writtenTime: string;
	/** Whether the text named its zone or offset. */
	zoned: boolean;
	/** The instant: with no zone given, the time is read as UTC. */
	instant: Date;
}

/**
 * Luxon is n8n's, not ours to import, so a DateTime is recognised by its methods and read as the ISO text
 * of its own zone: the date as written there, the instant with its offset.
 */
interface LuxonDateTime {
	isValid: boolean;
	toISO(): string | null;
}

function isLuxonDateTime(value: unknown): value is LuxonDateTime {
	return typeof value === 'object' && value !== null && typeof (value as Partial<LuxonDateTime>).toISO === 'function' && 'isValid' in value;
}

function sameParts(date: Date, parts: number[]): boolean {
	const actual = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
	return actual.every((part, index) => part === parts[index]);
}

function zoneOffsetMinutes(zone: string | undefined): number {
	if (!zone || zone.toUpperCase() === 'Z') return 0;
	const digits = zone.slice(1).replace(':', '');
	const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
	return zone.startsWith('-') ? -minutes : minutes;
}

function readText(text: string): WrittenDateTime | undefined {
	const match = DATE_TIME_TEXT.exec(text.trim());
	if (!match) return undefined;
	const [, year, month, day, hour = '00', minute = '00', second = '00', zone] = match;
	const parts = [year, month, day, hour, minute, second].map(Number);
	const asWritten = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]));
	// Date.UTC rolls 2024-02-30 over to March and 24:00 to the next day: such text is not a real date.
	if (!sameParts(asWritten, parts)) return undefined;
	return {
		writtenDate: `${year}-${month}-${day}`,
		writtenTime: `${hour}:${minute}:${second}`,
		zoned: zone !== undefined,
		instant: new Date(asWritten.getTime() - zoneOffsetMinutes(zone) * 60_000),
	};
}

/** Reads date / date-time text or a valid Luxon DateTime; undefined for anything else. */
export function readDateInput(value: unknown): WrittenDateTime | undefined {
	if (typeof value === 'string') return readText(value);
	const iso = isLuxonDateTime(value) && value.isValid ? value.toISO() : null;
	return iso ? readText(iso) : undefined;
}

/** "YYYY-MM-DD HH:MM:SS" of `instant` on the wall clock of the IANA time zone `zone`. */
export function wallClock(instant: Date, zone: string): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
			.formatToParts(instant)
			.map((part) => [part.type, part.value]),
	);
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
