import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { OutputItem } from '../../../shared/executeItems';
import { ParameterError } from '../../../shared/parameterError';
import type { CloudOffixClient, OdooRecord } from '../../transport';
import { fromBase64 } from '../../transport/binary';

export const ATTACHMENT = 'ir.attachment';

/** What the node returns about an attachment: everything but its content (datas, db_datas, index_content). */
export const METADATA_FIELDS = ['name', 'datas_fname', 'description', 'res_model', 'res_id', 'res_name', 'type', 'url', 'mimetype', 'file_size', 'checksum', 'create_date', 'write_date'];

export const attachmentIdProperty: INodeProperties = {
	displayName: 'Attachment ID',
	name: 'attachmentId',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 0,
	required: true,
	description: 'The ID of the ir.attachment record',
};

export function binaryPropertyProperty(description: string): INodeProperties {
	return {
		displayName: 'Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description,
	};
}

export function attachmentIdOf(context: IExecuteFunctions, itemIndex: number): number {
	const id = Number(context.getNodeParameter('attachmentId', itemIndex, 0));
	if (!Number.isSafeInteger(id) || id < 1) throw new ParameterError(`${JSON.stringify(id)} is not an attachment ID (a whole number from 1)`, attachmentIdProperty.displayName);
	return id;
}

export function binaryPropertyOf(context: IExecuteFunctions, itemIndex: number): string {
	const name = String(context.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (name === '') throw new ParameterError('No binary field name is given', 'Binary Field');
	return name;
}

/**
 * An attachment read with its datas as an output item: the metadata as json, the file as n8n binary data. The base64
 * text is decoded straight into a Buffer and left out of the json (see transport/binary.ts).
 */
export async function attachmentItem(context: IExecuteFunctions, record: OdooRecord, property: string): Promise<OutputItem> {
	const { datas, ...json } = record as IDataObject;
	if (record.type === 'url' || typeof datas !== 'string') return new OutputItem(json);
	const fileName = String(record.datas_fname || record.name || `attachment-${record.id}`);
	const mimeType = typeof record.mimetype === 'string' && record.mimetype !== '' ? record.mimetype : undefined;
	const binary: IBinaryKeyData = { [property]: await context.helpers.prepareBinaryData(fromBase64(datas), fileName, mimeType) };
	return new OutputItem(json, binary);
}

/** Reads one attachment with its content, or undefined when it does not exist (or this user may not read it). */
export async function readWithContent(client: CloudOffixClient, id: number, itemIndex: number): Promise<OdooRecord | undefined> {
	const [record] = await client.read(ATTACHMENT, [id], [...METADATA_FIELDS, 'datas'], {}, itemIndex);
	return record;
}
