import { NodeApiError, type INode } from 'n8n-workflow';

import { OdooServerError } from './odooEnvelope';

/** What the user reads first for each Odoo exception type; the server's own text follows. */
const EXCEPTION_TITLES: Record<string, string> = {
	access_denied: 'Access denied: check the login and password of the CloudOffix credential',
	access_error: 'CloudOffix refused access',
	missing_error: 'Record not found',
	validation_error: 'CloudOffix rejected the values',
	user_error: 'CloudOffix refused the operation',
	warning: 'CloudOffix refused the operation',
};

/**
 * The message to show. Odoo's session route answers a call on a model that does not exist with a bare
 * KeyError whose text is just the model name (the /jsonrpc and XML-RPC routes say "Object x doesn't
 * exist"): that one is said in words.
 */
function messageOf(error: OdooServerError, model: string): string {
	if (error.exceptionName === 'builtins.KeyError' && error.message.replace(/^'|'$/g, '') === model) return `CloudOffix has no model "${model}"`;
	const title = EXCEPTION_TITLES[error.exceptionType];
	if (!title) return error.message;
	return error.exceptionType === 'access_denied' ? title : `${title}: ${error.message}`;
}

/**
 * One mapping from an Odoo error (any wire format) to what n8n shows: the clean human text as message,
 * the exception type and the model/method called as description. The traceback is never shown.
 */
export function odooApiError(node: INode, error: OdooServerError, call: { model: string; method: string }, itemIndex?: number): NodeApiError {
	return new NodeApiError(
		node,
		{ message: error.message, name: error.exceptionName, code: error.code },
		{
			message: messageOf(error, call.model),
			description: `${error.exceptionName} (${error.exceptionType}) from ${call.model}.${call.method}`,
			httpCode: String(error.code),
			itemIndex,
		},
	);
}
