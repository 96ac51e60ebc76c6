import { ODOO_OPERATORS } from './domain';

/**
 * n8n reads any parameter value that starts with "=" as an expression, so Odoo's own operators ("=",
 * "=like", …) cannot be option values: the options carry these keys, and the operator is shown as the name.
 */
const KEY_BY_OPERATOR: Record<string, string> = {
	'=': 'equal',
	'!=': 'notEqual',
	'<=': 'lessOrEqual',
	'<': 'less',
	'>': 'greater',
	'>=': 'greaterOrEqual',
	'=?': 'equalOrUnset',
	'=like': 'matchesPattern',
	'=ilike': 'matchesPatternIgnoringCase',
	like: 'like',
	'not like': 'notLike',
	ilike: 'ilike',
	'not ilike': 'notIlike',
	in: 'in',
	'not in': 'notIn',
	child_of: 'childOf',
	parent_of: 'parentOf',
};

const OPERATOR_BY_KEY = new Map(Object.entries(KEY_BY_OPERATOR).map(([operator, key]) => [key, operator]));

export const operatorOptions = ODOO_OPERATORS.map((operator) => ({ name: operator, value: KEY_BY_OPERATOR[operator] }));

/** The Odoo operator of an option key; anything else (an operator typed in an expression) is kept as it is. */
export function odooOperator(key: string): string {
	return OPERATOR_BY_KEY.get(key) ?? key;
}
