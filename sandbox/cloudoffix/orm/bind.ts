import { builtinError } from '../errors';

/** A Python parameter: its name, and its default when it has one. */
export interface ParamSpec {
	name: string;
	default?: unknown;
}

/**
 * Binds positional and keyword arguments to a method's parameters the way Python does, with Python 3's TypeError
 * texts: clients that pass `limit` twice or misspell a keyword get what the real server says.
 */
export function bindArguments(
	qualname: string,
	params: readonly ParamSpec[],
	args: readonly unknown[],
	kwargs: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
	const required = params.filter((param) => !('default' in param)).length;
	if (args.length > params.length) throw tooManyPositional(qualname, required, params.length, args.length);
	const bound: Record<string, unknown> = {};
	params.forEach((param, index) => {
		if (index < args.length) bound[param.name] = args[index];
	});
	for (const [name, value] of Object.entries(kwargs)) {
		if (!params.some((param) => param.name === name)) throw builtinError('TypeError', `${qualname}() got an unexpected keyword argument '${name}'`);
		if (name in bound) throw builtinError('TypeError', `${qualname}() got multiple values for argument '${name}'`);
		bound[name] = value;
	}
	const missing = params.filter((param) => !(param.name in bound) && !('default' in param)).map((param) => `'${param.name}'`);
	if (missing.length > 0) {
		const plural = missing.length === 1 ? 'argument' : 'arguments';
		throw builtinError('TypeError', `${qualname}() missing ${missing.length} required positional ${plural}: ${pyList(missing)}`);
	}
	for (const param of params) if (!(param.name in bound)) bound[param.name] = param.default;
	return bound;
}

/** Python counts self among the positional arguments. */
function tooManyPositional(qualname: string, required: number, total: number, given: number) {
	const accepted = required === total ? `${total + 1}` : `from ${required + 1} to ${total + 1}`;
	const noun = accepted === '1' ? 'argument' : 'arguments';
	return builtinError('TypeError', `${qualname}() takes ${accepted} positional ${noun} but ${given + 1} were given`);
}

/** 'a' / 'a' and 'b' / 'a', 'b', and 'c' */
function pyList(names: string[]): string {
	if (names.length <= 2) return names.join(' and ');
	return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}
