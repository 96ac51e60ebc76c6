import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { buildSync } from 'esbuild';

import { freePort } from '../../sandbox/n8n/instance';
import { REPOSITORY } from '../../sandbox/n8n/repository';
import { startPrintingProcess, type PrintingProcess } from '../harness/printingProcess';
import { canvasNode, launchEditorBrowser, onNewPage, screenshot, STEP_TIMEOUT, type EditorBrowser } from './browser/editor';
import { ARTEFACTS } from './harness';

/**
 * The README's start command, as a user runs it: the main job (sandbox/main.ts, bundled as .ci/start bundles it)
 * comes up with n8n, the package, the demo credentials and every example; the editor at the URL it prints takes
 * the logins it prints and shows the examples; Ctrl-C (SIGINT) stops everything and removes its user folder.
 * Ports are free ones and the folder a temporary one, so that it runs beside a developer's own main job.
 */
let job: PrintingProcess | undefined;
let browser: EditorBrowser | undefined;
let folder: string;
let editor: { url: string; email: string; password: string };

/** The main job, bundled as .ci/start bundles it and run as a plain script. */
function startMainJob(env: Record<string, string>): PrintingProcess {
	const outfile = join(ARTEFACTS, 'main.js');
	buildSync({ entryPoints: [join(REPOSITORY, 'sandbox', 'main.ts')], bundle: true, platform: 'node', outfile, logLevel: 'silent' });
	return startPrintingProcess(outfile, env, 'the main job');
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
	const [[, url, email, password]] = await job.printed(/Editor: (\S+?)\/? +\(sign in as (\S+) \/ (\S+)\)/);
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
