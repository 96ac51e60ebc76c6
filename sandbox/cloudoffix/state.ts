import { formatDatetime } from './dates';
import { accessDenied, unknownDatabase } from './errors';
import { FaultRules } from './faults';
import type { CallObserver } from './orm/call';
import { Env } from './orm/env';
import type { Registry } from './orm/registry';
import { seedDatabase } from './seed';
import { SessionStore } from './session';
import { StatsCounter } from './stats';

export interface SandboxSettings {
	db: string;
	scale: number;
	sessionIdleSeconds: number;
}

/** Everything the routes share: the database, sessions, counters and fault rules. */
export class SandboxState {
	registry!: Registry;

	readonly sessions: SessionStore;

	readonly stats = new StatsCounter();

	readonly faults = new FaultRules();

	readonly observer: CallObserver = {
		onCall: (target) => this.stats.countCall(target),
		onCommit: (created) => this.stats.countCreates(created),
	};

	constructor(
		readonly settings: SandboxSettings,
		public url = '',
	) {
		this.sessions = new SessionStore(settings.sessionIdleSeconds * 1000);
	}

	get db(): string {
		return this.settings.db;
	}

	reseed(): void {
		this.registry = seedDatabase({ scale: this.settings.scale, baseUrl: this.url, now: new Date() });
	}

	env(uid: number): Env {
		return new Env(this.registry, uid);
	}

	/** The database must be ours: any other name fails in psycopg2's connect, as on a real server. */
	checkDatabase(db: unknown): void {
		if (db !== this.db) throw unknownDatabase(String(db));
	}

	/** res.users._login: the uid of an active user with this login and password, or false. */
	login(db: unknown, login: unknown, password: unknown): number | false {
		this.checkDatabase(db);
		const users = this.registry.get('res.users').records.values();
		const user = [...users].find((candidate) => candidate.login === login && candidate.active);
		if (!user || !this.passwordMatches(user.id, password)) return false;
		user.login_date = formatDatetime(new Date());
		this.stats.logins++;
		return user.id;
	}

	/** odoo.service.security.check: the uid and password of a stateless call, or AccessDenied. */
	checkCredentials(db: unknown, uid: number, password: unknown): void {
		this.checkDatabase(db);
		if (this.registry.get('res.users').records.get(uid)?.active && this.passwordMatches(uid, password)) return;
		throw accessDenied([
			['odoo/service/model.py', 35, 'dispatch', 'security.check(db,uid,passwd)'],
			['odoo/addons/base/res/res_users.py', 455, 'check_credentials', 'raise AccessDenied()'],
		]);
	}

	/** Empty passwords never match (Odoo refuses them outright). */
	private passwordMatches(uid: number, password: unknown): boolean {
		return typeof password === 'string' && password !== '' && this.registry.passwords.get(uid) === password;
	}
}
