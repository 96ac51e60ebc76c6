import { builtinError, OdooError } from '../errors';
import { asTuple, pyRepr, PyTuple } from '../pyrepr';
import type { Frame } from '../traceback';
import { isEmpty, listOf, scalarTest } from './comparison';
import { Model, type FieldDef, type Rec, type Table } from './database';

/**
 * Domain evaluation as odoo/osv/expression.py does it: prefix operators, implicit AND, every term operator, dotted
 * paths through relations, child_of / parent_of, relational fields compared with names (through name_search's
 * domain), SQL's NULL rules for each leaf (comparison.ts). A domain is compiled once into a predicate, then run over
 * a table. Paths and names search other models with domains in turn, hence the recursion through filterRecords.
 */

type Predicate = (rec: Rec) => boolean;

const TERM_OPERATORS = new Set([
	'=', '!=', '<=', '<', '>', '>=', '=?', '=like', '=ilike', 'like', 'not like', 'ilike', 'not ilike', 'in', 'not in', 'child_of', 'parent_of', '<>',
]);

const ARITY: Record<string, number> = { '!': 1, '&': 2, '|': 2 };

const PARSE_FRAMES: readonly Frame[] = [
	['odoo/models.py', 3816, '_search', 'query = self._where_calc(args)'],
	['odoo/models.py', 3606, '_where_calc', 'e = expression.expression(domain, self)'],
	['odoo/osv/expression.py', 669, '__init__', 'self.parse()'],
];

/** A search's domain as Odoo's _where_calc reads it (normalized, active_test applied), and its compiled predicate. */
export interface SearchDomain {
	readonly terms: readonly unknown[];
	readonly matches: Predicate;
}

export function compileSearchDomain(model: Model, domain: unknown): SearchDomain {
	// Odoo's _where_calc skips a falsy domain (None, False, []): everything matches.
	const terms = normalizeDomain(withActiveTest(model, domain || []));
	const matches = compileDomain(model, terms);
	// A model's own _search override (ir.attachment hides the attachments of records the user may not read).
	const extra = model.table.def.hooks?.searchFilter?.(model, domain);
	return { terms, matches: extra ? (rec) => matches(rec) && extra(rec) : matches };
}

/** The records of a model that match a domain, with Odoo's active_test applied. */
export function filterRecords(model: Model, domain: unknown): Rec[] {
	return recordsMatching(model.table, compileSearchDomain(model, domain).matches);
}

/** Every record of a table that passes a predicate, in the table's (insertion) order. */
export function recordsMatching(table: Table, matches: Predicate): Rec[] {
	const found: Rec[] = [];
	for (const rec of table.records.values()) if (matches(rec)) found.push(rec);
	return found;
}

/** Odoo adds ('active', '=', True) unless the context turns active_test off or a leaf names `active` itself. */
function withActiveTest(model: Model, domain: unknown): unknown {
	if (!model.hasActiveField() || !model.env.activeTest || !Array.isArray(domain)) return domain;
	if (domain.some((term) => Array.isArray(term) && term[0] === 'active')) return domain;
	return [asTuple(['active', '=', 1]), ...domain];
}

function compileDomain(model: Model, tokens: readonly unknown[]): Predicate {
	let position = 0;
	const next = (): Predicate => {
		const token = tokens[position++];
		if (token === '!') {
			const operand = next();
			return (rec) => !operand(rec);
		}
		if (token === '&' || token === '|') {
			const left = next();
			const right = next();
			return token === '&' ? (rec) => left(rec) && right(rec) : (rec) => left(rec) || right(rec);
		}
		return compileLeaf(model, token);
	};
	return next();
}

/** Odoo's normalize_domain: inserts the implicit '&' operators and checks the prefix notation adds up. */
export function normalizeDomain(domain: unknown): unknown[] {
	if (!Array.isArray(domain)) {
		throw builtinError('AssertionError', "Domains to normalize must have a 'domain' form: a list or tuple of domain components");
	}
	if (domain.length === 0) return [[1, '=', 1]];
	const result: unknown[] = [];
	let expected = 1;
	for (const token of domain) {
		if (expected === 0) {
			result.unshift('&');
			expected = 1;
		}
		expected += Array.isArray(token) ? -1 : (ARITY[token as string] ?? 0) - 1;
		result.push(token);
	}
	if (expected !== 0) throw builtinError('AssertionError', `This domain is syntactically not correct: ${pyRepr(domain)}`);
	return result;
}

function compileLeaf(model: Model, token: unknown): Predicate {
	if (!isLeaf(token)) throw builtinError('ValueError', `Invalid leaf ${pyRepr(token)}`, PARSE_FRAMES);
	const [left, rawOperator, right] = token as [string | number, string, unknown];
	if (typeof left === 'number') return () => left === 1;
	const operator = normalizeOperator(rawOperator, right);
	const path = left.split('.');
	const field = fieldOf(model, path[0]);
	if (!field) throw invalidField(model, left, operator, right);
	if (path.length > 1) return compilePath(model, field, path.slice(1).join('.'), operator, right, left);
	if (operator === 'child_of' || operator === 'parent_of') return compileHierarchy(model, field, operator, right);
	if (field.relation && isNameValue(right)) return compileNameMatch(model, field, operator, right);
	if (field.type === 'one2many' || field.type === 'many2many') return compileX2many(model, field, operator, right);
	return compileScalar(model, field, operator, right);
}

/** Odoo's is_leaf: a 3-item term whose operator is known (case matters) and whose left is a name or 0/1. */
function isLeaf(token: unknown): boolean {
	if (!Array.isArray(token) || token.length !== 3 || !TERM_OPERATORS.has(token[1])) return false;
	const [left, , right] = token;
	if (typeof left === 'string') return left !== '';
	return (left === 1 || left === 0) && token[1] === '=' && right === 1;
}

/** Odoo's normalize_leaf: '<>' is '!=', booleans with in/not in become =/!=, lists with =/!= become in/not in. */
function normalizeOperator(operator: string, right: unknown): string {
	if (operator === '<>') return '!=';
	if (typeof right === 'boolean' && (operator === 'in' || operator === 'not in')) return operator === 'in' ? '=' : '!=';
	if (Array.isArray(right) && (operator === '=' || operator === '!=')) return operator === '=' ? 'in' : 'not in';
	return operator;
}

const ID_FIELD: FieldDef = { name: 'id', type: 'integer', string: 'ID' };

function fieldOf(model: Model, name: string): FieldDef | undefined {
	return name === 'id' ? ID_FIELD : model.field(name);
}

function invalidField(model: Model, left: string, operator: string, right: unknown): OdooError {
	const leaf = `<osv.ExtendedLeaf: ${pyRepr(new PyTuple([left, operator, right]))} on ${model.name.replace(/\./g, '_')} (ctx: )>`;
	return builtinError('ValueError', `Invalid field ${pyRepr(left)} in leaf ${pyRepr(leaf)}`, [
		...PARSE_FRAMES,
		['odoo/osv/expression.py', 847, 'parse', 'raise ValueError("Invalid field %r in leaf %r" % (left, str(leaf)))'],
	]);
}

/**
 * A dotted path searches the comodel and keeps the records linked to a match. Odoo searches a many2one's comodel
 * with active_test off, and an x2many's comodel with the context as it is.
 */
function compilePath(model: Model, field: FieldDef, rest: string, operator: string, right: unknown, left: string): Predicate {
	if (!field.relation) throw invalidField(model, left, operator, right);
	let comodel = model.comodel(field);
	if (field.type === 'many2one') comodel = new Model(comodel.env.withContext({ active_test: false }), comodel.table);
	const ids = new Set(filterRecords(comodel, [[rest, operator, right]]).map((rec) => rec.id));
	return (rec) => model.relatedIds(rec, field).some((id) => ids.has(id));
}

/** child_of / parent_of over the target model's parent field (Odoo's _parent_name, parent_id by default). */
function compileHierarchy(model: Model, field: FieldDef, operator: 'child_of' | 'parent_of', right: unknown): Predicate {
	const target = field === ID_FIELD ? model : model.comodel(field);
	const ids = hierarchyIds(target, toHierarchyIds(target, right), operator);
	if (field === ID_FIELD) return (rec) => ids.has(rec.id);
	return (rec) => model.relatedIds(rec, field).some((id) => ids.has(id));
}

/** Odoo's to_ids: an id, a list of ids, or names (each name_search'ed with ilike). */
function toHierarchyIds(model: Model, right: unknown): number[] {
	const items = Array.isArray(right) ? right : [right];
	if (items.length > 0 && items.every((item) => typeof item === 'string')) {
		return [...nameSearchIds(model, items as string[], 'ilike')];
	}
	return items.filter((item): item is number => typeof item === 'number' && item !== 0);
}

/** The given records and all their descendants (child_of) or ancestors (parent_of). */
function hierarchyIds(model: Model, ids: number[], operator: 'child_of' | 'parent_of'): Set<number> {
	const parentName = model.table.def.parentName;
	const found = new Set(ids);
	if (!parentName) return found;
	const pending = [...ids];
	while (pending.length > 0) {
		const id = pending.pop() as number;
		for (const next of relatives(model, parentName, id, operator)) {
			if (!found.has(next)) {
				found.add(next);
				pending.push(next);
			}
		}
	}
	return found;
}

function relatives(model: Model, parentName: string, id: number, operator: 'child_of' | 'parent_of'): Iterable<number> {
	if (operator === 'child_of') return model.table.referrers(parentName, id);
	const parent = model.record(id)?.[parentName];
	return typeof parent === 'number' ? [parent] : [];
}

function isNameValue(right: unknown): right is string | string[] {
	return typeof right === 'string' || (Array.isArray(right) && right.length > 0 && right.every((item) => typeof item === 'string'));
}

/** A relational field compared with text matches the comodel's name_search, as Odoo does. */
function compileNameMatch(model: Model, field: FieldDef, operator: string, right: string | string[]): Predicate {
	const listOperators: Record<string, string> = { '=': 'in', '!=': 'not in', in: '=', 'not in': '!=' };
	let nameOperator = ['<', '>', '<=', '>='].includes(operator) ? 'in' : operator;
	if (Array.isArray(right) !== (nameOperator === 'in' || nameOperator === 'not in')) nameOperator = listOperators[nameOperator] ?? nameOperator;
	const ids = nameSearchIds(model.comodel(field), right, nameOperator);
	return (rec) => model.relatedIds(rec, field).some((id) => ids.has(id));
}

/** The domain name_search builds for a name: the model's own, or its rec name compared with the operator. */
export function nameSearchDomain(model: Model, name: unknown, operator: string): unknown[] {
	const custom = model.table.def.nameSearchDomain;
	if (custom && typeof name === 'string') return custom(name, operator);
	return [[model.table.def.recName ?? 'name', operator, name]];
}

/** Ids whose name matches; a list of names with another operator than in/not in matches any of them. */
function nameSearchIds(model: Model, name: string | string[], operator: string): Set<number> {
	const names = Array.isArray(name) && operator !== 'in' && operator !== 'not in' ? name : [name];
	const ids = new Set<number>();
	for (const one of names) for (const rec of filterRecords(model, nameSearchDomain(model, one, operator))) ids.add(rec.id);
	return ids;
}

function compileX2many(model: Model, field: FieldDef, operator: string, right: unknown): Predicate {
	const related = (rec: Rec): number[] => model.relatedIds(rec, field);
	const ids = new Set(listOf(right).filter((item): item is number => typeof item === 'number'));
	const anyIn = (rec: Rec): boolean => related(rec).some((id) => ids.has(id));
	if (operator === '=' || operator === 'in') return isEmpty(right) ? (rec) => related(rec).length === 0 : anyIn;
	if (operator === '!=' || operator === 'not in') return isEmpty(right) ? (rec) => related(rec).length > 0 : (rec) => !anyIn(rec);
	const test = scalarTest(ID_FIELD, operator, right);
	return (rec) => related(rec).some(test);
}

function compileScalar(model: Model, field: FieldDef, operator: string, right: unknown): Predicate {
	const test = scalarTest(field, operator, right);
	if (field === ID_FIELD) return (rec) => test(rec.id);
	const name = field.name;
	if (field.compute || field.type === 'one2many') return (rec) => test(model.value(rec, name));
	return (rec) => test(rec[name]);
}

