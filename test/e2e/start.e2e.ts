import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { buildSync } from 'esbuild';

import { freePort } from '../../sandbox/n8n/instance';
import { REPOSITORY } from '../../sandbox/n8n/repository';
import { canvasNode, launchEditorBrowser, onNewPage, screenshot, STEP_TIMEOUT, type EditorBrowser } from './browser/editor';
import { ARTEFACTS } from './harness';

/**
 * The README's start command, as a user runs it: the main job (sandbox/main.ts, bundled as .ci/start bundles it)
 * comes up with n8n, the package, the demo credentials and every example; the editor at the URL it prints takes
 * the logins it prints and shows the examples; Ctrl-C (SIGINT) stops everything and removes its user folder.
 * Ports are free ones and the folder a temporary one, so that it runs beside a developer's own main job.
 */
interface MainJob {
	child: ChildProcessWithoutNullStreams;
	/** Resolves with the first match once the output holds it; fails if the process ends first. */
	printed(pattern: RegExp): Promise<RegExpExecArray>;
	exited: Promise<number | null>;
}

let job: MainJob | undefined;
let browser: EditorBrowser | undefined;
let folder: string;
let editor: { url: string; email: string; password: string };

function startMainJob(env: Record<string, string>): MainJob {
	const outfile = join(ARTEFACTS, 'main.js');
	buildSync({ entryPoints: [join(REPOSITORY, 'sandbox', 'main.ts')], bundle: true, platform: 'node', outfile, logLevel: 'silent' });
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- test code: runs the start command as a user would
	const child = spawn(process.execPath, [outfile], { env: { ...process.env, ...env } });
	let output = '';
	const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const printed = (pattern: RegExp) =>
		new Promise<RegExpExecArray>((resolve, reject) => {
			const check = () => {
				const match = pattern.exec(output);
				if (match) resolve(match);
			};
			child.stdout.on('data', check);
			void exited.then((code) => reject(new Error(`the main job exited with ${code} before printing ${pattern}; it printed:\n${output}`)));
			check();
		});
	return { child, printed, exited };
}

async function exampleNames(): Promise<string[]> {
	const files = (await readdir(join(REPOSITORY, 'examples'))).filter((file) => file.endsWith('.json'));
	return await Promise.all(files.map(async (file) => (JSON.parse(await readFile(join(REPOSITORY, 'examples', file), 'utf8')) as { name: string }).name));
}

beforeAll(async () => {
	folder = join(await mkdtemp(join(process.env.E2E_ROOT ?? '', 'main-job-')), 'work');
	job = startMainJob({
		MAIN_JOB_FOLDER: folder,
		N8N_PORT: String(await freePort()),
		CLOUDOFFIX_SANDBOX_PORT: '0',
		CODELAYER_SANDBOX_PORT: '0',
		CODELAYER_LICENSE_SANDBOX_PORT: '0',
	});
	const [, url, email, password] = await job.printed(/Editor: (\S+?)\/? +\(sign in as (\S+) \/ (\S+)\)/);
	editor = { url, email, password };
	browser = await launchEditorBrowser();
});

afterAll(async () => {
	try {
		await browser?.close();
	} finally {
		if (job && job.child.exitCode === null) {
			job.child.kill('SIGTERM');
			await job.exited;
		}
	}
});

function editorBrowser(): EditorBrowser {
	if (!browser) throw new Error('The browser did not start');
	return browser;
}

describe('the start command (bash .ci/start)', () => {
	it('brings up an editor that takes the printed logins and holds every example and both demo credentials', async () => {
		await onNewPage(editorBrowser(), 'main job', async (page) => {
			page.setDefaultTimeout(STEP_TIMEOUT);
			await page.goto(`${editor.url}/signin`);
			await page.getByLabel(/email/i).fill(editor.email);
			await page.getByLabel(/password/i).fill(editor.password);
			await page.getByRole('button', { name: /sign in/i }).click();
			await page.waitForURL((address) => !address.pathname.startsWith('/signin'));

			await page.goto(`${editor.url}/home/workflows`);
			const cards = page.locator('[data-test-id="resources-list-item-workflow"]');
			const names = await exampleNames();
			for (const name of names) await cards.filter({ hasText: name }).first().waitFor();
			expect(await cards.count()).toBe(names.length);
			for (const name of names) expect(await cards.filter({ hasText: name }).count()).toBe(1);
			await screenshot(page, 'main-job-workflows');

			await page.goto(`${editor.url}/home/credentials`);
			const credentials = page.locator('[data-test-id="resources-list-item"]');
			for (const name of ['CloudOffix sandbox', 'Codelayer sandbox']) await credentials.filter({ hasText: name }).waitFor();

			const lead = JSON.parse(await readFile(join(REPOSITORY, 'examples', 'cloudoffix-lead-to-partner.json'), 'utf8')) as { id: string; nodes: Array<{ name: string; type: string }> };
			await page.goto(`${editor.url}/workflow/${lead.id}`);
			for (const node of lead.nodes.filter((candidate) => candidate.type !== 'n8n-nodes-base.stickyNote')) await canvasNode(page, node.name).waitFor();
			await screenshot(page, 'main-job-example');
		});
	});

	it('stops n8n and the sandboxes on Ctrl-C and removes its user folder', async () => {
		if (!job) throw new Error('The main job did not start');
		expect(existsSync(folder)).toBe(true);
		job.child.kill('SIGINT');
		expect(await job.exited).toBe(0);
		expect(existsSync(folder)).toBe(false);
		await expect(fetch(`${editor.url}/healthz`)).rejects.toThrow();
	});
});
