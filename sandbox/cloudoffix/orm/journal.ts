/** What a transaction reports to the transport that opened it. */
export interface TransactionObserver {
	/** The records created per model, once the transaction commits. */
	onCommit(created: ReadonlyMap<string, number>): void;
	/** Records × non-stored computed fields that a read computed; reported at once, since the time is spent either way. */
	onComputedFieldReads(count: number): void;
}

/**
 * Every remote call runs in a transaction, as Odoo's does in PostgreSQL: when a call fails half way (a MissingError
 * on the second of two ids, a bad value in a nested one2many line), nothing it changed remains.
 */
export class Journal {
	private undo: (() => void)[] | undefined;

	private created = new Map<string, number>();

	private observer: TransactionObserver | undefined;

	record(undo: () => void): void {
		this.undo?.push(undo);
	}

	/** Counts records created in the open transaction; they reach the stats only if it commits. */
	countCreate(model: string): void {
		this.created.set(model, (this.created.get(model) ?? 0) + 1);
	}

	/** Reports computed values read in the open transaction; outside one (seeding) nobody waits for them. */
	countComputedFieldReads(count: number): void {
		this.observer?.onComputedFieldReads(count);
	}

	/**
	 * A savepoint in the open transaction (SAVEPOINT): `rollback()` undoes what was done since it, and forgets the
	 * records created since, as ROLLBACK TO SAVEPOINT does; the transaction goes on.
	 */
	savepoint(): { rollback(): void } {
		const undo = this.undo;
		if (!undo) throw new Error('A savepoint needs an open transaction');
		const mark = undo.length;
		const created = new Map(this.created);
		return {
			rollback: () => {
				for (const step of undo.splice(mark).reverse()) step();
				this.created = new Map(created);
			},
		};
	}

	run<T>(work: () => T, observer: TransactionObserver): T {
		if (this.undo) return work();
		this.undo = [];
		this.created = new Map();
		this.observer = observer;
		const undo = this.undo;
		let committed = false;
		try {
			const result = work();
			observer.onCommit(this.created);
			committed = true;
			return result;
		} finally {
			// A failed call leaves nothing behind; its error goes on to the caller untouched.
			if (!committed) for (const step of undo.reverse()) step();
			this.undo = undefined;
			this.observer = undefined;
		}
	}
}
