import { NodeConnectionTypes, type IBinaryData, type IDataObject, type IExecuteFunctions, type INode, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import type { CloudOffixSandbox } from '../../sandbox/cloudoffix';
import type { TestWorkflow } from '../harness';
import { cloudOffixHarness } from './sandbox';

/** A file an input item carries: its bytes as base64 (a test parameter is JSON), name and type. */
export interface TestFile {
	base64: string;
	fileName?: string;
	mimeType?: string;
}

/**
 * A test-only source node: emits items whose binary data n8n's own prepareBinaryData made, as a Read File or an HTTP
 * Request node would.
 */
export class FilesNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Files',
		name: 'files',
		group: ['input'],
		version: 1,
		usableAsTool: true,
		description: 'Emits items with binary data',
		defaults: { name: 'Files' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | object[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ json?: IDataObject; binary?: Record<string, TestFile> }>;
		const out: INodeExecutionData[] = [];
		for (const item of items) {
			const binary: Record<string, IBinaryData> = {};
			for (const [name, file] of Object.entries(item.binary ?? {})) {
				binary[name] = await this.helpers.prepareBinaryData(Buffer.from(file.base64, 'base64'), file.fileName, file.mimeType);
			}
			out.push({ json: item.json ?? {}, binary });
		}
		return [out];
	}
}

/** A harness with the CloudOffix nodes, the Files node and the credential `co-1` (admin) on the sandbox. */
export function filesHarness(sandbox: CloudOffixSandbox, data: Record<string, unknown> = {}) {
	return cloudOffixHarness(sandbox, data, { nodes: { 'test.files': new FilesNode() } });
}

let counter = 0;

/** Files → node → …: the first node emits the items with their files. */
export function afterFiles(items: Array<{ json?: IDataObject; binary?: Record<string, TestFile> }>, ...nodes: INode[]): TestWorkflow {
	const source: INode = { id: `files-${++counter}`, name: 'Files', type: 'test.files', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(items) } };
	const chain = [source, ...nodes];
	return {
		nodes: chain,
		connections: Object.fromEntries(chain.slice(0, -1).map((node, index) => [node.name, { main: [[{ node: chain[index + 1].name, type: 'main', index: 0 }]] }])),
	};
}

/**
 * The bytes of an output item's binary data. The tests run n8n-core without a BinaryDataService set up, i.e. in its
 * in-memory mode: the data is the base64 text itself (no id pointing into a store).
 */
export function bytesOf(binary: IBinaryData | undefined): Buffer {
	if (!binary) throw new Error('The item has no such binary data');
	if (binary.id) throw new Error(`Binary data stored outside the item (${binary.id}): the tests expect n8n's in-memory mode`);
	return Buffer.from(binary.data, 'base64');
}

/** A small, well-formed one-page PDF whose page shows `text`, with a binary comment (bytes that are not UTF-8). */
export function tinyPdf(text: string): Buffer {
	const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	const parts: Buffer[] = [Buffer.from('%PDF-1.4\n'), Buffer.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])];
	const offsets: number[] = [];
	let length = parts.reduce((sum, part) => sum + part.length, 0);
	objects.forEach((body, index) => {
		offsets.push(length);
		const part = Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
		parts.push(part);
		length += part.length;
	});
	const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
	parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
	return Buffer.concat(parts);
}
