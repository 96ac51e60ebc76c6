import type { IDataObject } from 'n8n-workflow';

import type { CloudOffixClient } from '../../transport';

interface Batch {
	model: string;
	fields: string[];
	callContext: IDataObject;
	ids: Set<number>;
	records?: Promise<Map<number, IDataObject>>;
}

/** Ids per `read`: large enough to save requests, small enough to keep each answer modest. */
const IDS_PER_READ = 500;

/**
 * Items that read the same model with the same fields and context share one `read` of all their ids, since
 * Odoo reads a list of ids in one call: n items cost one request per batch instead of one each. When a batch
 * fails, each of its items reads its own id again, so that an error belongs to the item that caused it.
 */
export class BatchedReader {
	private readonly batches = new Map<string, Batch>();

	constructor(private readonly client: CloudOffixClient) {}

	/** Plans one item's read; every item must be planned before the first `record` call. */
	plan(model: string, id: number, fields: string[], callContext: IDataObject): string {
		const key = JSON.stringify([model, fields, callContext]);
		let batch = this.batches.get(key);
		if (!batch) this.batches.set(key, (batch = { model, fields, callContext, ids: new Set() }));
		batch.ids.add(id);
		return key;
	}

	/** The record with `id` from its batch, or undefined when Odoo did not return it (missing or archived). */
	async record(key: string, id: number, itemIndex: number): Promise<IDataObject | undefined> {
		const batch = this.batches.get(key);
		if (!batch) throw new RangeError(`No read was planned for ${key}`);
		batch.records ??= this.readAll(batch, itemIndex);
		const records = await batch.records.catch(() => undefined);
		if (records) return records.get(id);
		const [record] = await this.client.read(batch.model, [id], batch.fields, batch.callContext, itemIndex);
		return record;
	}

	private async readAll(batch: Batch, itemIndex: number): Promise<Map<number, IDataObject>> {
		const ids = [...batch.ids];
		const byId = new Map<number, IDataObject>();
		for (let start = 0; start < ids.length; start += IDS_PER_READ) {
			const records = await this.client.read(batch.model, ids.slice(start, start + IDS_PER_READ), batch.fields, batch.callContext, itemIndex);
			for (const record of records) byId.set(record.id, record);
		}
		return byId;
	}
}
