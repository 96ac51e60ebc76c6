/**
 * The CloudOffix trigger's cursor, kept in the node's static data. It follows one timestamp field
 * (create_date or write_date), as the SERVER stamped it: n8n's clock is never compared with it, so clock
 * skew between n8n and the server cannot lose records.
 *
 * Odoo stamps write_date with the time its transaction began, so a record written in a transaction that
 * commits after a poll can carry a stamp older than that poll's watermark. Each poll therefore re-reads a
 * look-back window behind the watermark and skips what it already delivered, by id and stamp: a record is
 * delivered once per stamp (an update with a new stamp is a new change), the records of the watermark's own
 * second included. What the cursor keeps is bounded by the records stamped inside the window.
 */
export interface CursorState {
	version: 1;
	/** The model, event and filter the cursor was made for: another one starts afresh. */
	scope: string;
	/** The newest stamp seen, as the server wrote it ('YYYY-MM-DD HH:MM:SS', UTC); null until a record exists. */
	watermark: string | null;
	/** The records delivered with a stamp inside the look-back window: id → stamp. */
	delivered: Record<string, string>;
}

export interface Stamped {
	id: number;
	stamp: string;
}

/** Odoo's UTC timestamp `minutes` earlier (the window's start), in the same form. */
export function minutesBefore(stamp: string, minutes: number): string {
	const instant = Date.parse(`${stamp.replace(' ', 'T')}Z`) - minutes * 60_000;
	return new Date(instant).toISOString().slice(0, 19).replace('T', ' ');
}

/** A cursor at the newest existing record: the first poll starts from there ("from now", by the server's clock). */
export function startCursor(scope: string, newest: string | null): CursorState {
	return { version: 1, scope, watermark: newest, delivered: {} };
}

/** The records of a window read not delivered yet (a new id, or a known id with a new stamp). */
export function undelivered(state: CursorState, read: readonly Stamped[]): Stamped[] {
	return read.filter(({ id, stamp }) => state.delivered[id] !== stamp);
}

/**
 * The cursor after delivering `records`: the watermark moves to the newest stamp seen (never back), and
 * what falls out of the look-back window behind it is forgotten.
 */
export function advance(state: CursorState, records: readonly Stamped[], lookBackMinutes: number): CursorState {
	const watermark = records.reduce<string | null>((newest, { stamp }) => (newest === null || stamp > newest ? stamp : newest), state.watermark);
	const delivered = { ...state.delivered };
	for (const { id, stamp } of records) delivered[id] = stamp;
	if (watermark !== null) {
		const windowStart = minutesBefore(watermark, lookBackMinutes);
		for (const [id, stamp] of Object.entries(delivered)) if (stamp < windowStart) delete delivered[id];
	}
	return { ...state, watermark, delivered };
}
