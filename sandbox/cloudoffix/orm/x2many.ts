import { builtinError } from '../errors';
import { pyRepr } from '../pyrepr';
import { integrityViolation } from './integrity';
import type { Model } from './model';
import type { FieldDef, Rec } from './schema';
import { createRecord, unlinkRecords, writeRecords } from './write';

/**
 * x2many command tuples on create/write: [0,0,vals] create, [1,id,vals] update, [2,id] delete, [3,id] unlink,
 * [4,id] link, [5] clear, [6,0,ids] replace. A one2many link is its inverse many2one, so 3/5/6 cut it by emptying
 * that many2one, or delete the line when the many2one cascades (Odoo 11's One2many.write).
 */
export function applyX2manyCommands(model: Model, rec: Rec, field: FieldDef, commands: unknown): void {
	if (!Array.isArray(commands)) {
		// What users who send "4,564,0" see (convert_to_cache formats the value with %s).
		throw builtinError('ValueError', `Wrong value for ${model.name}.${field.name}: ${typeof commands === 'string' ? commands : pyRepr(commands)}`);
	}
	const links = field.type === 'one2many' ? oneToManyLinks(model, rec, field) : manyToManyLinks(model, rec, field);
	for (const command of commands) {
		if (typeof command === 'number') {
			// A bare id is taken as a link, as Odoo's cache conversion does.
			links.link(command);
			continue;
		}
		if (!Array.isArray(command)) throw builtinError('ValueError', `Wrong value for ${model.name}.${field.name}: ${pyRepr(commands)}`);
		runCommand(model.comodel(field), links, command);
	}
}

interface Links {
	current(): number[];
	link(id: number): void;
	cut(id: number): void;
	/** The inverse many2one a created line must point back with (one2many only). */
	inverseValues(): Record<string, unknown>;
}

function runCommand(comodel: Model, links: Links, command: unknown[]): void {
	const [code, id, payload] = command;
	switch (code) {
		case 0:
			links.link(createRecord(comodel, { ...asDict(payload), ...links.inverseValues() }));
			return;
		case 1:
			writeRecords(comodel, [id as number], payload);
			return;
		case 2:
			unlinkRecords(comodel, [id as number]);
			return;
		case 3:
			links.cut(id as number);
			return;
		case 4:
			links.link(id as number);
			return;
		case 5:
			for (const linked of links.current()) links.cut(linked);
			return;
		case 6: {
			const wanted = new Set(Array.isArray(payload) ? (payload as number[]) : []);
			for (const linked of links.current()) if (!wanted.has(linked)) links.cut(linked);
			for (const target of wanted) links.link(target);
			return;
		}
		default:
			throw builtinError('ValueError', `Unknown x2many command ${pyRepr(command)}`);
	}
}

function asDict(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function oneToManyLinks(model: Model, rec: Rec, field: FieldDef): Links {
	const comodel = model.comodel(field);
	const inverse = field.inverse as string;
	const inverseField = comodel.field(inverse) as FieldDef;
	return {
		current: () => [...comodel.table.referrers(inverse, rec.id)],
		link: (id) => writeRecords(comodel, [id], { [inverse]: rec.id }),
		cut: (id) => {
			if (inverseField.ondelete === 'cascade') unlinkRecords(comodel, [id]);
			else writeRecords(comodel, [id], { [inverse]: false });
		},
		inverseValues: () => ({ [inverse]: rec.id }),
	};
}

function manyToManyLinks(model: Model, rec: Rec, field: FieldDef): Links {
	const comodel = model.comodel(field);
	const ids = (): number[] => rec[field.name] as number[];
	return {
		current: () => [...ids()],
		link: (id) => {
			if (ids().includes(id)) return;
			// The relation table's foreign key: linking a missing record fails like it.
			if (!comodel.record(id)) throw integrityViolation(comodel.table);
			model.table.set(rec, field.name, [...ids(), id]);
		},
		cut: (id) => model.table.set(rec, field.name, ids().filter((linked) => linked !== id)),
		inverseValues: () => ({}),
	};
}
