/**
 * A credential's login that was refused or could not reach its server. Each service's login error
 * extends it. Recognised by its marker, never by `instanceof` or name: n8n wraps what preAuthentication
 * throws, and every bundle (node, credential) has its own copy of this class.
 */
export class LoginError extends Error {
	readonly isLoginError = true;

	/**
	 * Whether trying again may pass: the server could not be reached (not a refusal). Either way the call the
	 * login was for was never sent (see retries.ts).
	 */
	readonly mayPass: boolean;

	constructor(message: string, options: { mayPass?: boolean } = {}) {
		super(message);
		this.name = new.target.name;
		this.mayPass = options.mayPass ?? false;
	}
}

/** Whether `error` is a LoginError from any bundle. */
export function isLoginError(error: unknown): error is LoginError {
	return typeof error === 'object' && error !== null && (error as { isLoginError?: unknown }).isLoginError === true;
}
