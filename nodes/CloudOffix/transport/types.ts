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

/** A record as read or search_read answer it: the id and the fields asked for. */
export type OdooRecord = IDataObject & { id: number };

/** An Odoo domain: conditions and the prefix operators "&", "|", "!". */
export type Domain = unknown[];

export interface SearchOptions {
	offset?: number;
	limit?: number;
	order?: string;
	context?: IDataObject;
}

export interface PagingOptions extends SearchOptions {
	pageSize: number;
	/** Asked after each full page: false stops the reading (a poll running out of time). */
	more?: () => boolean;
}

export interface NameSearchOptions {
	name: string;
	args?: Domain;
	operator?: string;
	limit?: number;
	context?: IDataObject;
}

/** One message of `load`'s answer: which row (0-based), which field, what is wrong. */
export interface LoadMessage {
	type: 'error' | 'warning' | 'info';
	message: string;
	record?: number;
	rows?: { from: number; to: number };
	field?: string;
}

/** `load`'s answer: the new ids in row order, or false when any row failed and nothing was created. */
export interface LoadAnswer {
	ids: number[] | false;
	messages: LoadMessage[];
}
