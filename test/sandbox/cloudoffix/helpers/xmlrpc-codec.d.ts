/** The codec modules of the xmlrpc package (what odoo-await uses), which @types/xmlrpc does not describe. */

declare module 'xmlrpc/lib/serializer' {
	/** A methodCall document, <?xml?> declaration included. Integral numbers become <int>, others <double>. */
	export function serializeMethodCall(method: string, params?: readonly unknown[], encoding?: string): string;
}

declare module 'xmlrpc/lib/deserializer' {
	import type { Readable } from 'node:stream';

	/** A fault arrives as an error carrying its faultCode and faultString. */
	type XmlRpcError = Error & { faultCode?: number | string; faultString?: string };

	class Deserializer {
		constructor(encoding?: string);
		deserializeMethodResponse(stream: Readable, callback: (error: XmlRpcError | null | undefined, result?: unknown) => void): void;
	}

	export = Deserializer;
}
