/**
 * The shape of the Codelayer endpoint catalog (catalog/index.ts): what Codelayer documents about each
 * endpoint, the one place the node's fields, the request schemas, the sandbox's checks and the README's
 * operation table come from.
 */

/** Codelayer's field types as its documentation names them (String, Integer, Decimal, Character, Array). */
export type FieldType = 'string' | 'integer' | 'decimal' | 'character' | 'array';

export interface CatalogField {
	name: string;
	type: FieldType;
	/** Text: length. Integer and decimal: value. Array: rows. */
	min?: number;
	max?: number;
	mandatory: boolean;
	/** Codelayer's own sample request sends "" for this mandatory field: the server takes an empty value. */
	emptyAllowed?: true;
	/** Text in a fixed form: `datetime` is YYYY-MM-DD HH:MM:SS (the node fills in now), `date` YYYY-MM-DD. */
	format?: 'datetime' | 'date';
	/** The documentation's sample value. */
	sample?: string;
	description: string;
	/** The fields of each row of an array field. */
	fields?: CatalogField[];
}

/** The resources a field user recognises; operations are grouped under them in the node. */
export type ResourceName = 'device' | 'customer' | 'route' | 'product' | 'sale' | 'return' | 'stock' | 'dayClosing' | 'notification';

export interface Endpoint {
	resource: ResourceName;
	/** The node's operation value, camelCase, unique within the resource. */
	operation: string;
	/** The operation's name in the editor, Title Case. */
	displayName: string;
	/** n8n's action text, sentence case. */
	action: string;
	description: string;
	/** Relative to the server's base URL. */
	path: string;
	/** The API server, or the licence server (licence request and device registration). */
	server: 'api' | 'license';
	/** Whether the body carries the session key (every call but the licence server's and the login). */
	sendsKey: boolean;
	/**
	 * Whether sending it twice leaves the server as sending it once: reads, and updates that set values (a shop's
	 * details, a device token, notifications marked read). Only these are sent again after a failure the server may
	 * have acted on; a sale, a return, a transfer, a closing or a new customer never are (see nodes/shared/retries.ts).
	 */
	repeatable: boolean;
	/**
	 * False for the endpoints Codelayer names in its menu but publishes no page for: the path is a guess the
	 * user can change, and the fields are a model the user can extend or override with JSON (their mandatory
	 * ones are those of the documented endpoint they are modelled on).
	 */
	published: boolean;
	/** The credential supplies the whole body (the login): the node asks for none of its fields. */
	fromCredential?: true;
	/** The request fields, the key left out (the credential adds it). */
	request: CatalogField[];
	/** The answer's array of rows, when it has one (details, products, customer_details, licenses). */
	listField?: string;
	/** The documented fields of the answer (of each row, for a list answer) and their types. */
	response: Record<string, FieldType>;
}
