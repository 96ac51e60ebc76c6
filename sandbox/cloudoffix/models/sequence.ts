import type { Env } from '../orm/database';

/**
 * ir.sequence numbers such as SO001. Like PostgreSQL sequences they are not rolled back, so a failed create
 * leaves a gap, as on the real server.
 */
export function nextSequence(env: Env, code: string, prefix: string): string {
	const next = env.registry.sequences.get(code) ?? 1;
	env.registry.sequences.set(code, next + 1);
	return `${prefix}${String(next).padStart(3, '0')}`;
}
