import type {
	IAllExecuteFunctions,
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

/** What a session-based API needs to tell its answers apart: is this one an "expired session" answer? */
export interface SessionCredential {
	/** The n8n credential type's name. */
	type: string;
	/** The hidden `expirable` property that preAuthentication fills. */
	expirableField: string;
	/** Whether an answer (HTTP 200) says the session/key is no longer valid. */
	isExpired: (body: unknown) => boolean;
}

interface RefreshState {
	/** Counts forced refreshes; a request that started before the latest one just retries. */
	generation: number;
	refreshing?: Promise<unknown>;
	/** The first request of a run logs in; the others wait for it instead of each logging in. */
	firstRequest?: Promise<unknown>;
}

// One state per node run (the n8n context object) and credential type.
const states = new WeakMap<object, Map<string, RefreshState>>();

function stateFor(context: object, type: string): RefreshState {
	let byType = states.get(context);
	if (!byType) states.set(context, (byType = new Map()));
	let state = byType.get(type);
	if (!state) byType.set(type, (state = { generation: 0 }));
	return state;
}

export type SessionContext = Pick<IAllExecuteFunctions, 'getCredentials' | 'getExecutionId' | 'getNode' | 'helpers'>;

/**
 * Sends a request through n8n's `httpRequestWithAuthentication`, and renews the session once when the
 * server reports it expired inside an HTTP 200 answer (which n8n's own refresh, keyed on HTTP 401, never
 * sees). The renewal goes through n8n's credential mechanism: the request is re-issued with the expirable
 * field emptied, so n8n runs the credential's preAuthentication, stores the new session in the credential
 * (the next execution reuses it) and authenticates the retry with it.
 *
 * Retrying is safe for every method, creates included: an expired-session answer means the server
 * refused the call before running it.
 */
export async function requestWithSessionRefresh(
	context: SessionContext,
	credential: SessionCredential,
	options: IHttpRequestOptions,
): Promise<unknown> {
	const state = stateFor(context, credential.type);
	const send = async (override?: ICredentialDataDecryptedObject) =>
		await context.helpers.httpRequestWithAuthentication.call(
			context as never,
			credential.type,
			{ ...options, headers: { ...options.headers } },
			override ? { credentialsDecrypted: await credentialsWith(context, credential.type, override) } : undefined,
		);

	// The first request is registered synchronously, before any await, so that concurrent items see it.
	if (state.firstRequest) {
		await settled(state.firstRequest);
		await settled(state.refreshing);
	}
	const generation = state.generation;
	const pending = send();
	state.firstRequest ??= pending;
	const body = await pending;
	if (!credential.isExpired(body)) return body;

	if (state.refreshing || state.generation !== generation) {
		await settled(state.refreshing);
		return await send();
	}

	state.generation++;
	const refreshed = send({ [credential.expirableField]: '' });
	state.refreshing = refreshed;
	try {
		return await refreshed;
	} finally {
		state.refreshing = undefined;
	}
}

async function settled(promise: Promise<unknown> | undefined): Promise<void> {
	await promise?.catch(() => undefined);
}

async function credentialsWith(context: SessionContext, type: string, override: ICredentialDataDecryptedObject) {
	const stored = await context.getCredentials(type);
	const reference = context.getNode().credentials?.[type];
	return { id: reference?.id ?? '', name: reference?.name ?? '', type, data: { ...stored, ...override } };
}
