import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { OutputItem } from '../../../shared/executeItems';
import { ParameterError } from '../../../shared/parameterError';
import type { CloudOffixClient } from '../../transport';
import { fromBase64, safeFileName, toBase64 } from '../../transport/binary';
import { checkFieldNames, fieldList } from '../common';
import { modelFieldsProperty } from '../common.descriptions';

/**
 * Binary fields of any model (res.partner's image, a custom x_ file field) as n8n binary data, both ways. Odoo 11's
 * RPC carries them as base64 text: Get decodes the named fields into binary properties and leaves the text out of the
 * json; Create and Update read the input's binary properties and send their base64 as the fields' values.
 */

const DOWNLOAD = 'Binary Fields to Download';
const FROM_INPUT = 'Binary Fields From Input';

/** Get's option: the binary fields to return as binary data (each in a binary property of its own name). */
export const binaryFieldsToDownloadOption = modelFieldsProperty(
	DOWNLOAD,
	'binaryFields',
	'Binary fields (images, files) to return as binary data, each in a binary property named like the field and left out of the JSON.',
	{ typeOptions: { loadOptionsMethod: 'getBinaryFieldNames', loadOptionsDependsOn: ['model.value'] } },
);

/** Create's and Update's option: (field, input binary property) pairs. */
export const binaryFieldsFromInputOption: INodeProperties = {
	displayName: FROM_INPUT,
	name: 'binaryFieldsFromInput',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Binary Field',
	default: {},
	description: 'Binary fields of the model set from binary data of the input item (e.g. an image from an HTTP Request node)',
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'name',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getBinaryFieldNames', loadOptionsDependsOn: ['model.value'] },
					default: '',
					description: 'A binary field of the model, e.g. image. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Input Binary Property',
					name: 'property',
					type: 'string',
					default: 'data',
					description: 'The binary property of the input item whose file becomes the field\'s value',
				},
			],
		},
	],
};

/** Checks that every name is a binary field of the model (Odoo 11 would store any text in a char field, or fail late). */
async function checkBinaryFields(client: CloudOffixClient, model: string, names: string[], itemIndex: number, parameter: string): Promise<void> {
	const fields = await checkFieldNames(client, model, names, itemIndex, parameter);
	const wrong = names.filter((name) => fields[name].type !== 'binary');
	if (wrong.length > 0) {
		throw new ParameterError(`${wrong.map((name) => `"${name}" (${fields[name].type})`).join(', ')} of ${model} ${wrong.length === 1 ? 'is not a binary field' : 'are not binary fields'}`, parameter);
	}
}

/** Get: the checked binary fields named in the options (none: the option is not used). */
export async function binaryFieldsToDownload(client: CloudOffixClient, model: string, options: IDataObject, itemIndex: number): Promise<string[]> {
	const names = [...new Set(fieldList(options.binaryFields))];
	if (names.length > 0) await checkBinaryFields(client, model, names, itemIndex, DOWNLOAD);
	return names;
}

const SIGNATURES: Array<{ magic: Buffer; mimeType: string; extension: string }> = [
	{ magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), mimeType: 'image/png', extension: 'png' },
	{ magic: Buffer.from([0xff, 0xd8, 0xff]), mimeType: 'image/jpeg', extension: 'jpeg' },
	{ magic: Buffer.from('GIF87a'), mimeType: 'image/gif', extension: 'gif' },
	{ magic: Buffer.from('GIF89a'), mimeType: 'image/gif', extension: 'gif' },
	{ magic: Buffer.from('%PDF-'), mimeType: 'application/pdf', extension: 'pdf' },
];

/** The type of a file from its first bytes (Odoo 11 keeps no type beside a binary field). */
export function detectFileType(bytes: Buffer): { mimeType: string; extension: string } {
	const found = SIGNATURES.find(({ magic }) => bytes.subarray(0, magic.length).equals(magic));
	return found ? { mimeType: found.mimeType, extension: found.extension } : { mimeType: 'application/octet-stream', extension: 'bin' };
}

/**
 * A record read with its binary fields as an output item: each field's base64 text is decoded into a binary property
 * of the field's name (file `<model>-<id>-<field>.<ext>`) and left out of the json. An empty field (False) gives no
 * binary property and is left out too.
 */
export async function recordWithBinaryFields(context: IExecuteFunctions, model: string, record: IDataObject, names: string[]): Promise<OutputItem> {
	const json = { ...record };
	const binary: IBinaryKeyData = {};
	for (const name of names) {
		const value = json[name];
		delete json[name];
		if (typeof value !== 'string' || value === '') continue;
		const bytes = fromBase64(value);
		const { mimeType, extension } = detectFileType(bytes);
		binary[name] = await context.helpers.prepareBinaryData(bytes, safeFileName(`${model}-${String(record.id)}-${name}`, extension), mimeType);
	}
	return new OutputItem(json, Object.keys(binary).length > 0 ? binary : undefined);
}

/** A binary field to set from the input item's binary property. */
export interface BinaryFieldInput {
	field: string;
	property: string;
}

/**
 * Create / Update: the (field, binary property) pairs of an item, checked before anything is sent: each field is a
 * binary field of the model, not also given in the values, and the input item has the binary property.
 */
export async function binaryFieldInputsOf(
	context: IExecuteFunctions,
	client: CloudOffixClient,
	model: string,
	values: IDataObject,
	itemIndex: number,
): Promise<BinaryFieldInput[]> {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const rows = ((options.binaryFieldsFromInput as IDataObject | undefined)?.field ?? []) as IDataObject[];
	const inputs = rows.map((row) => ({ field: String(row.name ?? '').trim(), property: String(row.property ?? '').trim() }));
	if (inputs.length === 0) return [];
	const blank = inputs.find(({ field, property }) => field === '' || property === '');
	if (blank) throw new ParameterError('Each binary field needs a field name and an input binary property', FROM_INPUT);
	const names = inputs.map(({ field }) => field);
	const twice = names.find((name, index) => names.indexOf(name) !== index || Object.hasOwn(values, name));
	if (twice) throw new ParameterError(`The field "${twice}" is given more than once`, FROM_INPUT);
	await checkBinaryFields(client, model, names, itemIndex, FROM_INPUT);
	const binary = context.getInputData()[itemIndex]?.binary ?? {};
	const missing = inputs.find(({ property }) => !binary[property]);
	if (missing) {
		const has = Object.keys(binary);
		const described = has.length === 0 ? 'no binary data' : `only ${has.map((name) => `"${name}"`).join(', ')}`;
		throw new ParameterError(`The input item has no binary property "${missing.property}" for the field "${missing.field}" (it has ${described})`, FROM_INPUT);
	}
	return inputs;
}

/** The values of the binary fields, read from the input item when the item runs (so only the files in flight are held). */
export async function binaryFieldValues(context: IExecuteFunctions, inputs: BinaryFieldInput[], itemIndex: number): Promise<IDataObject> {
	const values: IDataObject = {};
	for (const { field, property } of inputs) values[field] = toBase64(await context.helpers.getBinaryDataBuffer(itemIndex, property));
	return values;
}
