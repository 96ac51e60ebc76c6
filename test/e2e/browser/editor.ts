import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { ARTEFACTS } from '../harness';

/** Debian's Chromium; the suite never downloads a browser. */
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Where the editor tests' screenshots go. */
export const SCREENSHOTS = join(ARTEFACTS, 'screenshots');

/** How long one step may wait for the editor (a loaded CI machine with two cores runs n8n and Chromium). */
export const STEP_TIMEOUT = 30_000;

/**
 * Headless, as root on a machine without network: no sandbox (root), no GPU, nothing Chromium would fetch
 * on its own (QUIC, component updates, sync, first-run pages).
 */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface EditorBrowser {
	context: BrowserContext;
	/** Closes Chromium and removes its profile. */
	close(): Promise<void>;
}

/** Chromium on a new, empty profile (a temporary folder of its own), 1600x1000. */
export async function launchEditorBrowser(): Promise<EditorBrowser> {
	const profile = await mkdtemp(join(tmpdir(), 'n8n-e2e-chromium-'));
	const removeProfile = async () => await rm(profile, { recursive: true, force: true });
	let context: BrowserContext | undefined;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: { width: 1600, height: 1000 },
		});
	} finally {
		if (!context) await removeProfile();
	}
	context.setDefaultTimeout(STEP_TIMEOUT);
	context.setDefaultNavigationTimeout(STEP_TIMEOUT);
	const launched = context;
	return {
		context: launched,
		close: async () => {
			try {
				await launched.close();
			} finally {
				await removeProfile();
			}
		},
	};
}

/** Puts a signed-in session (a Cookie header, as RestSession holds it) into the browser, for the editor's origin. */
export async function addSessionCookies(context: BrowserContext, url: string, cookieHeader: string): Promise<void> {
	const cookies = cookieHeader
		.split(';')
		.map((pair) => pair.trim())
		.filter((pair) => pair.includes('='))
		.map((pair) => {
			const at = pair.indexOf('=');
			return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
		});
	if (cookies.length === 0) throw new Error('The session has no cookie to give the browser');
	await context.addCookies(cookies);
}

/** Saves a screenshot of the page as <SCREENSHOTS>/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
	await mkdir(SCREENSHOTS, { recursive: true });
	const path = join(SCREENSHOTS, `${name}.png`);
	await page.screenshot({ path, animations: 'disabled' });
	return path;
}

/** A file name made of a test's name: lower case, words joined by dashes. */
export function slug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * Runs one browser test on a page of its own, closed afterwards (without its beforeunload: an edited workflow
 * would ask whether to leave). A failure leaves failed-<name>.png behind, then fails the test.
 */
export async function onNewPage(browser: EditorBrowser, name: string, test: (page: Page) => Promise<void>): Promise<void> {
	const page = await browser.context.newPage();
	let passed = false;
	try {
		await test(page);
		passed = true;
	} finally {
		// A screenshot that fails too must not hide the test's own error.
		if (!passed) await screenshot(page, `failed-${slug(name)}`).catch(() => undefined);
		await page.close();
	}
}

/** Opens a workflow in the editor and waits for its canvas to show the node. */
export async function openWorkflow(page: Page, url: string, workflowId: string, nodeName: string): Promise<Locator> {
	await page.goto(`${url}/workflow/${workflowId}`);
	const node = canvasNode(page, nodeName);
	await node.waitFor();
	return node;
}

export function canvasNode(page: Page, name: string): Locator {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
}

/** Double-clicks a node on the canvas and waits for its panel (NDV) to show the node's parameters. */
export async function openNodePanel(page: Page, node: Locator): Promise<Locator> {
	await node.dblclick();
	const panel = page.locator('[data-test-id="ndv"]');
	await panel.locator('[data-test-id="node-parameters"]').waitFor();
	return panel;
}

/** A parameter's input in the node panel (the editor's data-test-id parameter-input-<name>). */
export function parameterInput(panel: Locator, name: string): Locator {
	return panel.locator(`[data-test-id="parameter-input-${name}"]`).first();
}

/** The select dropdown that is open now (Element Plus renders it in a popper outside the panel). */
export function openDropdown(page: Page): Locator {
	return page.locator('.el-select-dropdown:visible');
}

/** What opens and closes an options parameter's dropdown: the select box (a click on its middle). */
export function selectTrigger(input: Locator): Locator {
	return input.locator('.el-select').first();
}

/**
 * Opens an options parameter's dropdown and returns the names it lists, in order (the headline of each
 * option, without its description), once at least one is listed.
 */
export async function openOptions(page: Page, input: Locator): Promise<string[]> {
	await selectTrigger(input).click();
	const items = openDropdown(page).locator('.el-select-dropdown__item');
	await items.first().waitFor();
	return await optionNames(items);
}

/** The names of Element Plus option items: the option's headline where it has one, else its text. */
export async function optionNames(items: Locator): Promise<string[]> {
	const names: string[] = [];
	for (const item of await items.all()) {
		const headline = item.locator('.option-headline');
		const text = (await headline.count()) > 0 ? await headline.first().innerText() : await item.innerText();
		names.push(text.trim());
	}
	return names;
}

/** Closes an open options dropdown by clicking its input again (Escape would close the whole panel). */
export async function closeOptions(page: Page, input: Locator): Promise<void> {
	await selectTrigger(input).click();
	await openDropdown(page).waitFor({ state: 'hidden' });
}
