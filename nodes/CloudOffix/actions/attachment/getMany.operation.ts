import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../../shared/parameterError';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { MODEL_NAME, type Domain } from '../../transport';
import type { OperationRun } from '../common';
import { returnAllProperties } from '../common.descriptions';
import { ATTACHMENT, METADATA_FIELDS } from './shared';

const properties: INodeProperties[] = [
	...returnAllProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Model', name: 'model', type: 'string', default: '', placeholder: 'crm.lead', description: 'Only files attached to records of this model' },
			{ displayName: 'Record ID', name: 'recordId', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Only files attached to this record (with Model); 0: any' },
			{ displayName: 'Name Contains', name: 'name', type: 'string', default: '' },
			{ displayName: 'MIME Type', name: 'mimetype', type: 'string', default: '', placeholder: 'application/pdf' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['getMany'] } }, properties);

const PAGE_SIZE = 1000;

function domainOf(filters: IDataObject): Domain {
	const domain: Domain = [];
	const model = String(filters.model ?? '').trim();
	if (model !== '') {
		if (!MODEL_NAME.test(model)) throw new ParameterError(`"${model}" is not a model name like crm.lead`, 'Model');
		domain.push(['res_model', '=', model]);
	}
	const recordId = Number(filters.recordId ?? 0);
	if (recordId > 0) domain.push(['res_id', '=', recordId]);
	if (filters.name) domain.push(['name', 'ilike', String(filters.name)]);
	if (filters.mimetype) domain.push(['mimetype', '=', String(filters.mimetype)]);
	return domain;
}

/** Metadata only, never the files' content; newest first, paged by id like Record → Get Many. */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	return await run.each(async (i) => {
		const domain = domainOf(context.getNodeParameter('filters', i, {}) as IDataObject);
		const returnAll = context.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? Infinity : (context.getNodeParameter('limit', i, 50) as number);
		return await client.searchReadAll(ATTACHMENT, domain, METADATA_FIELDS, { limit, pageSize: PAGE_SIZE, order: 'id desc' }, i);
	});
}
