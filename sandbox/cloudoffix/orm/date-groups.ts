import { formatDate, formatDatetime, isTimeZone, parseServerDate, zonedParts, zonedToUtc } from '../dates';

/**
 * Date buckets of read_group ('date_order:month'): PostgreSQL's date_trunc in the user's time zone for datetimes,
 * labelled with Odoo 11's babel formats (en_US): "05 Nov 2026", "W45 2026", "November 2026", "Q4 2026", "2026".
 */

export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'year';

export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month', 'quarter', 'year'];

export interface DateBucket {
	/** Sorts buckets in time order. */
	key: string;
	label: string;
	/** The bucket's range in UTC server format, for __domain. */
	start: string;
	end: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The bucket of a stored date ('YYYY-MM-DD') or datetime ('YYYY-MM-DD HH:MM:SS', UTC). */
export function dateBucket(value: string, granularity: Granularity, isDatetime: boolean, timeZone: unknown): DateBucket {
	const zone = isDatetime && isTimeZone(timeZone) ? timeZone : undefined;
	const instant = parseServerDate(value);
	// Local wall time, encoded as a UTC Date so that calendar arithmetic stays simple.
	const local = zone ? wallClock(instant, zone) : instant;
	const start = truncate(local, granularity);
	const end = advance(start, granularity);
	const toServer = (moment: Date): string => {
		if (!isDatetime) return formatDate(moment);
		return formatDatetime(zone ? zonedToUtc(moment, zone) : moment);
	};
	return { key: start.toISOString(), label: label(start, granularity), start: toServer(start), end: toServer(end) };
}

function wallClock(instant: Date, zone: string): Date {
	const parts = zonedParts(instant, zone);
	return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
}

function truncate(moment: Date, granularity: Granularity): Date {
	const year = moment.getUTCFullYear();
	const month = moment.getUTCMonth();
	switch (granularity) {
		case 'day':
			return new Date(Date.UTC(year, month, moment.getUTCDate()));
		case 'week': {
			// date_trunc('week') starts weeks on Monday.
			const mondayOffset = (moment.getUTCDay() + 6) % 7;
			return new Date(Date.UTC(year, month, moment.getUTCDate() - mondayOffset));
		}
		case 'month':
			return new Date(Date.UTC(year, month, 1));
		case 'quarter':
			return new Date(Date.UTC(year, month - (month % 3), 1));
		default:
			return new Date(Date.UTC(year, 0, 1));
	}
}

function advance(start: Date, granularity: Granularity): Date {
	const year = start.getUTCFullYear();
	const month = start.getUTCMonth();
	const day = start.getUTCDate();
	const steps: Record<Granularity, [number, number, number]> = { day: [0, 0, 1], week: [0, 0, 7], month: [0, 1, 0], quarter: [0, 3, 0], year: [1, 0, 0] };
	const [years, months, days] = steps[granularity];
	return new Date(Date.UTC(year + years, month + months, day + days));
}

function label(start: Date, granularity: Granularity): string {
	const year = start.getUTCFullYear();
	switch (granularity) {
		case 'day':
			return `${String(start.getUTCDate()).padStart(2, '0')} ${MONTHS[start.getUTCMonth()].slice(0, 3)} ${year}`;
		case 'week': {
			const [weekYear, week] = usWeek(start);
			return `W${week} ${weekYear}`;
		}
		case 'month':
			return `${MONTHS[start.getUTCMonth()]} ${year}`;
		case 'quarter':
			return `Q${Math.floor(start.getUTCMonth() / 3) + 1} ${year}`;
		default:
			return String(year);
	}
}

/**
 * Babel's en_US week of year ('w' with 'YYYY'): weeks start on Sunday and week 1 is the one holding January 1st,
 * so the last days of December can belong to week 1 of the next year.
 */
function usWeek(moment: Date): [number, number] {
	const sunday = new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate() - moment.getUTCDay()));
	const saturday = new Date(sunday.getTime() + 6 * 86_400_000);
	if (saturday.getUTCFullYear() > sunday.getUTCFullYear()) return [saturday.getUTCFullYear(), 1];
	const year = moment.getUTCFullYear();
	const jan1 = new Date(Date.UTC(year, 0, 1));
	const dayOfYear = Math.round((moment.getTime() - jan1.getTime()) / 86_400_000);
	return [year, Math.floor((dayOfYear + jan1.getUTCDay()) / 7) + 1];
}
