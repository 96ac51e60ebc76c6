import type { SessionContext } from '../../shared/sessionRefresh';
import { CLOUDOFFIX_CREDENTIAL } from './session';
import type { OdooField } from './types';

export type FieldsByModel = Map<string, Promise<Record<string, OdooField>>>;

/** Executions whose answers are kept; the oldest is forgotten first (a running one then asks once more). */
const MAX_EXECUTIONS = 32;

const byExecution = new Map<string, FieldsByModel>();

/**
 * Where `fields_get` answers are kept: one map per execution and credential, so that every CloudOffix
 * node of one workflow run (a Create, then an Update of the same model) asks the server once per model.
 * A context without an execution id (the editor's list searches) gets a map of its own.
 */
export function fieldsCacheOf(context: SessionContext): FieldsByModel {
	const executionId = context.getExecutionId();
	if (!executionId) return new Map();
	const credential = context.getNode().credentials?.[CLOUDOFFIX_CREDENTIAL];
	const key = JSON.stringify([executionId, credential?.id ?? credential?.name ?? '']);
	let cache = byExecution.get(key);
	if (!cache) {
		byExecution.set(key, (cache = new Map()));
		if (byExecution.size > MAX_EXECUTIONS) byExecution.delete(byExecution.keys().next().value as string);
	}
	return cache;
}
