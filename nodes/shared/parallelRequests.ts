import type { INodeProperties } from 'n8n-workflow';

/** The Connection option of every action node: how many items the shared item loop sends at once. */
export const parallelRequestsOption: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 32 },
	default: 4,
	description: 'How many items may be sent at once; output order always follows input order',
};

/** The option's value as the item loop takes it: a whole number, at least 1 (4 when not set). */
export function parallelRequestsOf(connection: { concurrency?: number }): number {
	return Math.max(1, Math.floor(connection.concurrency ?? 4));
}
