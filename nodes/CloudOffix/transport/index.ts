import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { requestFailure } from '../../shared/requestFailure';
import { requestWithSessionRefresh, type SessionContext } from '../../shared/sessionRefresh';
import { odooApiError } from './errors';
import { fieldsCacheOf, type FieldsByModel } from './fieldsCache';
import { cloudOffixBaseUrl } from './login';
import { OdooServerError, unwrapJsonRpc } from './odooEnvelope';
import { CLOUDOFFIX_CREDENTIAL, cloudOffixSession } from './session';
import type { OdooCall, OdooField, WireFormat } from './types';
import { parseMethodResponse, serializeMethodCall } from './xmlRpc';
import { faultToOdooError } from './xmlRpcFault';

export type { OdooCall, OdooField, WireFormat } from './types';

let requestId = 0;

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
	) {
		this.fieldsByModel = fieldsCacheOf(context);
	}

	/** Runs `model.method(*args, **kwargs)`; an Odoo error becomes a NodeApiError for that item. */
	async execute(call: OdooCall, itemIndex?: number): Promise<unknown> {
		const what = `${call.model}.${call.method}`;
		const outcome = await this.send(call).then(
			(result) => ({ result }),
			(error: unknown) => ({ error }),
		);
		if (!('error' in outcome)) return outcome.result;
		const node = this.context.getNode();
		if (outcome.error instanceof OdooServerError) throw odooApiError(node, outcome.error, call, itemIndex);
		throw requestFailure(node, outcome.error, `CloudOffix ${what}`, itemIndex);
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

	private async send(call: OdooCall): Promise<unknown> {
		const args = call.args ?? [];
		const kwargs = call.kwargs ?? {};
		if (this.wireFormat === 'jsonRpcSession') {
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
		if (this.wireFormat === 'jsonRpc') {
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
		this.statelessLogin ??= (async () => {
			let credentials = await this.context.getCredentials(CLOUDOFFIX_CREDENTIAL);
			if (!Number(credentials.uid) || credentials.sessionId === '') {
				unwrapJsonRpc(await this.post('/web/session/get_session_info', { jsonrpc: '2.0', method: 'call', params: {} }));
				credentials = await this.context.getCredentials(CLOUDOFFIX_CREDENTIAL);
			}
			return { db: String(credentials.db).trim(), uid: Number(credentials.uid), password: String(credentials.password) };
		})();
		return await this.statelessLogin;
	}

	private async post(path: string, body: unknown, contentType?: string): Promise<unknown> {
		this.server ??= this.context.getCredentials(CLOUDOFFIX_CREDENTIAL).then((credentials) => ({
			baseUrl: cloudOffixBaseUrl(credentials),
			ignoreSslIssues: credentials.ignoreSslIssues === true,
		}));
		const { baseUrl, ignoreSslIssues } = await this.server;
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: `${baseUrl}${path}`,
			body: body as IDataObject,
			json: contentType === undefined,
			skipSslCertificateValidation: ignoreSslIssues,
		};
		if (contentType) options.headers = { 'Content-Type': contentType };
		return await requestWithSessionRefresh(this.context, cloudOffixSession, options);
	}
}

const clients = new WeakMap<object, CloudOffixClient>();

/** The client of this node run (one per n8n context object and wire format). */
export function cloudOffixClient(context: SessionContext, wireFormat: WireFormat = 'jsonRpcSession'): CloudOffixClient {
	let client = clients.get(context);
	if (!client || client.wireFormat !== wireFormat) {
		client = new CloudOffixClient(context, wireFormat);
		clients.set(context, client);
	}
	return client;
}
