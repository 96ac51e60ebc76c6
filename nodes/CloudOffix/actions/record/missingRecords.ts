import type { INodeProperties } from 'n8n-workflow';

export const missingRecordOption: INodeProperties = {
	displayName: 'Error on Missing Record',
	name: 'errorOnMissing',
	type: 'boolean',
	default: true,
	description:
		'Whether an ID that does not exist fails the item. Odoo 11 itself reports success for deleting a missing record and returns nothing for reading one.',
};
