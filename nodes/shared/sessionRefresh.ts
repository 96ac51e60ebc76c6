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

/** The first request of a node run logs in when the credential holds no session yet; the run's others wait for it. */
interface RunState {
	firstRequest?: Promise<unknown>;
}

/** The renewals of one stored credential in this process. */
interface RenewalState {
	/** Counts renewals; a request sent before the latest one resends with the session it stored. */
	generation: number;
	/** Whether the latest renewal logged in (it resolves when it is over; never rejects). */
	latest?: Promise<boolean>;
	inFlight: boolean;
}

// One state per node run (the n8n context object) and credential type.
const runs = new WeakMap<object, Map<string, RunState>>();

/**
 * One state per stored credential, shared by every execution this process runs (n8n runs many at once, and a queue
 * worker runs its share of everyone's): when a session expires under ten running executions, one of them renews it
 * and the others resend with the session it stored, instead of ten logins. Only an optimisation: the session itself
 * lives in n8n's stored credential, and another process that renewed in between is seen as what it is, a request
 * whose session expired, renewed once and sent again.
 */
const renewals = new Map<string, RenewalState>();

function runStateFor(context: object, type: string): RunState {
	let byType = runs.get(context);
	if (!byType) runs.set(context, (byType = new Map()));
	let state = byType.get(type);
	if (!state) byType.set(type, (state = {}));
	return state;
}

function renewalStateFor(context: SessionContext, type: string): RenewalState {
	const reference = context.getNode().credentials?.[type];
	const key = JSON.stringify([type, reference?.id ?? reference?.name ?? '']);
	let state = renewals.get(key);
	if (!state) renewals.set(key, (state = { generation: 0, inFlight: false }));
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
	const run = runStateFor(context, credential.type);
	const renewal = renewalStateFor(context, credential.type);
	const send = async (override?: ICredentialDataDecryptedObject) =>
		await context.helpers.httpRequestWithAuthentication.call(
			context as never,
			credential.type,
			{ ...options, headers: { ...options.headers } },
			override ? { credentialsDecrypted: await credentialsWith(context, credential.type, override) } : undefined,
		);
	const renew = async () => {
		renewal.generation++;
		const renewed = send({ [credential.expirableField]: '' });
		const latest = renewed.then(
			() => true,
			() => false,
		);
		Object.assign(renewal, { latest, inFlight: true });
		try {
			return await renewed;
		} finally {
			if (renewal.latest === latest) renewal.inFlight = false;
		}
	};

	// The first request is registered synchronously, before any await, so that concurrent items see it.
	if (run.firstRequest) {
		await settled(run.firstRequest);
		await renewal.latest;
	}
	// A request sent while a renewal is under way may still carry the session it replaces: count it as sent before.
	const generation = renewal.inFlight ? renewal.generation - 1 : renewal.generation;
	const pending = send();
	run.firstRequest ??= pending;
	const body = await pending;
	if (!credential.isExpired(body)) return body;

	// Renewed (or being renewed) by another request of this process since this one was sent: use that session.
	if (renewal.generation !== generation) {
		const loggedIn = await renewal.latest;
		const resent = await send();
		// Expired again after a renewal that worked: another process's expiry came in between; renew for this
		// request. After a failed login, trying the same password once per request would only fail again.
		if (!credential.isExpired(resent) || !loggedIn) return resent;
	}
	return await renew();
}

async function settled(promise: Promise<unknown> | undefined): Promise<void> {
	await promise?.catch(() => undefined);
}

async function credentialsWith(context: SessionContext, type: string, override: ICredentialDataDecryptedObject) {
	const stored = await context.getCredentials(type);
	const reference = context.getNode().credentials?.[type];
	return { id: reference?.id ?? '', name: reference?.name ?? '', type, data: { ...stored, ...override } };
}
