import { cookieSid, JSON_HEADERS, post, type RawResponse } from './http';

export interface RpcError {
	code: number;
	message: string;
	http_status?: number;
	data: { name: string; message: string; arguments: unknown[]; exception_type: string; debug: string };
}

export interface Envelope {
	jsonrpc: string;
	id: unknown;
	result?: unknown;
	error?: RpcError;
}

/** A JSON-RPC client as the web client behaves: it keeps the session cookie the server sets. */
export class JsonRpcClient {
	sid?: string;

	private nextId = 1;

	constructor(
		readonly url: string,
		readonly db: string,
	) {}

	async raw(path: string, params: unknown, headers: Record<string, string> = {}): Promise<{ response: RawResponse; envelope: Envelope }> {
		const cookie: Record<string, string> = this.sid ? { Cookie: `session_id=${this.sid}` } : {};
		const body = JSON.stringify({ jsonrpc: '2.0', method: 'call', params, id: this.nextId++ });
		const response = await post(`${this.url}${path}`, body, { ...JSON_HEADERS, ...cookie, ...headers });
		this.sid = cookieSid(response) ?? this.sid;
		return { response, envelope: JSON.parse(response.text) as Envelope };
	}

	async envelope(path: string, params: unknown): Promise<Envelope> {
		return (await this.raw(path, params)).envelope;
	}

	/** The result, or a thrown RpcFailure carrying the error member. */
	async call(path: string, params: unknown): Promise<unknown> {
		const envelope = await this.envelope(path, params);
		if (envelope.error) throw new RpcFailure(envelope.error);
		return envelope.result;
	}

	async login(login = 'admin', password = login): Promise<Record<string, unknown>> {
		return (await this.call('/web/session/authenticate', { db: this.db, login, password })) as Record<string, unknown>;
	}

	callKw(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<unknown> {
		return this.call('/web/dataset/call_kw', { model, method, args, kwargs });
	}

	/** The error member of a call that must fail. */
	async failure(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<RpcError> {
		const envelope = await this.envelope('/web/dataset/call_kw', { model, method, args, kwargs });
		if (!envelope.error) throw new Error(`expected ${model}.${method} to fail, got ${JSON.stringify(envelope.result)}`);
		return envelope.error;
	}
}

export class RpcFailure extends Error {
	constructor(readonly error: RpcError) {
		super(`${error.data.name}: ${String(error.data.arguments[0])}`);
	}
}

/** /jsonrpc, stateless: db, uid and password in every call. */
export async function jsonrpc(url: string, service: string, method: string, args: unknown[]): Promise<Envelope> {
	const response = await post(`${url}/jsonrpc`, JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { service, method, args }, id: 1 }), JSON_HEADERS);
	return JSON.parse(response.text) as Envelope;
}
