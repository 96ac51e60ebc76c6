/** Odoo's server formats: dates 'YYYY-MM-DD', datetimes 'YYYY-MM-DD HH:MM:SS', always UTC. */

export function formatDatetime(moment: Date): string {
	return moment.toISOString().slice(0, 19).replace('T', ' ');
}

export function formatDate(moment: Date): string {
	return moment.toISOString().slice(0, 10);
}

/** Parses a server-format date or datetime as UTC. */
export function parseServerDate(text: string): Date {
	return new Date(`${text.length === 10 ? `${text}T00:00:00` : text.replace(' ', 'T')}Z`);
}

export function addDays(moment: Date, days: number): Date {
	return new Date(moment.getTime() + days * 86_400_000);
}

/** Werkzeug's cookie date: "Sun, 21-Feb-2027 23:13:54 GMT" (dashes, unlike the HTTP-date). */
export function cookieDate(moment: Date): string {
	const [weekday, day, month, year, time] = moment.toUTCString().replace(',', '').split(' ');
	return `${weekday}, ${day}-${month}-${year} ${time} GMT`;
}

/** The wall-clock parts of an instant in a time zone (Odoo groups datetimes in the user's tz). */
export function zonedParts(moment: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
	const parts: Record<string, number> = {};
	for (const part of zoneFormatter(timeZone).formatToParts(moment)) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** The UTC instant at which the wall clock of `timeZone` shows the given UTC-encoded local time. */
export function zonedToUtc(local: Date, timeZone: string): Date {
	let guess = local.getTime();
	// Two passes settle the offset, including across a DST change.
	for (let pass = 0; pass < 2; pass++) {
		const shown = zonedParts(new Date(guess), timeZone);
		const shownAsUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second);
		guess += local.getTime() - shownAsUtc;
	}
	return new Date(guess);
}

export function isTimeZone(name: unknown): name is string {
	if (typeof name !== 'string' || name === '') return false;
	try {
		zoneFormatter(name);
		return true;
	} catch {
		return false;
	}
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}
