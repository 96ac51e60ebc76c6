import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { cloudOffixHarness, useCloudOffixSandbox } from './sandbox';

const sandbox = useCloudOffixSandbox();
const folder = join(__dirname, 'workflows');

// Each file is a workflow as the n8n editor exports it; its pinned data is what each node must output.
describe.each(readdirSync(folder).filter((file) => file.endsWith('.json')))('workflow %s', (file) => {
	it('outputs its pinned items', async () => {
		const { result, comparisons } = await cloudOffixHarness(sandbox()).runFile(join(folder, file));
		expect(result.error).toBeUndefined();
		expect(comparisons.length).toBeGreaterThan(0);
		for (const { node, expected, actual } of comparisons) expect({ node, items: actual }).toEqual({ node, items: expected });
	});
});
