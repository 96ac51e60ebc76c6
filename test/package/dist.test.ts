import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

// `npm test` builds before jest runs; these tests check what n8n would load from the published package.
const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	dependencies?: object;
	n8n: { nodes: string[]; credentials: string[] };
};

function loadClass<T>(path: string): T {
	const exports = jest.requireActual<Record<string, new () => T>>(join(root, path));
	const classes = Object.values(exports).filter((value) => typeof value === 'function');
	expect(classes).toHaveLength(1);
	return new classes[0]();
}

function iconFiles(icon: unknown): string[] {
	if (typeof icon === 'string') return [icon];
	if (icon && typeof icon === 'object') return Object.values(icon as Record<string, string>);
	return [];
}

describe('the built package', () => {
	it('has no runtime dependencies (n8n-workflow is a peer, the rest is bundled)', () => {
		expect(manifest.dependencies).toBeUndefined();
		for (const path of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
			const bundle = readFileSync(join(root, path), 'utf8');
			const required = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
			expect(required.filter((name) => !name.startsWith('node:') && name !== 'n8n-workflow')).toEqual([]);
		}
	});

	it.each(manifest.n8n.nodes)('loads node %s with its icons and codex file', (path) => {
		const node = loadClass<INodeType>(path);
		expect(node.description.usableAsTool).toBe(true);
		for (const icon of iconFiles(node.description.icon)) {
			expect(existsSync(resolve(dirname(join(root, path)), icon.replace(/^file:/, '')))).toBe(true);
		}
		expect(existsSync(join(root, path.replace(/\.js$/, '.json')))).toBe(true);
	});

	it.each(manifest.n8n.credentials)('loads credential %s with its icon', (path) => {
		const credential = loadClass<ICredentialType>(path);
		expect(credential.properties.some((property) => property.typeOptions?.expirable)).toBe(true);
		for (const icon of iconFiles(credential.icon)) {
			expect(existsSync(resolve(dirname(join(root, path)), icon.replace(/^file:/, '')))).toBe(true);
		}
	});

	it('packs only dist, README, LICENSE and package.json', () => {
		// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- test code: asks npm what it would publish
		const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
		const paths = pack.files.map((file) => file.path);
		expect(paths.filter((path) => !path.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(path))).toEqual([]);
		expect(paths).toEqual(expect.arrayContaining([...manifest.n8n.nodes, ...manifest.n8n.credentials]));
	});
});
