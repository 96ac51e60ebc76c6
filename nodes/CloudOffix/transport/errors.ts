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
 * One mapping from an Odoo error (any wire format) to what n8n shows: the clean human text as message,
 * the exception type and the model/method called as description. The traceback is never shown.
 */
export function odooApiError(node: INode, error: OdooServerError, what: string, itemIndex?: number): NodeApiError {
	const title = EXCEPTION_TITLES[error.exceptionType];
	return new NodeApiError(
		node,
		{ message: error.message, name: error.exceptionName, code: error.code },
		{
			message: title && error.exceptionType !== 'access_denied' ? `${title}: ${error.message}` : (title ?? error.message),
			description: `${error.exceptionName} (${error.exceptionType}) from ${what}`,
			httpCode: String(error.code),
			itemIndex,
		},
	);
}
