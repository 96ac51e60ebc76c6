import type { IDataObject } from 'n8n-workflow';

/** The three ways Odoo 11 takes a method call; the same call gives the same result over each. */
export type WireFormat = 'jsonRpcSession' | 'jsonRpc' | 'xmlRpc';

export interface OdooCall {
	model: string;
	method: string;
	args?: unknown[];
	kwargs?: IDataObject;
}

/** A field as `fields_get` describes it (the attributes the node asks for). */
export interface OdooField {
	type: string;
	string?: string;
	required?: boolean;
	readonly?: boolean;
	relation?: string;
	selection?: Array<[string, string]>;
	/** False for computed fields Odoo does not store: reading them makes the server compute them per record. */
	store?: boolean;
}
