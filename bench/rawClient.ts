/**
 * The raw client the CloudOffix benchmarks measure the nodes against (and set up their records with): one login,
 * then JSON-RPC `call_kw` over an undici keep-alive pool, nothing else between the caller and the socket.
 */
import type { IDataObject } from 'n8n-workflow';
import { Pool } from 'undici';

import type { SandboxAddress } from './peer';

export class RawClient {
	private constructor(
		private readonly pool: Pool,
		private readonly cookie: string,
	) {}

	/** Logs in as admin; `connections` is how many requests the pool keeps in flight. */
	static async login(sandbox: SandboxAddress, connections: number): Promise<RawClient> {
		const pool = new Pool(sandbox.url, { connections });
		const { headers } = await post(pool, '/web/session/authenticate', { db: sandbox.db, login: 'admin', password: 'admin' });
		const setCookie = headers['set-cookie'];
		return new RawClient(pool, String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]);
	}

	async call<T = unknown>(model: string, method: string, args: unknown[], kwargs: IDataObject = {}): Promise<T> {
		const { result } = await post(this.pool, '/web/dataset/call_kw', { model, method, args, kwargs }, this.cookie);
		return result as T;
	}

	/** One `create` per row, `concurrency` in flight: the one-request-per-item floor. */
	async createEach(model: string, rows: IDataObject[], concurrency: number): Promise<number[]> {
		const ids: number[] = [];
		let next = 0;
		const worker = async () => {
			while (next < rows.length) {
				const index = next++;
				ids[index] = await this.call<number>(model, 'create', [rows[index]]);
			}
		};
		await Promise.all(Array.from({ length: concurrency }, worker));
		return ids;
	}

	/** Every record of `model`, `pageSize` per `search_read`, keyset paging (`id > last`, ordered by id). */
	async readAll(model: string, fields: string[], pageSize: number): Promise<IDataObject[]> {
		const records: IDataObject[] = [];
		let last = 0;
		for (;;) {
			const page = await this.call<IDataObject[]>(model, 'search_read', [last > 0 ? [['id', '>', last]] : []], { fields, limit: pageSize, order: 'id' });
			for (const record of page) records.push(record);
			if (page.length < pageSize) return records;
			last = page[page.length - 1].id as number;
		}
	}

	/** `load(fields, rows)` in one call (setting up records for a benchmark): their ids. */
	async load(model: string, fields: string[], rows: string[][]): Promise<number[]> {
		const answer = await this.call<{ ids: number[] | false; messages: unknown[] }>(model, 'load', [fields, rows]);
		if (!answer.ids) throw new Error(`load refused the rows: ${JSON.stringify(answer.messages).slice(0, 500)}`);
		return answer.ids;
	}

	async close(): Promise<void> {
		await this.pool.close();
	}
}

async function post(pool: Pool, path: string, params: object, cookie?: string) {
	const answer = await pool.request({
		method: 'POST',
		path,
		headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
		body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params }),
	});
	const body = (await answer.body.json()) as { result?: unknown; error?: unknown };
	if (body.error) throw new Error(`${path}: ${JSON.stringify(body.error).slice(0, 500)}`);
	return { headers: answer.headers, result: body.result };
}
