import { request } from 'undici';

/** Raw HTTP exchanges with a sandbox through undici. */

export interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
}

export async function post(url: string, body: string, headers: Record<string, string>): Promise<RawResponse> {
	const response = await request(url, { method: 'POST', body, headers });
	return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

export function header(response: RawResponse, name: string): string | undefined {
	const value = response.headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(', ') : value;
}

export const JSON_HEADERS = { 'Content-Type': 'application/json' };
