import type { UserRights } from './env';
import { Journal } from './journal';
import type { FieldDef, ModelDef } from './schema';
import { Table } from './table';

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

	constructor(defs: readonly ModelDef[]) {
		for (const def of defs) this.tables.set(def.name, new Table(def, this.journal));
	}

	private incomingByModel?: Map<string, { table: Table; field: FieldDef }[]>;

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
