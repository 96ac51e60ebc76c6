import { accessError, builtinError, OdooError } from '../errors';
import { pyTypeName } from '../pyrepr';
import { API_MODEL, API_MULTI } from '../traceback';
import { BASE_METHODS } from './base-methods';
import { bindArguments } from './bind';
import { Model, type Env, type ModelMethod } from './database';
import type { TransactionObserver } from './journal';

/** What a transport learns from a call: that a method ran, and what its transaction reports. */
export interface CallObserver extends TransactionObserver {
	onCall(target: string): void;
}

/**
 * Odoo's check_method_name: names starting with '_' (and `init`) are private. Both transports check it before
 * anything else, the model included.
 */
export function checkMethodName(method: string): void {
	if (/^(_.*|init)$/.test(method)) {
		throw accessError(`Private methods (such as ${method}) cannot be called remotely.`, [
			['odoo/models.py', 112, 'check_method_name', "raise AccessError(_('Private methods (such as %s) cannot be called remotely.') % (name,))"],
		]);
	}
}

/**
 * odoo.api.call_kw on an existing model: finds the method, splits `context` out of kwargs (it replaces the
 * environment's context, as with_context(dict) does), takes the ids of a record method from args[0], binds the
 * rest like Python and runs it in one transaction.
 */
export function callKw(env: Env, modelName: string, method: string, args: unknown, kwargs: unknown, observer: CallObserver): unknown {
	const table = env.registry.get(modelName);
	const spec = table.def.methods?.[method] ?? (Object.hasOwn(BASE_METHODS, method) ? BASE_METHODS[method] : undefined);
	if (!spec) throw builtinError('AttributeError', `type object '${modelName}' has no attribute '${method}'`);
	const positional = Array.isArray(args) ? args : [];
	const keywords: Record<string, unknown> = kwargs && typeof kwargs === 'object' && !Array.isArray(kwargs) ? { ...kwargs } : {};
	const context = keywords.context;
	delete keywords.context;
	const model = new Model(env.withContext(isDict(context) ? context : {}), table);
	try {
		const { ids, rest } = splitIds(spec, positional);
		const bound = bindArguments(`BaseModel.${method}`, spec.params, rest, keywords);
		observer.onCall(`${modelName}.${method}`);
		return env.registry.journal.run(() => spec.run(model, ids, bound), observer);
	} catch (error) {
		throw error instanceof OdooError ? error.withFrames(spec.api === 'model' ? API_MODEL : API_MULTI) : error;
	}
}

/** A record method's first argument is its ids: a list, one id, or nothing (false / None). */
function splitIds(spec: ModelMethod, args: readonly unknown[]): { ids: number[]; rest: unknown[] } {
	if (spec.api === 'model') return { ids: [], rest: [...args] };
	if (args.length === 0) throw builtinError('IndexError', 'list index out of range');
	const [first, ...rest] = args;
	const ids = Array.isArray(first) ? first : first === false || first === null ? [] : [first];
	const bad = ids.find((id) => !Number.isInteger(id));
	if (bad !== undefined) throw builtinError('TypeError', `unhashable type: '${pyTypeName(bad)}'`);
	return { ids: ids as number[], rest };
}

function isDict(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
