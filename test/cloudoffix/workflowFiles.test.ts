import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { cloudOffixHarness, useCloudOffixSandbox } from './sandbox';

const sandbox = useCloudOffixSandbox();
const folder = join(__dirname, 'workflows');
const workflows = readdirSync(folder).filter((file) => file.endsWith('.json') && !file.endsWith('.expected.json'));

// Each file is a workflow as the n8n editor exports it; `<name>.expected.json` beside it holds, per node,
// the items that node must output (every CloudOffix node of the workflow is checked).
describe.each(workflows)('workflow %s', (file) => {
	it('outputs the expected items from every CloudOffix node', async () => {
		const path = join(folder, file);
		const { nodes } = JSON.parse(readFileSync(path, 'utf8')) as { nodes: Array<{ name: string; type: string }> };
		const { result, comparisons } = await cloudOffixHarness(sandbox()).runFile(path);
		expect(result.error).toBeUndefined();
		const cloudOffixNodes = nodes.filter((node) => node.type.endsWith('.cloudOffix')).map((node) => node.name);
		expect(comparisons.map(({ node }) => node).sort()).toEqual(cloudOffixNodes.sort());
		for (const { node, expected, actual } of comparisons) expect({ node, items: actual }).toEqual({ node, items: expected });
	});
});
