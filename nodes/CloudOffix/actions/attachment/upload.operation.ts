import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { planItems, plannedValue } from '../../../shared/executeItems';
import { ParameterError } from '../../../shared/parameterError';
import { updateDisplayOptions } from '../../../shared/updateDisplayOptions';
import { toBase64 } from '../../transport/binary';
import { modelOf, type OperationRun } from '../common';
import { recordIdsOf } from '../record/externalIds';
import { modelLocator, optionsCollection, recordIdLocator } from '../common.descriptions';
import { ATTACHMENT, METADATA_FIELDS, binaryPropertyOf, binaryPropertyProperty } from './shared';

const properties: INodeProperties[] = [
	{ ...modelLocator, description: 'The model of the record the file is attached to, e.g. crm.lead or sale.order' },
	{ ...recordIdLocator, description: 'The record the file is attached to' },
	binaryPropertyProperty('The binary field of the input item that holds the file'),
	optionsCollection([
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			description: 'The name the attachment gets; empty: the file name of the binary data',
		},
		{
			displayName: 'MIME Type',
			name: 'mimeType',
			type: 'string',
			default: '',
			placeholder: 'application/pdf',
			description: 'The attachment\'s type; empty: the MIME type of the binary data (else CloudOffix guesses it from the name and content)',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['upload'] } }, properties);

interface PlannedUpload {
	property: string;
	values: IDataObject;
}

/**
 * Every item's parameters and binary data are checked before any file is sent (a missing binary field stops the run
 * with nothing uploaded); the bytes themselves are read when the item runs, so that only the files in flight are in
 * memory, each as its Buffer and its base64 text (Odoo 11's RPC carries nothing else).
 */
export async function execute(run: OperationRun): Promise<INodeExecutionData[]> {
	const { context, client } = run;
	const input = context.getInputData();
	// The record by ID, URL or external ID (one ir.model.data lookup per batch for the latter).
	const records = await recordIdsOf(run);
	const planned = await planItems(context, run.itemCount, (i): PlannedUpload => {
		const model = modelOf(context, i);
		const id = plannedValue(records[i]);
		const property = binaryPropertyOf(context, i);
		if (!input[i]?.binary?.[property]) {
			throw new ParameterError(`The input item has no binary field "${property}" (it has ${describeBinary(input[i]?.binary)})`, 'Binary Field');
		}
		const binary = context.helpers.assertBinaryData(i, property);
		const options = context.getNodeParameter('options', i, {}) as IDataObject;
		const name = String(options.fileName || binary.fileName || 'file');
		const values: IDataObject = { name, datas_fname: name, res_model: model, res_id: id };
		const mimetype = String(options.mimeType || binary.mimeType || '');
		if (mimetype !== '') values.mimetype = mimetype;
		if (options.description) values.description = options.description;
		return { property, values };
	});
	return await run.each(async (i) => {
		const { property, values } = plannedValue(planned[i]);
		const datas = toBase64(await context.helpers.getBinaryDataBuffer(i, property));
		const id = await client.create(ATTACHMENT, { ...values, datas }, {}, i);
		const [record] = await client.read(ATTACHMENT, [id], METADATA_FIELDS, {}, i);
		return record ?? { id };
	});
}

function describeBinary(binary: INodeExecutionData['binary']): string {
	const names = Object.keys(binary ?? {});
	return names.length === 0 ? 'no binary data' : `only ${names.map((name) => `"${name}"`).join(', ')}`;
}
