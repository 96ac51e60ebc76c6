import type { ParamSpec } from './bind';
import { IdIndex } from './id-index';
import { Journal } from './journal';

/**
 * The database: how a model is declared (the subset of Odoo 11's field machinery clients can observe), the table
 * that stores its records, the registry of all tables, and the environment and model through which a call sees
 * them. One file because they refer to each other: a declaration's code runs in an environment that reaches the
 * tables that hold the declarations.
 */

export type FieldType =
	| 'char'
	| 'text'
	| 'html'
	| 'integer'
	| 'float'
	| 'monetary'
	| 'boolean'
	| 'date'
	| 'datetime'
	| 'selection'
	| 'binary'
	| 'many2one'
	| 'one2many'
	| 'many2many';

/** A stored record: field name → stored value (many2one: id or false; many2many: ids). */
export type Rec = Record<string, unknown> & { id: number };

export interface FieldDef {
	name: string;
	type: FieldType;
	string: string;
	required?: boolean;
	readonly?: boolean;
	help?: string;
	/** Comodel of a relational field. */
	relation?: string;
	/** The many2one on the comodel that a one2many mirrors. */
	inverse?: string;
	ondelete?: 'cascade' | 'set null' | 'restrict';
	selection?: readonly (readonly [string, string])[];
	default?: (env: Env) => unknown;
	/** A value computed on access instead of stored (display_name, totals, ...). */
	compute?: (rec: Rec, env: Env) => unknown;
	/** Computed fields Odoo stores (so they sort, group and appear in ir.model.fields as stored). */
	store?: boolean;
	/**
	 * Odoo's inverse= on a computed field: the user may write it, and the model's hooks turn what is written
	 * into stored values (res.partner.company_type sets is_company); fields_get reports it not read-only.
	 */
	inverseWrite?: true;
	/** A related field's path (Odoo's related=, e.g. company_id.currency_id): defineModel computes it. */
	related?: readonly string[];
	/** Whether copy() carries the value over (Odoo's default: yes, except one2many). */
	copy?: boolean;
	currencyField?: string;
	/** Field names a computed field depends on (fields_get `depends`). */
	depends?: readonly string[];
	/**
	 * A binary field Odoo 11 keeps in ir.attachment (attachment=True, e.g. res.partner.image): the value goes through
	 * base64 decoding and encoding on the way (so it comes back normalized), and fields_get says `attachment: true`.
	 */
	attachment?: boolean;
	/** A custom field, created through ir.model.fields (fields_get `manual: true`). */
	manual?: boolean;
}

/** A public method beyond BaseModel's, e.g. sale.order.action_confirm. */
export interface ModelMethod {
	/** 'multi' methods take the record ids as first argument (Odoo's @api.multi). */
	api: 'model' | 'multi';
	params: readonly ParamSpec[];
	/** `ids` are the records of a 'multi' method (empty for 'model' ones); `args` are bound by parameter name. */
	run(model: Model, ids: number[], args: Record<string, unknown>): unknown;
}

/** The operations of Odoo's access checks. */
export type AccessMode = 'read' | 'write' | 'create' | 'unlink';

export interface ModelHooks {
	/** Fill in or adjust values before a create (e.g. a sequence name); may raise. */
	prepareCreate?(env: Env, vals: Record<string, unknown>): void;
	/** Runs after the record and its x2many values exist; `vals` as given (plus defaults). */
	afterCreate?(env: Env, rec: Rec, vals: Record<string, unknown>): void;
	prepareWrite?(env: Env, ids: readonly number[], vals: Record<string, unknown>): void;
	beforeUnlink?(env: Env, ids: readonly number[]): void;
	/** SQL constraints and @api.constrains: checked on every created or written record. */
	check?(env: Env, rec: Rec): void;
	/** copy() defaults, e.g. "(copy)" after a partner's name. */
	copyDefaults?(env: Env, rec: Rec): Record<string, unknown>;
	/** Runs once a write has stored its values on every record (values computed from others, e.g. an attachment's size). */
	afterWrite?(env: Env, recs: readonly Rec[], vals: Record<string, unknown>): void;
	/**
	 * Checks beyond the model's access rights, before read, create, write and unlink touch `ids` (ir.attachment's
	 * check(): the rights on the records the attachments belong to). `vals` are the values of a create or write.
	 */
	checkRecords?(env: Env, ids: readonly number[], mode: AccessMode, vals?: Record<string, unknown>): void;
	/** A further condition every search of the model adds (ir.attachment's _search override), given the search's domain. */
	searchFilter?(model: Model, domain: unknown): ((rec: Rec) => boolean) | undefined;
}

export interface ModelDef {
	name: string;
	/** Odoo's _description: error messages name the model by it ("Document type: Contact"). */
	description: string;
	/** Odoo's _order: the default search order. */
	order: string;
	/** The field name_get and name_search use (Odoo's _rec_name). */
	recName?: string;
	/** The hierarchy field child_of / parent_of walk (Odoo's _parent_name). */
	parentName?: string;
	fields: readonly FieldDef[];
	displayName?(rec: Rec, env: Env): string;
	/** Domain name_search builds for a name (default: rec name ilike name). */
	nameSearchDomain?(name: string, operator: string): unknown[];
	hooks?: ModelHooks;
	methods?: Record<string, ModelMethod>;
	/**
	 * The group named in access errors; readRestricted models refuse even reading to read-only users. A model without
	 * a group has no access rule at all (a custom model created through the API): only the administrator reaches it.
	 */
	access: { group?: string; readRestricted?: boolean };
	/** Models the sandbox fills itself (ir.model.access) cannot be changed through the API. */
	frozen?: boolean;
	/** A custom model (ir.model state 'manual'), created through the API. */
	custom?: boolean;
}

/**
 * Odoo's `store` attribute: true for every field but the computed ones not stored. A one2many keeps
 * Odoo's default (true) although no column holds it: its values are the comodel's rows pointing back.
 */
export function isStored(field: FieldDef): boolean {
	return field.compute ? Boolean(field.store) : true;
}

/** A computed field Odoo does not store: every read computes it again, which is what makes reads slow. */
export function isComputedOnRead(field: FieldDef): boolean {
	return field.compute !== undefined && !isStored(field);
}

/**
 * The stored records of one model, by id (a Map, in insertion order: seeds may fix ids, so not always id order),
 * the primary-key index (the ids in ascending order, what searches ordered by id walk), and a reverse index of every
 * many2one and many2many so one2many values, child_of and delete cascades never scan a table.
 */
export class Table {
	readonly fields = new Map<string, FieldDef>();

	readonly records = new Map<number, Rec>();

	private nextId = 1;

	private readonly idIndex = new IdIndex();

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

	/** The ids of the records in ascending order. */
	get ids(): readonly number[] {
		return this.idIndex.ids;
	}

	insert(rec: Rec): void {
		this.insertNow(rec);
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

	/**
	 * A field added to the table after its creation (a custom field): existing records get no value (False), as a new
	 * column gives NULL. Undone by a rollback, like the ALTER TABLE Odoo runs in the transaction.
	 */
	addField(field: FieldDef): void {
		const previous = this.fields.get(field.name);
		this.fields.set(field.name, field);
		const indexed = isIndexed(field) && !this.referrersByField.has(field.name);
		if (indexed) {
			const byTarget = new Map<number, Set<number>>();
			this.referrersByField.set(field.name, byTarget);
			for (const rec of this.records.values()) this.index(field.name, rec.id, rec[field.name], true);
		}
		this.journal.record(() => {
			if (previous) this.fields.set(field.name, previous);
			else this.fields.delete(field.name);
			if (indexed) this.referrersByField.delete(field.name);
		});
	}

	/** Drops a field (a custom field unlinked); the values stay on the records, so that a rollback restores them. */
	removeField(name: string): void {
		const field = this.fields.get(name);
		if (!field) return;
		const index = this.referrersByField.get(name);
		this.fields.delete(name);
		this.referrersByField.delete(name);
		this.journal.record(() => {
			this.fields.set(name, field);
			if (index) this.referrersByField.set(name, index);
		});
	}

	/** Ids of this table's records whose field `name` points at `targetId`. */
	referrers(name: string, targetId: number): ReadonlySet<number> {
		return this.referrersByField.get(name)?.get(targetId) ?? EMPTY;
	}

	private insertNow(rec: Rec): void {
		this.records.set(rec.id, rec);
		this.idIndex.add(rec.id);
		for (const name of this.referrersByField.keys()) this.index(name, rec.id, rec[name], true);
	}

	private removeNow(id: number): void {
		const rec = this.records.get(id);
		if (!rec) return;
		for (const name of this.referrersByField.keys()) this.index(name, id, rec[name], false);
		this.records.delete(id);
		this.idIndex.delete(id);
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

/** What a user may do: admin everything, user everything but settings, readonly only read (the demo user). */
export type UserRights = 'admin' | 'user' | 'readonly';

/** All models of the database: their tables, the users' passwords, and the transaction journal. */
export class Registry {
	readonly journal = new Journal();

	readonly tables = new Map<string, Table>();

	/** res.users passwords, kept out of the records so that no read can ever return them. */
	readonly passwords = new Map<number, string>();

	/** Next number per ir.sequence code (sale orders are named SO001, SO002, ...). */
	readonly sequences = new Map<string, number>();

	/** Access level per user id (users created through the API default to 'user'). */
	readonly rights = new Map<number, UserRights>();

	private incomingByModel?: Map<string, { table: Table; field: FieldDef }[]>;

	constructor(defs: readonly ModelDef[]) {
		for (const def of defs) this.tables.set(def.name, new Table(def, this.journal));
	}

	/** A table created after the registry (a custom model); a rollback removes it again. */
	addTable(def: ModelDef): Table {
		const table = new Table(def, this.journal);
		this.tables.set(def.name, table);
		this.invalidateRelations();
		this.journal.record(() => {
			this.tables.delete(def.name);
			this.invalidateRelations();
		});
		return table;
	}

	/** Drops a table (a custom model unlinked); a rollback brings it back with its records. */
	removeTable(name: string): void {
		const table = this.tables.get(name);
		if (!table) return;
		this.tables.delete(name);
		this.invalidateRelations();
		this.journal.record(() => {
			this.tables.set(name, table);
			this.invalidateRelations();
		});
	}

	/** Forgets the relations computed from the fields, after a field or a table came or went. */
	invalidateRelations(): void {
		this.incomingByModel = undefined;
	}

	/** The stored relational fields, in every table, that point at records of `model` (for delete rules). */
	incoming(model: string): readonly { table: Table; field: FieldDef }[] {
		if (!this.incomingByModel) {
			this.incomingByModel = new Map();
			for (const table of this.tables.values()) {
				for (const field of table.fields.values()) {
					if ((field.type !== 'many2one' && field.type !== 'many2many') || field.compute || !field.relation) continue;
					const list = this.incomingByModel.get(field.relation) ?? [];
					list.push({ table, field });
					this.incomingByModel.set(field.relation, list);
				}
			}
		}
		return this.incomingByModel.get(model) ?? [];
	}

	table(model: string): Table | undefined {
		return this.tables.get(model);
	}

	/** A table that must exist (a comodel named by a field of the registry itself). */
	get(model: string): Table {
		const table = this.tables.get(model);
		if (!table) throw new Error(`sandbox registry has no model ${model}`);
		return table;
	}
}

/** Odoo's environment: who calls, with which context, at which transaction time. */
export class Env {
	constructor(
		readonly registry: Registry,
		readonly uid: number,
		/** The transaction time: every record a call creates or writes gets the same timestamp, as in PostgreSQL. */
		readonly now: string,
		readonly context: Readonly<Record<string, unknown>> = {},
		/** Superuser mode for the sandbox's own work (seeding): no access checks. */
		readonly su = false,
	) {}

	withContext(extra: Readonly<Record<string, unknown>>): Env {
		return new Env(this.registry, this.uid, this.now, { ...this.context, ...extra }, this.su);
	}

	get rights(): UserRights {
		return this.registry.rights.get(this.uid) ?? 'user';
	}

	/** Odoo's active_test: searches hide archived records unless the context says otherwise. */
	get activeTest(): boolean {
		return this.context.active_test !== false;
	}
}

/** A model seen through an environment: field values (stored or computed), relations and display names. */
export class Model {
	constructor(
		readonly env: Env,
		readonly table: Table,
	) {}

	get name(): string {
		return this.table.def.name;
	}

	get description(): string {
		return this.table.def.description;
	}

	field(name: string): FieldDef | undefined {
		return this.table.fields.get(name);
	}

	record(id: number): Rec | undefined {
		return this.table.records.get(id);
	}

	/** Another model in the same environment. */
	model(name: string): Model {
		return new Model(this.env, this.env.registry.get(name));
	}

	comodel(field: FieldDef): Model {
		return this.model(field.relation as string);
	}

	/** The raw value of a field: stored, computed, or (one2many) the ids pointing back at the record. */
	value(rec: Rec, name: string): unknown {
		if (name === 'id') return rec.id;
		const field = this.table.fields.get(name);
		if (!field) return undefined;
		if (field.compute) return field.compute(rec, this.env);
		if (field.type === 'one2many') return [...this.env.registry.get(field.relation as string).referrers(field.inverse as string, rec.id)];
		return rec[name];
	}

	/** Ids of a relational field's records, whatever its type: many2one gives zero or one. */
	relatedIds(rec: Rec, field: FieldDef): number[] {
		const value = this.value(rec, field.name);
		if (Array.isArray(value)) return value as number[];
		return typeof value === 'number' ? [value] : [];
	}

	displayName(rec: Rec): string {
		const custom = this.table.def.displayName;
		if (custom) return custom(rec, this.env);
		const value = this.value(rec, this.table.def.recName ?? 'name');
		return typeof value === 'string' ? value : `${this.name},${rec.id}`;
	}

	hasActiveField(): boolean {
		return this.table.fields.get('active')?.type === 'boolean';
	}

	/** Records hidden by active_test: archived ones, unless the context asks for all. */
	isHidden(rec: Rec): boolean {
		return this.env.activeTest && this.hasActiveField() && rec.active === false;
	}
}
