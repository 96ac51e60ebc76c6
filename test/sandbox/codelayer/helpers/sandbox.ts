import { ENDPOINTS } from '../../../../nodes/Codelayer/catalog';
import { startCodelayerSandbox, type CodelayerSandbox, type CodelayerSandboxOptions } from '../../../../sandbox/codelayer';
import { useSandbox } from '../../../harness/useSandbox';
import { JSON_HEADERS, post, type RawResponse } from '../../helpers/http';

/** One sandbox per test file (or describe block), reset before each test. */
export function useCodelayerSandbox(options: CodelayerSandboxOptions = {}): () => CodelayerSandbox {
	return useSandbox(() => startCodelayerSandbox(options));
}

/** A Codelayer answer: `e`, `msg` and the payload beside them. */
export type Answer = Record<string, unknown> & { e?: unknown; msg?: unknown };

export const SAMPLE_USER = { username: 'TEST', password: 'password', imei: '352099001761481' };

/** A device as the API documents it: it logs in once and sends its key in the body of every keyed call. */
export class CodelayerClient {
	key?: string;

	constructor(private readonly sandbox: () => CodelayerSandbox) {}

	/** Logs in (the sample user by default) and keeps the key. */
	async login(user: { username: string; password: string; imei: string } = SAMPLE_USER): Promise<string> {
		const answer = await this.call('system/auth', { ...user, ver: '1.0.0.0' });
		if (answer.e !== 200 || typeof answer.key !== 'string') throw new Error(`login failed: ${JSON.stringify(answer)}`);
		this.key = answer.key;
		return answer.key;
	}

	/** POSTs a body to an endpoint, on the server the catalog names; keyed endpoints get the key unless the body has one. */
	async call(path: string, body: Record<string, unknown> = {}): Promise<Answer> {
		const response = await this.raw(path, body);
		return JSON.parse(response.text) as Answer;
	}

	/** The rows of a list answer, which must be a success. */
	async rows(path: string, body: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
		const answer = await this.call(path, body);
		const endpoint = ENDPOINTS.find((candidate) => candidate.path === path);
		if (answer.e !== 200 || !endpoint?.listField) throw new Error(`${path} answered ${JSON.stringify(answer)}`);
		return answer[endpoint.listField] as Array<Record<string, unknown>>;
	}

	async raw(path: string, body: Record<string, unknown> | string): Promise<RawResponse> {
		const endpoint = ENDPOINTS.find((candidate) => candidate.path === path);
		const base = endpoint?.server === 'license' ? this.sandbox().licenseUrl : this.sandbox().url;
		const keyed = typeof body === 'object' && endpoint?.sendsKey && this.key !== undefined && !('key' in body);
		const text = typeof body === 'string' ? body : JSON.stringify(keyed ? { key: this.key, ...body } : body);
		return post(`${base}/${path}`, text, JSON_HEADERS);
	}
}

export const SUCCESS = { e: 200, msg: 'Success' };
export const BAD_REQUEST = { e: 400, msg: 'Bad Request.' };
export const UNAUTHORIZED = { e: 401, msg: 'Invalid authentication credentials.' };
export const UNAVAILABLE = { e: 503, msg: 'Service unavailable.' };
