import type { Registry } from './registry';
import { formatDatetime } from '../dates';

/** What a user may do: admin everything, user everything but settings, readonly only read (the demo user). */
export type UserRights = 'admin' | 'user' | 'readonly';

/** Odoo's environment: who calls, with which context, at which transaction time. */
export class Env {
	/** The transaction time: every record a call creates or writes gets the same timestamp, as in PostgreSQL. */
	readonly now: string;

	constructor(
		readonly registry: Registry,
		readonly uid: number,
		readonly context: Readonly<Record<string, unknown>> = {},
		now?: string,
		/** Superuser mode for the sandbox's own work (seeding): no access checks. */
		readonly su = false,
	) {
		this.now = now ?? formatDatetime(new Date());
	}

	withContext(extra: Readonly<Record<string, unknown>>): Env {
		return new Env(this.registry, this.uid, { ...this.context, ...extra }, this.now, this.su);
	}

	get rights(): UserRights {
		return this.registry.rights.get(this.uid) ?? 'user';
	}

	/** Odoo's active_test: searches hide archived records unless the context says otherwise. */
	get activeTest(): boolean {
		return this.context.active_test !== false;
	}
}
