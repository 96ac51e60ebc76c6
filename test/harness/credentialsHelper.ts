import {
	ICredentialsHelper,
	Workflow,
	getCredentialOwnRequestAllowedDomains,
	isExpression,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { registerSecret, registerSecretSource, type Secret } from './secrets';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * Applies credentials the way n8n's own CredentialsHelper (packages/cli) does, over an in-memory store
 * that plays the database:
 * - `authenticate`: a function is called; a generic definition has its expressions resolved against
 *   `$credentials` and is merged into headers / qs / body / auth;
 * - `preAuthentication`: runs when the hidden `expirable` field is empty or the caller says the
 *   credential expired, with its requests held to the credential's allowed domains, and its output is written
 *   back to the store (the next execution reuses it) as n8n writes it;
 * - n8n-core itself does the one refresh-and-retry on HTTP 401.
 * It counts what it did, so tests can assert how often a session was opened. Every secret field of what it stores
 * (typeOptions.password, and the expirable session field) goes to the suite's secrets check (./secrets.ts): as
 * added and updated, and as the store holds it when the check runs (tests also change stored data in place).
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, StoredCredential>();

	preAuthentications = 0;

	constructor(private readonly credentialTypes: Map<string, ICredentialType>) {
		super();
		registerSecretSource(() => [...this.store.values()].flatMap((credential) => this.secretsOf(credential)));
	}

	add(credential: StoredCredential): void {
		const stored = { ...credential, data: { ...this.defaultsOf(credential.type), ...credential.data } };
		this.store.set(credential.id, stored);
		this.registerSecrets(stored);
	}

	/** The values of the credential's secret fields: those n8n masks (password) and the session its login stores (expirable). */
	private secretsOf(credential: StoredCredential): Secret[] {
		const type = this.credentialTypes.get(credential.type);
		const secretFields = (type?.properties ?? []).filter((p) => p.typeOptions?.password === true || p.typeOptions?.expirable === true);
		return secretFields
			.filter((field) => typeof credential.data[field.name] === 'string')
			.map((field) => ({ kind: `${credential.type}.${field.name} of credential "${credential.id}"`, value: credential.data[field.name] as string }));
	}

	private registerSecrets(credential: StoredCredential): void {
		for (const { kind, value } of this.secretsOf(credential)) registerSecret(kind, value);
	}

	stored(id: string): ICredentialDataDecryptedObject {
		return { ...this.find({ id, name: '' }).data };
	}

	typeOf(name: string): ICredentialType {
		const type = this.credentialTypes.get(name);
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	/** n8n stores every property with its default when a credential is created: hidden fields start as ''. */
	private defaultsOf(typeName: string): ICredentialDataDecryptedObject {
		return Object.fromEntries(this.typeOf(typeName).properties.map((p) => [p.name, p.default])) as ICredentialDataDecryptedObject;
	}

	private find(details: INodeCredentialsDetails): StoredCredential {
		const credential = (details.id && this.store.get(details.id)) || [...this.store.values()].find((c) => c.name === details.name);
		if (!credential) throw new Error(`No stored credential ${details.id ?? details.name}`);
		return credential;
	}

	getParentTypes(): string[] {
		return [];
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.typeOf(type).properties;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.typeOf(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate) return requestOptions;
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			const current = (requestOptions as unknown as Record<string, Record<string, unknown> | undefined>)[target];
			const merged: Record<string, unknown> = typeof current === 'object' && current !== null ? current : {};
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				merged[String(this.resolve(key, credentials, workflow, node))] = this.resolve(value, credentials, workflow, node);
			}
			(requestOptions as unknown as Record<string, unknown>)[target] = merged;
		}
		return requestOptions;
	}

	private resolve(value: unknown, credentials: ICredentialDataDecryptedObject, workflow?: Workflow, node?: INode): unknown {
		if (!isExpression(value)) return value;
		if (!workflow || !node) throw new Error('Generic authentication needs the workflow and node to resolve expressions');
		const resolved = workflow.expression.getSimpleParameterValue(node, value as string, 'internal', { $credentials: credentials }, undefined, '');
		return resolved ? String(resolved) : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOf(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		// n8n's credential tester runs on a temporary No-Op node: there the login always runs, whatever is stored.
		const testing = node.type === 'n8n-nodes-base.noOp' && node.parameters?.temp === '';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !testing) return undefined;
		this.preAuthentications++;
		const output = (await type.preAuthentication.call(restrictToCredentialDomains(helpers, credentials), credentials)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;
		const reference = node.credentials?.[typeName];
		if (!reference) return undefined;
		// As n8n 2.41.1 persists it: the expirable field always, other outputs unless the stored value is an expression.
		const stored = this.find(reference).data;
		const persisted = { ...stored };
		for (const [key, value] of Object.entries(output)) if (key === expirable.name || !isExpression(stored[key])) persisted[key] = value;
		await this.updateCredentials(reference, typeName, persisted);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOf(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
	): Promise<ICredentialDataDecryptedObject> {
		return { ...this.find(nodeCredentials).data };
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('The test store keeps credentials decrypted: use getDecrypted');
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const credential = this.find(nodeCredentials);
		credential.data = { ...data };
		this.registerSecrets(credential);
	}

	async updateCredentialsOauthTokenData(): Promise<void> {
		throw new Error('OAuth is not used by this package');
	}
}

/**
 * What n8n's CredentialsHelper gives preAuthentication (credentials-helper.js of n8n 2.41.1): an httpRequest held
 * to the domains the credential allows, when it restricts them.
 */
function restrictToCredentialDomains(helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) return await helpers.helpers.httpRequest(options);
				if (options.allowedDomains !== undefined) {
					throw new Error('This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.');
				}
				return await helpers.helpers.httpRequest({ ...options, allowedDomains });
			},
		},
	};
}
