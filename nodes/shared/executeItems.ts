import {
	NodeApiError,
	NodeOperationError,
	type IBinaryKeyData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { LookupError, ParameterError } from './parameterError';

/** An output item that carries binary data (files) beside its json, as n8n's prepareBinaryData made it. */
export class OutputItem {
	constructor(
		readonly json: IDataObject,
		readonly binary?: IBinaryKeyData,
	) {}
}

/** What one item's work returns: one object, several (a list of records) or none; OutputItem for files. */
export type ItemResult = IDataObject | OutputItem | Array<IDataObject | OutputItem> | undefined;

/**
 * The one loop every operation runs its items through:
 * - up to `concurrency` items are in flight at once, and output order always equals input order;
 * - every output item is paired to the input item it came from;
 * - a failed item becomes an error item paired to its input when "Continue On Fail" is on; otherwise
 *   no new item starts, the ones in flight finish, and the error of the first failed item is thrown.
 * Bad parameters (ParameterError, LookupError) become NodeOperationError naming the item and the field.
 */
export async function executeItems(
	context: IExecuteFunctions,
	itemCount: number,
	concurrency: number,
	runItem: (itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[][] = new Array(itemCount);
	let next = 0;
	const failures: Array<{ itemIndex: number; error: Error }> = [];

	const worker = async () => {
		while (next < itemCount && failures.length === 0) {
			const itemIndex = next++;
			const outcome = await runItem(itemIndex).then(
				(value) => ({ value }),
				(error: unknown) => ({ error: asNodeError(context, error, itemIndex) }),
			);
			if (!('error' in outcome)) {
				results[itemIndex] = toItems(outcome.value, itemIndex);
			} else if (context.continueOnFail()) {
				results[itemIndex] = [{ json: { error: outcome.error.message }, pairedItem: { item: itemIndex }, error: outcome.error }];
			} else {
				failures.push({ itemIndex, error: outcome.error });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, itemCount)) }, worker));
	if (failures.length > 0) throw failures.reduce((first, failure) => (failure.itemIndex < first.itemIndex ? failure : first)).error;
	return results.flat();
}

function toItems(value: ItemResult, itemIndex: number): INodeExecutionData[] {
	const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
	return list.map((entry) =>
		entry instanceof OutputItem
			? { json: entry.json, ...(entry.binary ? { binary: entry.binary } : {}), pairedItem: { item: itemIndex } }
			: { json: entry, pairedItem: { item: itemIndex } },
	);
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof ParameterError) {
		const outcome = error instanceof LookupError ? 'The server was asked; nothing was changed for this item.' : 'Nothing was sent for this item.';
		return new NodeOperationError(context.getNode(), `Item ${itemIndex}: ${error.message}`, {
			itemIndex,
			description: `Check the parameter "${error.field}". ${outcome}`,
		});
	}
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/** One item's parameters read ahead of the run, or the failure its own run will report. */
export type Planned<T> = { value: T } | { error: unknown };

/**
 * Reads every item's parameters before any item runs (so that a batch can share requests). With Continue On Fail,
 * a failure is kept for that item to report when it runs (plannedValue) and the others go on. Without it, the run
 * stops at the first failed item before anything is sent for any item: it fails anyway, and good items sent first
 * (or in the bad one's batch) would leave it half done, to be done twice when it is run again after the fix.
 */
export async function planItems<T>(
	context: IExecuteFunctions,
	itemCount: number,
	plan: (itemIndex: number) => T | Promise<T>,
): Promise<Array<Planned<T>>> {
	const planned: Array<Planned<T>> = await Promise.all(
		Array.from({ length: itemCount }, async (_, i) =>
			await Promise.resolve()
				.then(() => plan(i))
				.then(
					(value) => ({ value }),
					(error: unknown) => ({ error }),
				),
		),
	);
	const failed = context.continueOnFail() ? -1 : planned.findIndex((item) => 'error' in item);
	if (failed >= 0) throw asNodeError(context, (planned[failed] as { error: unknown }).error, failed);
	return planned;
}

/** The planned value of an item, or its planning failure thrown for the item loop to report. */
export function plannedValue<T>(planned: Planned<T>): T {
	if ('error' in planned) throw planned.error;
	return planned.value;
}
