import { builtinError } from '../errors';
import { pyTypeName } from '../pyrepr';
import type { Env, Rec, Registry } from './database';

/**
 * External ids (ir.model.data): `module.name` → (model, res_id). The lookups of Odoo 11's IrModelData, as the ORM
 * uses them internally (env.ref, load's `id` and `field/id` columns, get_metadata); the RPC methods are in
 * models/ir.ts. Odoo keeps the unique index ir_model_data_module_name_uniq_index on (module, name).
 */

export interface XmlidRow {
	/** The ir.model.data record's id. */
	id: number;
	model: string;
	resId: number;
}

function dataRecords(registry: Registry): Iterable<Rec> {
	return registry.table('ir.model.data')?.records.values() ?? [];
}

/** The ir.model.data record of module.name, if any. */
export function findXmlid(registry: Registry, module: string, name: string): Rec | undefined {
	for (const rec of dataRecords(registry)) if (rec.module === module && rec.name === name) return rec;
	return undefined;
}

/**
 * IrModelData.xmlid_lookup: `module, name = xmlid.split('.', 1)` (so an id without a dot fails to unpack), then
 * "External ID not found in the system: %s" when no row, or a row without res_id, exists.
 */
export function xmlidLookup(registry: Registry, xmlid: unknown): XmlidRow {
	if (typeof xmlid !== 'string') throw builtinError('AttributeError', `'${pyTypeName(xmlid)}' object has no attribute 'split'`);
	const dot = xmlid.indexOf('.');
	if (dot < 0) throw builtinError('ValueError', 'not enough values to unpack (expected 2, got 1)');
	const rec = findXmlid(registry, xmlid.slice(0, dot), xmlid.slice(dot + 1));
	if (!rec || !rec.res_id) throw builtinError('ValueError', `External ID not found in the system: ${xmlid}`);
	return { id: rec.id, model: String(rec.model), resId: rec.res_id as number };
}

/** env.ref(xmlid): the record itself, or ValueError (not found, or the record was deleted). */
export function ref(env: Env, xmlid: string): { model: string; rec: Rec } {
	const { model, resId } = xmlidLookup(env.registry, xmlid);
	const rec = env.registry.table(model)?.records.get(resId);
	if (!rec) throw builtinError('ValueError', `No record found for unique ID ${xmlid}. It may have been deleted.`);
	return { model, rec };
}

/** The external ids of a record, oldest first: "module.name" (complete_name leaves an empty module out). */
export function xmlidsOf(registry: Registry, model: string, resId: number): Rec[] {
	const found: Rec[] = [];
	for (const rec of dataRecords(registry)) if (rec.model === model && rec.res_id === resId) found.push(rec);
	return found.sort((a, b) => a.id - b.id);
}

/** ir.model.data's complete_name: ".".join(n for n in [module, name] if n). */
export function completeName(rec: Rec): string {
	return [rec.module, rec.name].filter((part) => typeof part === 'string' && part !== '').join('.');
}
