import type { FieldDef, ModelDef, Rec } from './schema';
import type { Journal } from './journal';

/**
 * The stored records of one model, indexed by id (a Map keeps them in id order, Odoo's default), plus a reverse
 * index of every many2one and many2many so one2many values, child_of and delete cascades never scan a table.
 */
export class Table {
	readonly fields = new Map<string, FieldDef>();

	readonly records = new Map<number, Rec>();

	private nextId = 1;

	/** Relational field name → referenced id → ids of the records of this table pointing at it. */
	private readonly referrersByField = new Map<string, Map<number, Set<number>>>();

	constructor(
		readonly def: ModelDef,
		private readonly journal: Journal,
	) {
		for (const field of def.fields) {
			this.fields.set(field.name, field);
			if (isIndexed(field)) this.referrersByField.set(field.name, new Map());
		}
	}

	/** Ids that Odoo's sequence would hand out; taken ids are never reused, even after a rollback. */
	allocateId(): number {
		return this.nextId++;
	}

	/** Seed data may fix ids (the demo company is 1); later ids continue after the highest. */
	reserveId(id: number): void {
		this.nextId = Math.max(this.nextId, id + 1);
	}

	insert(rec: Rec): void {
		this.records.set(rec.id, rec);
		for (const name of this.referrersByField.keys()) this.index(name, rec.id, rec[name], true);
		this.journal.record(() => this.removeNow(rec.id));
	}

	remove(id: number): void {
		const rec = this.records.get(id);
		if (!rec) return;
		this.removeNow(id);
		this.journal.record(() => this.insertNow(rec));
	}

	set(rec: Rec, name: string, value: unknown): void {
		const previous = rec[name];
		this.setNow(rec, name, value);
		this.journal.record(() => this.setNow(rec, name, previous));
	}

	/** Ids of this table's records whose field `name` points at `targetId`. */
	referrers(name: string, targetId: number): ReadonlySet<number> {
		return this.referrersByField.get(name)?.get(targetId) ?? EMPTY;
	}

	private insertNow(rec: Rec): void {
		this.records.set(rec.id, rec);
		for (const name of this.referrersByField.keys()) this.index(name, rec.id, rec[name], true);
	}

	private removeNow(id: number): void {
		const rec = this.records.get(id);
		if (!rec) return;
		for (const name of this.referrersByField.keys()) this.index(name, id, rec[name], false);
		this.records.delete(id);
	}

	private setNow(rec: Rec, name: string, value: unknown): void {
		const indexed = this.referrersByField.has(name);
		if (indexed) this.index(name, rec.id, rec[name], false);
		rec[name] = value;
		if (indexed) this.index(name, rec.id, value, true);
	}

	private index(name: string, id: number, value: unknown, add: boolean): void {
		const byTarget = this.referrersByField.get(name);
		if (!byTarget) return;
		const targets = Array.isArray(value) ? (value as number[]) : typeof value === 'number' ? [value] : [];
		for (const target of targets) {
			let ids = byTarget.get(target);
			if (!ids) byTarget.set(target, (ids = new Set()));
			if (add) ids.add(id);
			else ids.delete(id);
		}
	}
}

const EMPTY: ReadonlySet<number> = new Set();

function isIndexed(field: FieldDef): boolean {
	return (field.type === 'many2one' || field.type === 'many2many') && !field.compute;
}
