import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { isPlainObject } from '../../shared/jsonParameters';
import { ParameterError } from '../../shared/parameterError';
import { connectionSettingsOf, type RetryParameters } from '../../shared/retries';
import { checkedDomain, fieldList, readFieldsOf } from '../actions/common';
import { callContextFrom, domainFrom, modelFrom, type ReadParameter } from '../helpers/parameters';
import { simplifyRecords } from '../helpers/simplify';
import { cloudOffixClient, type CloudOffixClient, type OdooRecord, type WireFormat } from '../transport';
import { advance, minutesBefore, startCursor, undelivered, type CursorState, type Stamped } from './cursor';

/** Ids per `read` of the records a poll delivers. */
const IDS_PER_READ = 500;

interface TriggerSettings {
	model: string;
	/** create_date for new records, write_date for new or updated ones. */
	stampField: 'create_date' | 'write_date';
	domain: unknown[];
	options: IDataObject;
	callContext: IDataObject;
	lookBackMinutes: number;
	pageSize: number;
}

function parametersOf(context: IPollFunctions): ReadParameter {
	return (name, fallback, options) => context.getNodeParameter(name, fallback, options);
}

function settingsOf(context: IPollFunctions): TriggerSettings {
	const read = parametersOf(context);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return {
		model: modelFrom(read),
		stampField: context.getNodeParameter('event', 'created') === 'createdOrUpdated' ? 'write_date' : 'create_date',
		domain: domainFrom(read),
		options,
		callContext: callContextFrom(options),
		lookBackMinutes: Math.max(0, Number(options.lookBackMinutes ?? 5)),
		pageSize: Math.max(1, Math.floor(Number(options.pageSize ?? 1000))),
	};
}

/**
 * The field names of the filter and of the Fields option, checked against the model's fields_get before any
 * record is read: Odoo 11 refuses an unknown name in a filter only once asked, and one in the field list would
 * fail the first poll that has records to deliver, long after the workflow was activated.
 */
async function checkFieldNames(context: IPollFunctions, client: CloudOffixClient, settings: TriggerSettings): Promise<void> {
	await checkedDomain(client, settings.model, parametersOf(context));
	if (fieldList(settings.options.fields).length > 0) await readFieldsOf(client, settings.model, settings.options, 0);
}

/** What the cursor is about: a different model, event or filter makes a new cursor. */
function scopeOf(settings: TriggerSettings): string {
	return JSON.stringify([settings.model, settings.stampField, settings.domain]);
}

function stamped(records: readonly OdooRecord[], field: string): Stamped[] {
	return records.filter((record) => typeof record[field] === 'string').map((record) => ({ id: record.id, stamp: record[field] as string }));
}

/**
 * The newest matching record's stamp, by the server's own timestamps. Records without one (put in by SQL)
 * are left out: PostgreSQL sorts them first in a descending order.
 */
async function newestStamp(client: CloudOffixClient, settings: TriggerSettings): Promise<string | null> {
	const [newest] = await client.searchRead(settings.model, [...settings.domain, [settings.stampField, '!=', false]], ['id', settings.stampField], {
		limit: 1,
		order: `${settings.stampField} desc, id desc`,
		context: settings.callContext,
	});
	return typeof newest?.[settings.stampField] === 'string' ? (newest[settings.stampField] as string) : null;
}

/**
 * The (id, stamp) of every matching record stamped inside the window, oldest first: a light read (two
 * fields), paged, that stops early when the poll runs out of time (the next poll reads on from there).
 */
async function windowRecords(context: IPollFunctions, client: CloudOffixClient, settings: TriggerSettings, state: CursorState): Promise<Stamped[]> {
	const { stampField } = settings;
	const since = state.watermark === null ? [] : [[stampField, '>=', minutesBefore(state.watermark, settings.lookBackMinutes)]];
	const deadline = Date.now() + context.getPollBudgetMs() / 2;
	const records = await client.searchReadAll(settings.model, [...settings.domain, ...since], ['id', stampField], {
		pageSize: settings.pageSize,
		order: `${stampField} asc, id asc`,
		context: settings.callContext,
		more: () => Date.now() < deadline,
	});
	return stamped(records, stampField);
}

/** The delivered records in full, in the window's order, shaped like the action node's (Simplify). */
async function fullRecords(client: CloudOffixClient, settings: TriggerSettings, ids: readonly number[]): Promise<IDataObject[]> {
	const fields = [...new Set([...(await readFieldsOf(client, settings.model, settings.options, 0)), settings.stampField])];
	const byId = new Map<number, OdooRecord>();
	for (let start = 0; start < ids.length; start += IDS_PER_READ) {
		for (const record of await client.read(settings.model, ids.slice(start, start + IDS_PER_READ), fields, settings.callContext)) byId.set(record.id, record);
	}
	// A record deleted between the two reads is gone: nothing to deliver.
	const records = ids.flatMap((id) => byId.get(id) ?? []);
	if (settings.options.simplify === false) return records;
	return simplifyRecords(records, await client.fields(settings.model)) as IDataObject[];
}

function cursorOf(context: IPollFunctions, scope: string): CursorState | undefined {
	const cursor = context.getWorkflowStaticData('node').cursor;
	return isPlainObject(cursor) && cursor.version === 1 && cursor.scope === scope ? (cursor as unknown as CursorState) : undefined;
}

/** The editor's "Fetch Test Event": the newest matching record, the cursor left as it is. */
async function sample(client: CloudOffixClient, settings: TriggerSettings): Promise<INodeExecutionData[][]> {
	const [newest] = await client.searchRead(settings.model, settings.domain, ['id'], { limit: 1, order: `${settings.stampField} desc, id desc`, context: settings.callContext });
	if (!newest) throw new ParameterError(`No ${settings.model} record matches the filter yet: create one, then fetch again`, 'Model');
	return [(await fullRecords(client, settings, [newest.id])).map((json) => ({ json }))];
}

/**
 * One poll: the first records where the server's newest record is (nothing delivered), later ones deliver
 * every record stamped since, each once. The cursor is only stored once the poll succeeded, so a failed
 * poll moves nothing and the next one delivers what this one could not.
 */
export async function pollCloudOffix(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = settingsOf(context);
	const connection = context.getNodeParameter('connection', {}) as RetryParameters & { wireFormat?: WireFormat };
	const client = cloudOffixClient(context, connection.wireFormat ?? 'jsonRpcSession', connectionSettingsOf(connection));
	if (context.getMode() === 'manual') {
		await checkFieldNames(context, client, settings);
		return await sample(client, settings);
	}
	const scope = scopeOf(settings);
	const state = cursorOf(context, scope);
	if (!state) {
		await checkFieldNames(context, client, settings);
		// What already stands inside the window behind the newest record counts as delivered: "from now".
		const start = startCursor(scope, await newestStamp(client, settings));
		const standing = start.watermark === null ? [] : await windowRecords(context, client, settings, start);
		context.getWorkflowStaticData('node').cursor = advance(start, standing, settings.lookBackMinutes) as unknown as IDataObject;
		return null;
	}
	const fresh = undelivered(state, await windowRecords(context, client, settings, state));
	const items = fresh.length === 0 ? [] : await fullRecords(client, settings, fresh.map(({ id }) => id));
	context.getWorkflowStaticData('node').cursor = advance(state, fresh, settings.lookBackMinutes) as unknown as IDataObject;
	return items.length === 0 ? null : [items.map((json) => ({ json }))];
}

/**
 * n8n's convention for polling triggers (as its Gmail trigger): the editor's fetch and a first poll show
 * their error; a later scheduled poll that fails is logged and delivers nothing, the cursor unchanged. A
 * parameter the user has to fix (the workflow was edited while active) is thrown whatever the poll: polling
 * again cannot fix it, and n8n shows a thrown poll error (the error workflow, the workflow's activation error).
 */
export async function pollWithConvention(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const firstRun = context.getWorkflowStaticData('node').cursor === undefined;
	const outcome = await pollCloudOffix(context).then(
		(items) => ({ items }),
		(error: unknown) => ({ error }),
	);
	if (!('error' in outcome)) return outcome.items;
	const { error } = outcome;
	if (error instanceof ParameterError) throw new NodeOperationError(context.getNode(), error.message, { description: `Check the parameter "${error.field}".` });
	if (context.getMode() === 'manual' || firstRun) throw error;
	context.logger.error(`CloudOffix Trigger: the poll failed and will be repeated: ${(outcome.error as Error).message}`, { node: context.getNode().name });
	return null;
}
