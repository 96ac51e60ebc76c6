import { randomBytes } from 'node:crypto';
import type { SandboxClock } from '../shared/clock';

/**
 * Odoo's session store (werkzeug's FilesystemSessionStore): ids are 40 hex characters; an unknown but
 * well-formed id opens an empty session under that same id (so a bogus cookie is echoed back), a malformed
 * one gets a new id. Sessions idle for longer than the configured time are dropped, as Odoo's session GC does.
 */

export interface Session {
	sid: string;
	uid: number | false;
	login: string | false;
	db: string | false;
	/** Set by the expireSessionAfter fault: authenticated calls left before the session disappears. */
	callsLeft?: number;
}

const VALID_SID = /^[a-f0-9]{40}$/;

export class SessionStore {
	private readonly saved = new Map<string, { session: Session; lastSeen: number }>();

	/** Ids of the sessions that logged a user in since the last `forgetIssued()` (the tests' secrets check reads them). */
	private readonly loggedIn = new Set<string>();

	constructor(
		private readonly idleMs: number,
		private readonly clock: SandboxClock,
	) {}

	open(sid: string | undefined): Session {
		const now = this.clock.now();
		if (!sid || !VALID_SID.test(sid)) return blank(newSid());
		const entry = this.saved.get(sid);
		if (!entry) return blank(sid);
		if (now - entry.lastSeen > this.idleMs) {
			this.saved.delete(sid);
			return blank(sid);
		}
		entry.lastSeen = now;
		return entry.session;
	}

	save(session: Session): void {
		this.saved.set(session.sid, { session, lastSeen: this.clock.now() });
		if (session.uid !== false) this.loggedIn.add(session.sid);
	}

	issued(): string[] {
		return [...this.loggedIn];
	}

	forgetIssued(): void {
		this.loggedIn.clear();
	}

	/** Odoo's logout: the session is emptied and continues under a new id. */
	logout(session: Session): void {
		this.saved.delete(session.sid);
		Object.assign(session, blank(newSid()));
		this.save(session);
	}

	remove(sid: string): void {
		this.saved.delete(sid);
	}

	clear(): void {
		this.saved.clear();
	}
}

function blank(sid: string): Session {
	return { sid, uid: false, login: false, db: false };
}

function newSid(): string {
	return randomBytes(20).toString('hex');
}
