import type { IDataObject, IGetNodeParameterOptions } from 'n8n-workflow';

import { parseJsonObject } from '../../shared/jsonParameters';
import { ParameterError } from '../../shared/parameterError';
import { MODEL_NAME } from '../transport';
import { odooOperator } from './operators';
import { buildDomain, parseDomain, type Domain, type FilterCondition } from './domain';

/**
 * How the parameters shared by the action node and the trigger are read, apart from where they are read:
 * an operation reads them per item, a poll once for the node. Each builder takes a `read` function, so one
 * builder, one operator list and one validation serve both.
 */
export type ReadParameter = (name: string, fallback: unknown, options?: IGetNodeParameterOptions) => unknown;

/** The model named by the Model locator: a name like res.partner, checked here (not by a locator regex). */
export function modelFrom(read: ReadParameter): string {
	const model = String(read('model', '', { extractValue: true }) ?? '').trim();
	if (!MODEL_NAME.test(model)) throw new ParameterError(`"${model}" is not a model name like res.partner`, 'Model');
	return model;
}

/** The Odoo call context of an Options collection (language, timezone, archived records, company, extra keys). */
export function callContextFrom(options: IDataObject): IDataObject {
	const callContext: IDataObject = {};
	if (options.lang) callContext.lang = options.lang;
	if (options.tz) callContext.tz = options.tz;
	if (options.includeArchived === true) callContext.active_test = false;
	const companyId = Number(options.companyId ?? 0);
	if (companyId > 0) {
		callContext.force_company = companyId;
		callContext.allowed_company_ids = [companyId];
	}
	const extra = options.context === undefined ? {} : parseJsonObject(options.context, 'Extra Context (JSON)');
	return { ...callContext, ...extra } as IDataObject;
}

/** The parameter a domain's terms come from, as the editor names it, and how it counts them. */
function domainSource(read: ReadParameter): { parameter: string; place: (index: number, term: number) => string } {
	return read('filterType', 'none') === 'conditions'
		? { parameter: 'Conditions', place: (_, term) => `Condition ${term}` }
		: { parameter: 'Domain', place: (index) => `"Domain": item ${index}` };
}

/**
 * Rejects a domain whose field names the model does not have (`fields`: its fields_get; a path such as
 * partner_id.country_id is checked by its first field): Odoo 11 only refuses them once the request is made.
 */
export function checkDomainFields(domain: Domain, fields: Record<string, unknown>, model: string, read: ReadParameter): void {
	const { parameter, place } = domainSource(read);
	let term = 0;
	domain.forEach((element, index) => {
		if (!Array.isArray(element)) return;
		term++;
		const [name] = element;
		const first = name.split('.')[0];
		if (first === 'id' || Object.hasOwn(fields, first)) return;
		throw new ParameterError(`${place(index + 1, term)}: ${model} has no field "${name}"`, parameter);
	});
}

/** The domain of the filter parameters (Filter Type, Conditions and Match, or a raw Domain). */
export function domainFrom(read: ReadParameter): Domain {
	const filterType = read('filterType', 'none') as string;
	if (filterType === 'domain') return parseDomain(read('domain', '[]'), 'Domain');
	if (filterType !== 'conditions') return [];
	// n8n leaves out values equal to a parameter's default, inside collections too.
	const conditions = (read('conditions.condition', []) as Array<Partial<FilterCondition>>).map(({ field = '', operator = 'equal', value = '' }) => ({
		field,
		operator: odooOperator(operator),
		value,
	}));
	return buildDomain(conditions, read('combinator', 'and') as 'and' | 'or');
}
