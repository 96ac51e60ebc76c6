/**
 * Every remote call runs in a transaction, as Odoo's does in PostgreSQL: when a call fails half way (a MissingError
 * on the second of two ids, a bad value in a nested one2many line), nothing it changed remains.
 */
export class Journal {
	private undo: (() => void)[] | undefined;

	private created = new Map<string, number>();

	record(undo: () => void): void {
		this.undo?.push(undo);
	}

	/** Counts records created in the open transaction; they reach the stats only if it commits. */
	countCreate(model: string): void {
		this.created.set(model, (this.created.get(model) ?? 0) + 1);
	}

	run<T>(work: () => T, onCommit: (created: ReadonlyMap<string, number>) => void): T {
		if (this.undo) return work();
		this.undo = [];
		this.created = new Map();
		const undo = this.undo;
		let committed = false;
		try {
			const result = work();
			onCommit(this.created);
			committed = true;
			return result;
		} finally {
			// A failed call leaves nothing behind; its error goes on to the caller untouched.
			if (!committed) for (const step of undo.reverse()) step();
			this.undo = undefined;
		}
	}
}
