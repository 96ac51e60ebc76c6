import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { loginForKey } from '../nodes/Codelayer/transport/login';

export class CodelayerApi implements ICredentialType {
	name = 'codelayerApi';

	displayName = 'Codelayer API';

	icon = { light: 'file:../icons/codelayer.svg', dark: 'file:../icons/codelayer.dark.svg' } as const;

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-cloudoffix-codelayer#codelayer-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://wats.api.codelayer.co.in/',
			description: 'Address of the API server (the baseURL that the licence server returns for the device)',
			required: true,
		},
		{
			displayName: 'Licence Server URL',
			name: 'licenseUrl',
			type: 'string',
			default: 'https://license.codelayer.co.in/',
			description: 'Where licence requests go; only the licence operations use it',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'IMEI',
			name: 'imei',
			type: 'string',
			default: '',
			placeholder: '352099001761481',
			description: 'IMEI of the registered device this workflow acts as (14 to 16 digits)',
			required: true,
		},
		{
			displayName: 'App Version',
			name: 'appVersion',
			type: 'string',
			default: '1.0.0.0',
			description: 'Client app version sent at login; the API documents 1.0.0.0 as the supported one',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- a licence key unlocks a paid licence: a secret
		{
			displayName: 'Licence Key',
			name: 'licenseKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Client licence key, if the licence server issued one',
		},
		// As CloudOffix's: certificates are verified unless this is ticked (login, every call, the credential test).
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if SSL certificate validation is not possible',
		},
		// Filled by preAuthentication and stored by n8n; emptied by the node when the server answers
		// `e: 401`, which makes n8n log in again and store the new key.
		{
			displayName: 'Session Key',
			name: 'sessionKey',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await loginForKey(this.helpers.httpRequest, credentials);
	}

	// The API takes the key in the JSON body of every call, never in a header or the query string. A function, not
	// a generic definition, so that n8n evaluates no expression per request; like the generic one it adds the key
	// to an object body and leaves any other body as it is.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const { body } = requestOptions;
		const plainObject = typeof body === 'object' && body !== null && [Object.prototype, null].includes(Object.getPrototypeOf(body));
		if (body !== undefined && !plainObject) return requestOptions;
		return { ...requestOptions, body: { ...(body as object | undefined), key: String(credentials.sessionKey ?? '') } };
	}

	// preAuthentication has already proved the login when this runs; Route Details proves the key works.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/sales/route_details',
			method: 'POST',
			body: {},
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
		rules: [401, 400, 503].map((e) => ({
			type: 'responseSuccessBody' as const,
			properties: { key: 'e', value: e, message: `Codelayer refused the key it had just issued (e ${e})` },
		})),
	};
}
