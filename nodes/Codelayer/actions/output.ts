import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Endpoint, FieldType } from '../catalog';
import type { CodelayerAnswer } from '../transport';

export interface OutputOptions {
	rawAnswer?: boolean;
	numbers?: boolean;
}

export const outputOptions: INodeProperties[] = [
	{
		displayName: 'Raw Answer',
		name: 'rawAnswer',
		type: 'boolean',
		default: false,
		description: "Whether to output Codelayer's whole answer as one item (e and msg included) instead of one item per row",
	},
	{
		displayName: 'Numbers as Numbers',
		name: 'numbers',
		type: 'boolean',
		default: false,
		description:
			'Whether to turn the fields Codelayer documents as numbers ("50.00", "447") into numbers; it sends every value as text',
	},
];

/** Codelayer's envelope, and the session key system/auth answers with: never output, whatever was called. */
const NOT_OUTPUT = new Set(['e', 'msg', 'key']);

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

/** The documented numeric fields of a row, as numbers; everything else as Codelayer sent it. */
function withNumbers(row: IDataObject, types: Record<string, FieldType>): IDataObject {
	return Object.fromEntries(
		Object.entries(row).map(([name, value]) => {
			const numeric = (types[name] === 'integer' || types[name] === 'decimal') && typeof value === 'string' && NUMBER_TEXT.test(value.trim());
			return [name, numeric ? Number(value) : value];
		}),
	);
}

function withoutEnvelope(answer: CodelayerAnswer, raw: boolean): IDataObject {
	return Object.fromEntries(Object.entries(answer).filter(([name]) => name !== 'key' && (raw || !NOT_OUTPUT.has(name)))) as IDataObject;
}

/**
 * The items of an answer: one per row of a list answer (none for an empty list), else one with the
 * answer's fields; with Raw Answer, the answer itself. `endpoint` is undefined for a custom call, whose
 * rows are found in the first array of objects the answer holds.
 */
export function answerItems(answer: CodelayerAnswer, endpoint: Endpoint | undefined, options: OutputOptions): IDataObject[] {
	if (options.rawAnswer) return [withoutEnvelope(answer, true)];
	const types = endpoint?.response ?? {};
	const listField = endpoint ? endpoint.listField : Object.keys(answer).find((name) => isRowList(answer[name]));
	const list = listField === undefined ? undefined : answer[listField];
	const rows = listField === undefined ? [withoutEnvelope(answer, false)] : Array.isArray(list) ? (list as IDataObject[]) : [];
	return options.numbers ? rows.map((row) => withNumbers(row, types)) : rows;
}

function isRowList(value: unknown): value is IDataObject[] {
	return Array.isArray(value) && value.length > 0 && value.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row));
}
