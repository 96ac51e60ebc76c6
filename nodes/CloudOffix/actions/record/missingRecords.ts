import type { INodeProperties } from 'n8n-workflow';

import type { CloudOffixClient } from '../../transport';

export const missingRecordOption: INodeProperties = {
	displayName: 'Error on Missing Record',
	name: 'errorOnMissing',
	type: 'boolean',
	default: true,
	description:
		'Whether an ID that does not exist fails the item. Odoo 11 itself reports success for deleting a missing record and returns nothing for reading one.',
};

/**
 * Which of `ids` exist in `model`: one `search` for a whole batch of items, archived records included,
 * instead of one check per item.
 */
export async function existingIds(
	client: CloudOffixClient,
	model: string,
	ids: number[],
	itemIndex: number,
): Promise<Set<number>> {
	if (ids.length === 0) return new Set();
	return new Set(await client.search(model, [['id', 'in', ids]], { context: { active_test: false } }, itemIndex));
}
