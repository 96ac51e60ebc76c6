import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { describeValue } from '../../shared/jsonParameters';
import { ParameterError } from '../../shared/parameterError';
import { requestFailure } from '../../shared/requestFailure';
import { DEFAULT_CONNECTION, withRetries, type ConnectionSettings } from '../../shared/retries';
import { requestWithSessionRefresh, type SessionContext } from '../../shared/sessionRefresh';
import { odooApiError } from './errors';
import { fieldsCacheOf, type FieldsByModel } from './fieldsCache';
import { cloudOffixBaseUrl } from './login';
import { OdooServerError, unwrapJsonRpc } from './odooEnvelope';
import { CLOUDOFFIX_CREDENTIAL, cloudOffixSession, webSession, type BinaryAnswer } from './session';
import type { Domain, LoadAnswer, NameSearchOptions, OdooCall, OdooField, OdooRecord, PagingOptions, SearchOptions, WireFormat } from './types';
import { parseMethodResponse, serializeMethodCall } from './xmlRpc';
import { faultToOdooError } from './xmlRpcFault';

export type { BinaryAnswer } from './session';
export type { Domain, LoadAnswer, LoadMessage, OdooCall, OdooField, OdooRecord, PagingOptions, WireFormat } from './types';

let requestId = 0;

/**
 * Odoo's model names (res.partner) and public method names (action_confirm; a leading _ is private, which Odoo
 * refuses remotely). A call puts both in its path (/web/dataset/call_kw/<model>.<method>): nothing else may get
 * there, or a name like "res.partner/../../web/database/list?" would send the request to another route.
 */
export const MODEL_NAME = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/i;
export const METHOD_NAME = /^[a-z][a-z0-9_]*$/i;

/**
 * The operations check the names they read first (modelFrom, Method → Call); the editor's lists and field mapping
 * read the model unchecked. This check, before any request, holds for every call whatever its caller.
 */
function checkCallNames(call: OdooCall): void {
	if (!MODEL_NAME.test(call.model)) throw new ParameterError(`The model ${describeValue(call.model)} is not an Odoo model name like res.partner: nothing was sent`, 'Model');
	if (!METHOD_NAME.test(call.method)) throw new ParameterError(`The method ${describeValue(call.method)} is not a public Odoo method name: nothing was sent`, 'Method');
}

/**
 * The ORM methods that change nothing, or that leave the server as they found it when sent twice (write sets the
 * same values again; unlink of a record already gone is answered as done by Odoo 11): after a failure the server
 * may have acted on, only these are sent again (see isRepeatable). create, load and any other method are not.
 */
const REPEATABLE_METHODS = new Set([
	'read', 'search', 'search_read', 'search_count', 'name_search', 'name_get', 'read_group', 'fields_get', 'fields_get_keys',
	'default_get', 'check_access_rights', 'exists', 'write', 'unlink',
]);

/**
 * Calls model methods on CloudOffix. One client serves one node run: it reads the credential once and
 * logs in at most once (n8n stores the session); `fields_get` is asked once per model and execution.
 */
export class CloudOffixClient {
	private readonly fieldsByModel: FieldsByModel;

	private statelessLogin?: Promise<{ db: string; uid: number; password: string }>;

	private server?: Promise<{ baseUrl: string; ignoreSslIssues: boolean }>;

	constructor(
		private readonly context: SessionContext,
		readonly wireFormat: WireFormat = 'jsonRpcSession',
		private readonly connection: ConnectionSettings = DEFAULT_CONNECTION,
	) {
		this.fieldsByModel = fieldsCacheOf(context);
	}

	/**
	 * Runs `model.method(*args, **kwargs)`; an Odoo error becomes a NodeApiError for that item. `wireFormat` overrides
	 * the connection's protocol for one call (render_qweb_pdf's bytes arrive intact only over XML-RPC).
	 */
	async execute(call: OdooCall, itemIndex?: number, wireFormat: WireFormat = this.wireFormat): Promise<unknown> {
		checkCallNames(call);
		const what = `${call.model}.${call.method}`;
		const outcome = await withRetries(this.connection, isRepeatable(call), async () => await this.send(call, wireFormat)).then(
			(result) => ({ result }),
			(error: unknown) => ({ error }),
		);
		if (!('error' in outcome)) return outcome.result;
		const node = this.context.getNode();
		if (outcome.error instanceof OdooServerError) throw odooApiError(node, outcome.error, call, itemIndex);
		throw requestFailure(node, outcome.error, `CloudOffix ${what}`, itemIndex);
	}

	// Typed calls of the ORM methods the node uses: the casts to Odoo's answer shapes live here, once.

	/** `read` of ids; Odoo leaves out ids that do not exist (or that this user may not read). */
	async read(model: string, ids: number[], fields: string[], context: IDataObject, itemIndex?: number): Promise<OdooRecord[]> {
		return (await this.execute({ model, method: 'read', args: [ids, fields], kwargs: { context } }, itemIndex)) as OdooRecord[];
	}

	async search(model: string, domain: Domain, options: SearchOptions, itemIndex?: number): Promise<number[]> {
		return (await this.execute({ model, method: 'search', args: [domain], kwargs: { ...options } }, itemIndex)) as number[];
	}

	async searchCount(model: string, domain: Domain, context: IDataObject, itemIndex?: number): Promise<number> {
		return (await this.execute({ model, method: 'search_count', args: [domain], kwargs: { context } }, itemIndex)) as number;
	}

	async searchRead(model: string, domain: Domain, fields: string[], options: SearchOptions, itemIndex?: number): Promise<OdooRecord[]> {
		return (await this.execute({ model, method: 'search_read', args: [domain, fields], kwargs: { ...options } }, itemIndex)) as OdooRecord[];
	}

	/**
	 * `search_read` page by page: `order` must end with a unique key (the record id) so that pages never
	 * overlap or skip. Stops after `limit` records, at a short page, or when `more()` says to.
	 * Sorted by id alone, the pages after the first go by key (`id > last id`, offset 0): what a database answers
	 * from its index without counting past the earlier pages, and exact when records are created or deleted
	 * between two pages, where an offset would skip or repeat some. Other sorts page by offset.
	 * The next page is asked for as soon as a page has come, before it is handed on: the server reads it while
	 * this one is being shaped into items (one page more in memory, the same requests).
	 */
	async *searchReadPages(model: string, domain: Domain, fields: string[], paging: PagingOptions, itemIndex?: number): AsyncGenerator<OdooRecord[]> {
		const { limit = Infinity, pageSize, order, context } = paging;
		const byKey = idDirection(order);
		const readPage = (read: number, offset: number, last: number | undefined) => {
			const size = Math.min(pageSize, limit - read);
			const after = byKey && last !== undefined ? [['id', byKey === 'asc' ? '>' : '<', last]] : [];
			const page = this.searchRead(model, [...domain, ...after], fields, { offset: after.length > 0 ? 0 : offset, limit: size, order, context }, itemIndex);
			// Awaited by the next round; a reader that stops before it leaves no unhandled failure behind.
			page.catch(() => undefined);
			return { page, size };
		};
		let read = 0;
		let offset = paging.offset ?? 0;
		let next = limit > 0 ? readPage(read, offset, undefined) : undefined;
		while (next) {
			const page = await next.page;
			read += page.length;
			offset += page.length;
			const more = page.length === next.size && read < limit && (!paging.more || paging.more());
			next = more ? readPage(read, offset, page[page.length - 1]?.id) : undefined;
			yield page;
		}
	}

	/** Every record `searchReadPages` gives, in order. */
	async searchReadAll(model: string, domain: Domain, fields: string[], paging: PagingOptions, itemIndex?: number): Promise<OdooRecord[]> {
		const records: OdooRecord[] = [];
		for await (const page of this.searchReadPages(model, domain, fields, paging, itemIndex)) records.push(...page);
		return records;
	}

	async create(model: string, values: IDataObject, context: IDataObject, itemIndex?: number): Promise<number> {
		return (await this.execute({ model, method: 'create', args: [values], kwargs: { context } }, itemIndex)) as number;
	}

	/**
	 * `load(fields, rows)`, Odoo's import method: many records in one call from rows of strings, all or none (on
	 * any row's error the answer is `ids: false` with per-row messages, and nothing was created).
	 */
	async load(model: string, fields: string[], rows: string[][], context: IDataObject, itemIndex?: number): Promise<LoadAnswer> {
		return (await this.execute({ model, method: 'load', args: [fields, rows], kwargs: { context } }, itemIndex)) as LoadAnswer;
	}

	async write(model: string, ids: number[], values: IDataObject, context: IDataObject, itemIndex?: number): Promise<void> {
		await this.execute({ model, method: 'write', args: [ids, values], kwargs: { context } }, itemIndex);
	}

	async unlink(model: string, ids: number[], context: IDataObject, itemIndex?: number): Promise<void> {
		await this.execute({ model, method: 'unlink', args: [ids], kwargs: { context } }, itemIndex);
	}

	/** `name_search`: [id, display name] pairs, as Odoo's own many2one inputs use. */
	async nameSearch(model: string, options: NameSearchOptions, itemIndex?: number): Promise<Array<[number, string]>> {
		return (await this.execute({ model, method: 'name_search', args: [], kwargs: { ...options } }, itemIndex)) as Array<[number, string]>;
	}

	async readGroup(model: string, domain: Domain, fields: string[], groupBy: string[], options: IDataObject, itemIndex?: number): Promise<OdooRecord[]> {
		return (await this.execute({ model, method: 'read_group', args: [domain, fields, groupBy], kwargs: options }, itemIndex)) as OdooRecord[];
	}

	/** The values Odoo would give `names` on a create that leaves them out. */
	async defaultGet(model: string, names: string[], itemIndex?: number): Promise<Record<string, unknown>> {
		return (await this.execute({ model, method: 'default_get', args: [names] }, itemIndex)) as Record<string, unknown>;
	}

	/** `fields_get` of a model, asked once per execution (see fieldsCache). */
	async fields(model: string, itemIndex?: number): Promise<Record<string, OdooField>> {
		let fields = this.fieldsByModel.get(model);
		if (!fields) {
			fields = this.execute(
				{ model, method: 'fields_get', args: [], kwargs: { attributes: ['type', 'string', 'required', 'readonly', 'relation', 'selection', 'store'] } },
				itemIndex,
			) as Promise<Record<string, OdooField>>;
			this.fieldsByModel.set(model, fields);
			fields.catch(() => this.fieldsByModel.delete(model));
		}
		return await fields;
	}

	private async send(call: OdooCall, wireFormat: WireFormat): Promise<unknown> {
		const args = call.args ?? [];
		const kwargs = call.kwargs ?? {};
		if (wireFormat === 'jsonRpcSession') {
			const body = await this.post(`/web/dataset/call_kw/${call.model}.${call.method}`, {
				jsonrpc: '2.0',
				method: 'call',
				params: { model: call.model, method: call.method, args, kwargs },
				id: ++requestId,
			});
			return unwrapJsonRpc(body);
		}
		const { db, uid, password } = await this.loginForStatelessCalls();
		const executeKw = [db, uid, password, call.model, call.method, args, kwargs];
		if (wireFormat === 'jsonRpc') {
			const body = await this.post('/jsonrpc', {
				jsonrpc: '2.0',
				method: 'call',
				params: { service: 'object', method: 'execute_kw', args: executeKw },
				id: ++requestId,
			});
			return unwrapJsonRpc(body);
		}
		const xml = await this.post('/xmlrpc/2/object', serializeMethodCall('execute_kw', executeKw), 'text/xml');
		const response = parseMethodResponse(String(xml));
		if ('fault' in response) throw faultToOdooError(response.fault.faultCode, response.fault.faultString);
		return response.value;
	}

	/**
	 * /jsonrpc and XML-RPC take db, uid and password in every call. The uid comes from the credential's
	 * login, which n8n stores: a stored uid costs nothing, otherwise one session check logs in first.
	 */
	private async loginForStatelessCalls() {
		if (!this.statelessLogin) {
			this.statelessLogin = this.sessionCheck();
			// A failed check is not kept: the next call (or its retry) checks again.
			this.statelessLogin.catch(() => (this.statelessLogin = undefined));
		}
		return await this.statelessLogin;
	}

	private async sessionCheck(): Promise<{ db: string; uid: number; password: string }> {
		let credentials = await this.context.getCredentials(CLOUDOFFIX_CREDENTIAL);
		if (!Number(credentials.uid) || credentials.sessionId === '') {
			unwrapJsonRpc(await this.post('/web/session/get_session_info', { jsonrpc: '2.0', method: 'call', params: {} }));
			credentials = await this.context.getCredentials(CLOUDOFFIX_CREDENTIAL);
		}
		return { db: String(credentials.db).trim(), uid: Number(credentials.uid), password: String(credentials.password) };
	}

	/**
	 * GET of an http route with the session (a printed report): the answer in full, its body as a Buffer, whatever
	 * its status (the caller reads it). A redirect to the login page renews the session once (webSession).
	 */
	async getWithSession(path: string): Promise<BinaryAnswer> {
		const { baseUrl, ignoreSslIssues } = await this.serverOf();
		const options: IHttpRequestOptions = {
			method: 'GET',
			url: `${baseUrl}${path}`,
			encoding: 'arraybuffer',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: this.connection.timeoutMs,
			skipSslCertificateValidation: ignoreSslIssues,
		};
		return (await requestWithSessionRefresh(this.context, webSession, options)) as BinaryAnswer;
	}

	private async serverOf(): Promise<{ baseUrl: string; ignoreSslIssues: boolean }> {
		this.server ??= this.context.getCredentials(CLOUDOFFIX_CREDENTIAL).then((credentials) => ({
			baseUrl: cloudOffixBaseUrl(credentials),
			ignoreSslIssues: credentials.ignoreSslIssues === true,
		}));
		return await this.server;
	}

	private async post(path: string, body: unknown, contentType?: string): Promise<unknown> {
		const { baseUrl, ignoreSslIssues } = await this.serverOf();
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: `${baseUrl}${path}`,
			body: body as IDataObject,
			json: contentType === undefined,
			// A redirect is reported, not followed: see requestFailure.
			disableFollowRedirect: true,
			timeout: this.connection.timeoutMs,
			skipSslCertificateValidation: ignoreSslIssues,
		};
		if (contentType) options.headers = { 'Content-Type': contentType };
		return await requestWithSessionRefresh(this.context, cloudOffixSession, options);
	}
}

const clients = new WeakMap<object, CloudOffixClient>();

/** The client of this node run (one per n8n context object and wire format). */
export function cloudOffixClient(context: SessionContext, wireFormat: WireFormat = 'jsonRpcSession', connection?: ConnectionSettings): CloudOffixClient {
	let client = clients.get(context);
	if (!client || client.wireFormat !== wireFormat) {
		client = new CloudOffixClient(context, wireFormat, connection);
		clients.set(context, client);
	}
	return client;
}

/**
 * 'asc' or 'desc' when an order sorts by the record id alone ("id", "id desc"); undefined for any other sort, and
 * for none (the model's own _order then applies, not the id).
 */
function idDirection(order: string | undefined): 'asc' | 'desc' | undefined {
	const match = /^\s*id(?:\s+(asc|desc))?\s*$/i.exec(order ?? '');
	return match ? ((match[1]?.toLowerCase() as 'asc' | 'desc' | undefined) ?? 'asc') : undefined;
}

/** A write is repeatable unless it carries an x2many (0, 0, values) command, which creates a record each time. */
function isRepeatable(call: OdooCall): boolean {
	if (!REPEATABLE_METHODS.has(call.method)) return false;
	if (call.method !== 'write') return true;
	const values = (call.args ?? [])[1];
	if (typeof values !== 'object' || values === null) return true;
	return !Object.values(values).some((value) => Array.isArray(value) && value.some((command) => Array.isArray(command) && command[0] === 0));
}
