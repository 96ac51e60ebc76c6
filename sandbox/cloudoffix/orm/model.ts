import type { Env } from './env';
import type { FieldDef, Rec } from './schema';
import type { Table } from './table';

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
