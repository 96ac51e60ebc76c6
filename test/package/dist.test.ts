import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

// What n8n would load from the published package: the tarball `npm pack` makes (its prepack script builds
// dist/ first, as a publish does), and the files n8n loads from it.
const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	dependencies?: object;
	homepage: string;
	n8n: { nodes: string[]; credentials: string[] };
};

let packed: string[] = [];

beforeAll(() => {
	const destination = mkdtempSync(join(tmpdir(), 'package-pack-'));
	try {
		// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- test code: packs the package as a publish would
		execFileSync('npm', ['pack', '--pack-destination', destination, '--loglevel=error'], { cwd: root, stdio: 'pipe' });
		const [tarball] = readdirSync(destination).filter((file) => file.endsWith('.tgz'));
		// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- test code: lists the tarball
		const listing = execFileSync('tar', ['-tzf', join(destination, tarball)], { encoding: 'utf8' });
		packed = listing.split('\n').filter(Boolean).map((path) => path.replace(/^package\//, ''));
	} finally {
		rmSync(destination, { recursive: true, force: true });
	}
}, 120_000);

function loadClass<T>(path: string): T {
	const exports = jest.requireActual<Record<string, new () => T>>(join(root, path));
	const classes = Object.values(exports).filter((value) => typeof value === 'function');
	expect(classes).toHaveLength(1);
	return new classes[0]();
}

/** The package paths of a description's icon files ("file:" paths are relative to the bundle). */
function iconPaths(bundlePath: string, icon: unknown): string[] {
	const files = typeof icon === 'string' ? [icon] : icon && typeof icon === 'object' ? Object.values(icon as Record<string, string>) : [];
	return files.map((file) => posix.normalize(posix.join(posix.dirname(bundlePath), file.replace(/^file:/, ''))));
}

describe('the packed package', () => {
	it('holds only dist, README, LICENSE and package.json', () => {
		expect(packed.filter((path) => !path.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(path))).toEqual([]);
	});

	it.each(manifest.n8n.nodes)('holds node %s, its light and dark icons and its codex file', (path) => {
		const { description } = loadClass<INodeType>(path);
		const icons = iconPaths(path, description.icon);
		expect(icons).toHaveLength(2);
		expect(packed).toEqual(expect.arrayContaining([path, path.replace(/\.js$/, '.json'), ...icons]));
	});

	it.each(manifest.n8n.credentials)('holds credential %s and its icons', (path) => {
		const credential = loadClass<ICredentialType>(path);
		const icons = iconPaths(path, credential.icon);
		expect(icons).toHaveLength(2);
		expect(packed).toEqual(expect.arrayContaining([path, ...icons]));
	});
});

describe('the built package', () => {
	it('has no runtime dependencies (n8n-workflow is a peer, the rest is bundled)', () => {
		expect(manifest.dependencies).toBeUndefined();
		for (const path of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
			const bundle = readFileSync(join(root, path), 'utf8');
			const required = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
			expect(required.filter((name) => !name.startsWith('node:') && name !== 'n8n-workflow')).toEqual([]);
		}
	});

	it.each(manifest.n8n.nodes)('node %s can be used as a tool (unless a trigger) and points its codex at README sections', (path) => {
		const node = loadClass<INodeType>(path);
		// An AI agent calls action nodes; n8n's lint forbids usableAsTool on triggers.
		expect(node.description.usableAsTool).toBe(node.description.polling === true ? undefined : true);
		const codex = JSON.parse(readFileSync(join(root, path.replace(/\.js$/, '.json')), 'utf8')) as {
			node: string;
			resources: Record<string, Array<{ url: string }>>;
		};
		expect(codex.node).toBe(`n8n-nodes-cloudoffix-codelayer.${node.description.name}`);
		const urls = Object.values(codex.resources).flat().map(({ url }) => url);
		expect(urls.length).toBeGreaterThanOrEqual(2);
		for (const url of urls) expect(readmeSection(url)).toEqual(expect.any(String));
	});

	it.each(manifest.n8n.credentials)('credential %s points its documentation at a README section', (path) => {
		expect(readmeSection(loadClass<ICredentialType>(path).documentationUrl ?? '')).toEqual(expect.any(String));
	});
});

/**
 * The README heading a documentation link names: links go to the package page (package.json `homepage`,
 * where npm shows the README) with the anchor of one of its headings; undefined for any other link.
 */
function readmeSection(url: string): string | undefined {
	const [page, anchor] = url.split('#');
	if (page !== manifest.homepage || !anchor) return undefined;
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	return [...readme.matchAll(/^#{1,6} (.+)$/gm)].map(([, title]) => title).find((title) => headingAnchor(title) === anchor);
}

/** The anchor npm and GitHub give a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(title: string): string {
	return title.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}
