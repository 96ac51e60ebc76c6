import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planItems, plannedValue } from '../../../shared/executeItems';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import type { OperationRun } from '../common';
import { ATTACHMENT, attachmentIdOf, attachmentIdProperty } from './shared';

const properties: INodeProperties[] = [attachmentIdProperty];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['deleteAttachment'] } }, properties);

export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	const planned = await planItems(context, run.itemCount, (i) => attachmentIdOf(context, i));
	return await run.each(async (i) => {
		const id = plannedValue(planned[i]);
		await client.unlink(ATTACHMENT, [id], {}, i);
		return { id, deleted: true };
	});
}
