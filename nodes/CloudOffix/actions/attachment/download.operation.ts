import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { LookupError } from '../../../shared/parameterError';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { plannedValue } from '../../../shared/executeItems';
import { modelOf, type OperationRun } from '../common';
import { recordIdsOf } from '../record/externalIds';
import { modelLocator, recordIdLocator } from '../common.descriptions';
import { ATTACHMENT, attachmentIdOf, attachmentIdProperty, attachmentItem, binaryPropertyOf, binaryPropertyProperty, readWithContent } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Download',
		name: 'downloadBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'By Attachment ID', value: 'id', description: 'One attachment' },
			{ name: 'All Attachments of a Record', value: 'record', description: 'One item per file attached to the record' },
		],
		default: 'id',
	},
	{ ...attachmentIdProperty, displayOptions: { show: { downloadBy: ['id'] } } },
	{ ...modelLocator, displayOptions: { show: { downloadBy: ['record'] } } },
	{ ...recordIdLocator, displayOptions: { show: { downloadBy: ['record'] } } },
	binaryPropertyProperty('The binary field of the output items to put each file in'),
];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['download'] } }, properties);

/**
 * The files as n8n binary data, their metadata as json. The attachments of a record are read one by one, so that a
 * record with many large files holds one file's base64 text at a time.
 */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	// The record by ID, URL or external ID (one ir.model.data lookup per batch for the latter), when files are
	// downloaded by record (the choice cannot come from an expression).
	const records = context.getNodeParameter('downloadBy', 0, 'id') === 'record' ? await recordIdsOf(run) : [];
	return await run.each(async (i) => {
		const property = binaryPropertyOf(context, i);
		if (context.getNodeParameter('downloadBy', i, 'id') === 'id') {
			const id = attachmentIdOf(context, i);
			const record = await readWithContent(client, id, i);
			if (!record) throw new LookupError(`There is no attachment with ID ${id} (or this user may not read it)`, attachmentIdProperty.displayName);
			return await attachmentItem(context, record, property);
		}
		const model = modelOf(context, i);
		const resId = plannedValue(records[i]);
		const ids = await client.search(ATTACHMENT, [['res_model', '=', model], ['res_id', '=', resId]], { order: 'id' }, i);
		const items = [];
		for (const id of ids) {
			const record = await readWithContent(client, id, i);
			if (record) items.push(await attachmentItem(context, record, property));
		}
		return items;
	});
}
