import { PassThrough } from 'node:stream';
import Deserializer from 'xmlrpc/lib/deserializer';
import { serializeMethodCall } from 'xmlrpc/lib/serializer';
import { post, type RawResponse } from './http';

/**
 * A test-side XML-RPC client whose codec is the xmlrpc package's (the one odoo-await uses), written apart from the
 * sandbox's, so that each checks the other. Calls go through the raw HTTP helper, so tests also see the raw answer.
 * The package reads <int> and <double> alike as numbers: tests that care which one came look at the raw XML.
 */

export interface XmlOutcome {
	raw: RawResponse;
	ok?: unknown;
	fault?: { faultCode: number | string; faultString: string };
}

export async function xmlCall(url: string, path: string, method: string, params: unknown[]): Promise<XmlOutcome> {
	const raw = await post(`${url}${path}`, serializeMethodCall(method, params), { 'Content-Type': 'text/xml' });
	return { raw, ...(await readMethodResponse(raw.text)) };
}

/** The deserializer reads a stream: the body is fed to it in one piece. */
function readMethodResponse(xml: string): Promise<Pick<XmlOutcome, 'ok' | 'fault'>> {
	return new Promise((resolve, reject) => {
		const body = new PassThrough();
		new Deserializer().deserializeMethodResponse(body, (error, result) => {
			if (!error) resolve({ ok: result });
			else if (error.faultCode !== undefined) resolve({ fault: { faultCode: error.faultCode, faultString: error.faultString ?? '' } });
			else reject(error);
		});
		body.end(xml);
	});
}
