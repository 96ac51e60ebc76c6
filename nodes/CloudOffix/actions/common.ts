import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BatchLimits } from '../../shared/batches';
import type { ItemResult } from '../../shared/executeItems';

import { ParameterError } from '../../shared/parameterError';
import type { Domain } from '../helpers/domain';
import { isReadByDefault } from '../helpers/fieldKinds';
import { callContextFrom, checkDomainFields, domainFrom, modelFrom, type ReadParameter } from '../helpers/parameters';
import { simplifyRecords } from '../helpers/simplify';
import { parseRecordId } from '../helpers/values';
import { fieldsOption, recordIdLocator } from './common.descriptions';
import type { CloudOffixClient, OdooField } from '../transport';

/** What an operation gets: the n8n context, the run's client, and `each` to run its items through. */
export interface OperationRun {
	context: IExecuteFunctions;
	client: CloudOffixClient;
	itemCount: number;
	/** Records per call (Connection → Batch Size) and calls at once (Parallel Requests) of the operations that batch items. */
	batching: BatchLimits;
	/** Runs every item through the shared loop (see executeItems), at most `concurrency` at once. */
	each: (runItem: (itemIndex: number) => Promise<ItemResult>, concurrency?: number) => Promise<INodeExecutionData[]>;
}

/** An operation's parameters, read for one item. */
export function itemParameters(context: IExecuteFunctions, itemIndex: number): ReadParameter {
	return (name, fallback, options) => context.getNodeParameter(name, itemIndex, fallback, options);
}

export function modelOf(context: IExecuteFunctions, itemIndex: number): string {
	return modelFrom(itemParameters(context, itemIndex));
}

/**
 * The record the Record locator names. Read without n8n's extractValue, which would drop the mode: the
 * "By URL" mode's value is a web-client link whose id= parameter is the ID (helpers/values.ts).
 */
export function recordIdOf(context: IExecuteFunctions, itemIndex: number): number {
	return parseRecordId(context.getNodeParameter('recordId', itemIndex, ''), recordIdLocator.displayName);
}

/** The Odoo call context from the operation's options (language, timezone, archived records, company). */
export function callContextOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return callContextFrom(context.getNodeParameter('options', itemIndex, {}) as IDataObject);
}

/** The domain of the filter parameters, its field names checked against the model's fields_get (when it has terms). */
export async function checkedDomain(client: CloudOffixClient, model: string, read: ReadParameter, itemIndex?: number): Promise<Domain> {
	const domain = domainFrom(read);
	if (domain.some((element) => Array.isArray(element))) checkDomainFields(domain, await client.fields(model, itemIndex), model, read);
	return domain;
}

export async function checkedDomainOf(client: CloudOffixClient, context: IExecuteFunctions, model: string, itemIndex: number): Promise<Domain> {
	return await checkedDomain(client, model, itemParameters(context, itemIndex), itemIndex);
}

/**
 * The fields to read when the user named none: the model's stored, non-binary fields. Binary fields
 * (images, attachments) are base64 and can outweigh all the rest; computed fields Odoo does not store are
 * computed for every record read (on a real Odoo 11 that is most of a wide read's time), so they come
 * only with the "Include Computed Fields" option. Named fields are read whatever their kind.
 */
async function defaultReadFields(client: CloudOffixClient, model: string, includeComputed: boolean, itemIndex: number): Promise<string[]> {
	const fields = await client.fields(model, itemIndex);
	return Object.entries(fields)
		.filter(([, field]) => isReadByDefault(field, includeComputed))
		.map(([name]) => name);
}

/** The `fields` option of a read: the named fields (checked), or the default set (see defaultReadFields). */
export async function readFieldsOf(
	client: CloudOffixClient,
	model: string,
	options: IDataObject,
	itemIndex: number,
): Promise<string[]> {
	const requested = fieldList(options.fields);
	if (requested.length === 0) return await defaultReadFields(client, model, options.includeComputed === true, itemIndex);
	await checkFieldNames(client, model, requested, itemIndex, fieldsOption.displayName);
	return requested;
}

/** Rejects field names the model does not have: Odoo 11 would drop them silently and report success. */
export async function checkFieldNames(
	client: CloudOffixClient,
	model: string,
	names: string[],
	itemIndex: number,
	parameter: string,
): Promise<Record<string, OdooField>> {
	const fields = await client.fields(model, itemIndex);
	const unknown = names.filter((name) => !(name.split('.')[0] in fields));
	if (unknown.length > 0) {
		throw new ParameterError(`${model} has no field ${unknown.map((name) => `"${name}"`).join(', ')}`, parameter);
	}
	return fields;
}

/**
 * Records as output items, simplified unless the user turned Simplify off: every many2one field of
 * `model` becomes its ID plus a `_name` field (see helpers/simplify.ts). Keys that are not fields of
 * the model (read_group's counts and date groups, a method's own results) are left as they are.
 */
export async function recordsOut(
	run: OperationRun,
	model: string,
	records: IDataObject[],
	itemIndex: number,
): Promise<IDataObject[]> {
	const options = run.context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.simplify === false) return records;
	const fields = await run.client.fields(model, itemIndex);
	return simplifyRecords(records, fields) as IDataObject[];
}

/** Field names from a multi-options parameter or a comma list typed as an expression. */
export function fieldList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((name) => String(name).trim()).filter((name) => name !== '');
}
