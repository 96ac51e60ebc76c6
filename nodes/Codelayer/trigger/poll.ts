import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';

import { describeValue } from '../../shared/jsonParameters';
import { answerItems } from '../actions/output';
import { nextDelivery, type ReportSource, type RouteDay } from './delivery';
import { triggerProperties } from './description';
import type { ReportRow } from './fingerprint';
import { REPORT, routeReportSource } from './source';
import { readState, writeState } from './state';

/** What the user set: the filters and the options. */
interface Settings {
	custname: string;
	paymentmode: string;
	routeDetails: boolean;
	emitExisting: boolean;
	numbers: boolean;
}

/** A filter or an option as the editor names it. */
function labelOf(collection: string, name: string): string {
	const options = triggerProperties.find((property) => property.name === collection)?.options as INodeProperties[] | undefined;
	return options?.find((option) => option.name === name)?.displayName ?? name;
}

/**
 * A value of the wrong type (an expression that gave an object, or "yes" for a switch) would filter out every
 * row or be taken as off without a word: the poll fails naming the parameter, before anything is sent.
 */
function badParameter(context: IPollFunctions, collection: string, name: string, expected: string, value: unknown): NodeOperationError {
	const label = labelOf(collection, name);
	return new NodeOperationError(context.getNode(), `"${label}" must be ${expected}, not ${describeValue(value)}`, {
		description: `Check the parameter "${label}". Nothing was sent.`,
	});
}

function textFilter(context: IPollFunctions, filters: IDataObject, name: string): string {
	const value = filters[name] ?? '';
	if (typeof value !== 'string' && typeof value !== 'number') throw badParameter(context, 'filters', name, 'text', value);
	return String(value).trim();
}

/** A switch: true or false, or their text (what $vars and other text-only sources give). */
function switchOption(context: IPollFunctions, options: IDataObject, name: string): boolean {
	const value = options[name] ?? false;
	if (typeof value === 'boolean') return value;
	const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
	if (text === 'true' || text === 'false') return text === 'true';
	throw badParameter(context, 'options', name, 'true or false', value);
}

function settingsOf(context: IPollFunctions): Settings {
	const filters = context.getNodeParameter('filters', {}) as IDataObject;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return {
		custname: textFilter(context, filters, 'custname'),
		paymentmode: textFilter(context, filters, 'paymentmode'),
		routeDetails: switchOption(context, options, 'routeDetails'),
		emitExisting: switchOption(context, options, 'emitExisting'),
		numbers: switchOption(context, options, 'numbers'),
	};
}

const same = (value: unknown, wanted: string) => String(value ?? '').trim().toUpperCase() === wanted.toUpperCase();

function matches(row: ReportRow, settings: Settings): boolean {
	return (settings.custname === '' || same(row.custname, settings.custname)) && (settings.paymentmode === '' || same(row.paymentmode, settings.paymentmode));
}

/** Route Details' fields the Add Route Details option puts on each item. */
const DAY_FIELDS = ['gp_fyear', 'routename', 'salesman', 'vehicle'] as const;

/** The items of the rows that pass the filters: the row's fields as Codelayer sent them (Numbers as Numbers aside), plus the day's. */
function itemsOf(context: IPollFunctions, rows: readonly ReportRow[], settings: Settings, day: RouteDay | undefined): INodeExecutionData[] {
	const shaped = answerItems({ [REPORT.listField as string]: rows.filter((row) => matches(row, settings)) }, REPORT, { numbers: settings.numbers });
	const dayFields = settings.routeDetails && day ? Object.fromEntries(DAY_FIELDS.map((name) => [name, day.details[name] ?? ''])) : {};
	return context.helpers.returnJsonArray(shaped.map((row) => ({ ...row, ...dayFields })));
}

/** Fetch Test Event: the latest sale that passes the filters, or an error saying there is none. The state is left alone. */
async function latestSale(context: IPollFunctions, source: ReportSource, settings: Settings): Promise<INodeExecutionData[][]> {
	const rows = await source.report();
	const latest = rows.filter((row) => matches(row, settings)).at(-1);
	if (!latest) {
		const filtered = settings.custname !== '' || settings.paymentmode !== '';
		throw new NodeOperationError(context.getNode(), filtered ? 'No sale in the route report matches the filters yet' : 'No sales in the route report yet', {
			description: `The route report holds ${rows.length} sale${rows.length === 1 ? '' : 's'}${filtered ? ', none matching the filters' : ''}. Save a sale on the route (Codelayer → Sale → Create) and fetch again.`,
		});
	}
	const day = settings.routeDetails ? await source.routeDay() : undefined;
	return [itemsOf(context, [latest], settings, day)];
}

function nodeError(context: IPollFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error instanceof Error ? error : String(error));
}

/**
 * One poll (see delivery.ts for the rules). The new state is computed first and kept only when the poll has
 * succeeded: a failed poll moves nothing, and the next one delivers what it could not. Errors follow n8n's
 * convention for polling triggers (its Gmail trigger): thrown in manual mode and on the first poll (so that
 * activating the workflow fails visibly); after that, logged, and the poll returns null (n8n then commits the
 * node's static data, which this poll has not touched).
 */
export async function pollRouteReport(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = settingsOf(this);
	const source = routeReportSource(this);
	if (this.getMode() === 'manual') return await latestSale(this, source, settings);

	const staticData = this.getWorkflowStaticData('node');
	const stored = readState(staticData);
	const node = this.getNode();
	const workflow = this.getWorkflow();
	if (stored.dropped) {
		this.logger.warn(`Codelayer Route Report Trigger "${node.name}": ${stored.dropped}; it starts again as on a first poll`, { node: node.name, workflowId: workflow.id });
	}
	const outcome = await nextDelivery(stored.state, source, settings.emitExisting).then(
		(delivery) => ({ delivery }),
		(error: unknown) => ({ error: nodeError(this, error) }),
	);
	if ('error' in outcome) {
		if (!stored.state) throw outcome.error;
		const { message, description } = outcome.error;
		this.logger.error(
			`Codelayer Route Report Trigger "${node.name}" in workflow "${workflow.id}" could not poll: ${message}. Nothing was moved on: the next poll delivers what this one could not.`,
			{ node: node.name, workflowId: workflow.id, error: message, description },
		);
		return null;
	}
	const { delivery } = outcome;
	if (delivery.state) writeState(staticData, delivery.state);
	const items = itemsOf(this, delivery.rows, settings, delivery.day);
	this.logger.debug(`Codelayer Route Report Trigger "${node.name}": ${delivery.verdict} poll, ${delivery.rows.length} new row(s), ${items.length} emitted`, {
		node: node.name,
		workflowId: workflow.id,
	});
	return items.length > 0 ? [items] : null;
}
