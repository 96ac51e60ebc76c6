import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { loginWithSession } from '../nodes/CloudOffix/transport/login';

export class CloudOffixApi implements ICredentialType {
	name = 'cloudOffixApi';

	displayName = 'CloudOffix API';

	icon = { light: 'file:../icons/cloudoffix.svg', dark: 'file:../icons/cloudoffix.dark.svg' } as const;

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-cloudoffix-codelayer#cloudoffix-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: 'https://',
			placeholder: 'https://mycompany.cloudoffix.com',
			description: 'Address of the CloudOffix instance (a trailing slash is fine)',
			required: true,
		},
		{
			displayName: 'Database',
			name: 'db',
			type: 'string',
			default: '',
			placeholder: 'mycompany.cloudoffix.com',
			hint: 'On CloudOffix the database is the instance host name. It is never guessed from the URL.',
			required: true,
		},
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			default: '',
			placeholder: 'name@example.com',
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
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if SSL certificate validation is not possible',
		},
		// Filled by preAuthentication and stored by n8n; emptied by the node when the server reports
		// the session as expired, which makes n8n log in again and store the new session.
		{
			displayName: 'Session ID',
			name: 'sessionId',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
		{
			displayName: 'User ID',
			name: 'uid',
			type: 'hidden',
			default: 0,
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await loginWithSession(this.helpers.httpRequest, credentials);
	}

	// Odoo reads the session from the `session_id` cookie first, as its own web client sends it. A function, not
	// a generic definition: n8n would evaluate the generic one's expression on every request (about 6% of an
	// item's client time, measured).
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, Cookie: `session_id=${String(credentials.sessionId ?? '')}` } };
	}

	// preAuthentication has already proved login, password and database when this runs;
	// this request proves the stored session is accepted.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.url.replace(/\\/+$/, "")}}',
			url: '/web/session/get_session_info',
			method: 'POST',
			body: { jsonrpc: '2.0', method: 'call', params: {} },
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.code',
					value: 100,
					message: 'CloudOffix did not accept the session it had just opened',
				},
			},
		],
	};
}
