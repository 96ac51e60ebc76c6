import type { Env } from './env';
import type { Model } from './model';

/** How a model and its fields are declared: the subset of Odoo 11's field machinery clients can observe. */

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

/** A stored record: field name to stored value (false for empty, ids for relations). */
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
	/** Whether copy() carries the value over (Odoo's default: yes, except one2many). */
	copy?: boolean;
	currencyField?: string;
	/** Field names a computed field depends on (fields_get `depends`). */
	depends?: readonly string[];
}

/** A public method beyond BaseModel's, e.g. sale.order.action_confirm. */
export interface ModelMethod {
	/** 'multi' methods take the record ids as first argument (Odoo's @api.multi). */
	api: 'model' | 'multi';
	params: readonly ParamSpec[];
	/** `ids` are the records of a 'multi' method (empty for 'model' ones); `args` are bound by parameter name. */
	run(model: Model, ids: number[], args: Record<string, unknown>): unknown;
}

/** A Python parameter: its name, and its default when it has one. */
export interface ParamSpec {
	name: string;
	default?: unknown;
}

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
	/** The group named in access errors; readRestricted models refuse even reading to read-only users. */
	access: { group: string; readRestricted?: boolean };
	/** Models that reflect the registry (ir.model, ir.model.fields) cannot be changed through the API. */
	frozen?: boolean;
}
