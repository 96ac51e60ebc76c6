import type { SandboxClock } from '../shared/clock';
import { formatDatetime } from './dates';
import { accessDenied, unknownDatabase } from './errors';
import { cloudOffixFaultRules } from './faults';
import type { CallObserver } from './orm/call';
import { Env, type Registry } from './orm/database';
import { ADMIN_UID, seedDatabase } from './seed';
import { SessionStore } from './session';
import { StatsCounter } from './stats';

export interface SandboxSettings {
	db: string;
	scale: number;
	sessionIdleSeconds: number;
	computedFieldCostMs: number;
	clock: SandboxClock;
	/** The administrator's password instead of the seed's 'admin'. */
	adminPassword?: string;
}

/** Everything the routes share: the database, sessions, counters and fault rules. */
export class SandboxState {
	registry!: Registry;

	readonly sessions: SessionStore;

	readonly stats = new StatsCounter();

	readonly faults = cloudOffixFaultRules();

	/** Computing time that the request being executed owes its answer (requests execute one at a time). */
	private owedComputeMs = 0;

	readonly observer: CallObserver = {
		onCall: (target) => this.stats.countCall(target),
		onCommit: (created) => this.stats.countCreates(created),
		onComputedFieldReads: (count) => {
			const delayMs = count * this.settings.computedFieldCostMs;
			this.stats.countComputedFieldReads(count, delayMs);
			this.owedComputeMs += delayMs;
		},
	};

	constructor(
		readonly settings: SandboxSettings,
		public url = '',
	) {
		this.sessions = new SessionStore(settings.sessionIdleSeconds * 1000, settings.clock);
	}

	/** The sandbox's clock as a date. */
	now(): Date {
		return new Date(this.settings.clock.now());
	}

	/** Runs a request's work, and tells how long its answer must wait for the computed fields it read. */
	measureCompute<T>(work: () => T): { result: T; computeMs: number } {
		this.owedComputeMs = 0;
		const result = work();
		return { result, computeMs: this.owedComputeMs };
	}

	get db(): string {
		return this.settings.db;
	}

	reseed(): void {
		this.registry = seedDatabase({ scale: this.settings.scale, baseUrl: this.url, now: this.now() });
		if (this.settings.adminPassword !== undefined) this.registry.passwords.set(ADMIN_UID, this.settings.adminPassword);
	}

	env(uid: number): Env {
		return new Env(this.registry, uid, formatDatetime(this.now()));
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
		user.login_date = formatDatetime(this.now());
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
