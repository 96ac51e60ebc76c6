import type { INodeProperties } from 'n8n-workflow';
import type { Locator, Page } from 'playwright-core';

import { versionDescription as cloudOffixDescription } from '../../nodes/CloudOffix/actions/versionDescription';
import { versionDescription as codelayerDescription } from '../../nodes/Codelayer/actions/versionDescription';
import { MODELS } from '../../sandbox/cloudoffix/models';
import { crmLead } from '../../sandbox/cloudoffix/models/crm';
import { resPartner } from '../../sandbox/cloudoffix/models/res-partner';
import type { ModelDef } from '../../sandbox/cloudoffix/orm/database';
import { DEMO_CREDENTIALS } from '../../sandbox/n8n/demo';
import { RestSession, startN8n, type RunningN8n } from '../../sandbox/n8n/server';
import {
	addSessionCookies,
	closeOptions,
	launchEditorBrowser,
	onNewPage,
	openDropdown,
	openNodePanel,
	openOptions,
	openWorkflow,
	optionNames,
	parameterInput,
	screenshot,
	selectTrigger,
	type EditorBrowser,
} from './browser/editor';
import { importDemoCredentials, n8nBin, newInstance, useLocalSandboxes } from './harness';
import { chainWorkflow } from './workflows';

/**
 * The editor of a real n8n (`n8n start`) with the package installed, in headless Chromium: the node panels
 * list the nodes' resources and operations, the CloudOffix model list and a model's fields come from the
 * sandbox, and both credentials pass their connection test. Each test opens a page of its own; screenshots of
 * every step go to .build/e2e/screenshots.
 */

const sandboxes = useLocalSandboxes();
let server: RunningN8n | undefined;
let browser: EditorBrowser | undefined;
let url: string;

/** A workflow the suite imports and a test opens: its id, and the name of the node the test works on. */
interface EditorWorkflow {
	id: string;
	node: string;
	definition: object;
}

/**
 * A manual trigger and one of our nodes, with its demo credential. Each test has a workflow of its own: a
 * workflow edited on one page stays locked to it for a while ("Editing in another tab") after the page closes.
 */
function workflow(id: string, type: 'cloudOffix' | 'codelayer', parameters: Record<string, unknown>): EditorWorkflow {
	const node = type === 'cloudOffix' ? 'CloudOffix' : 'Codelayer';
	return { id, node, definition: chainWorkflow(id, [{ name: node, type, parameters }]) };
}

/** Get Many with no model yet: the tests pick it from the list. */
const GET_MANY = { resource: 'record', operation: 'getMany', model: { __rl: true, mode: 'list', value: '' }, options: {} };

const WORKFLOWS = {
	cloudOffixOperations: workflow('e2eEditorCoOpers', 'cloudOffix', GET_MANY),
	cloudOffixModels: workflow('e2eEditorCoModel', 'cloudOffix', GET_MANY),
	cloudOffixCredential: workflow('e2eEditorCoCreds', 'cloudOffix', GET_MANY),
	codelayerOperations: workflow('e2eEditorClOpers', 'codelayer', { resource: 'route', operation: 'get' }),
};

/** The names an options property of a node description lists; for `operation`, the one shown for `resource`. */
function optionNamesOf(properties: INodeProperties[], name: string, resource?: string): string[] {
	const property = properties.find(
		(candidate) => candidate.name === name && (resource === undefined || candidate.displayOptions?.show?.resource?.includes(resource)),
	);
	if (!property?.options) throw new Error(`The description has no options property ${name}${resource ? ` for ${resource}` : ''}`);
	return property.options.map((option) => String(option.name));
}

/**
 * n8n's editor adds this to the lists of a node whose credential has a generic `authenticate` definition (it
 * points to the HTTP Request node, which neither renews sessions nor reads the services' errors). Ours sign with
 * `authenticate` functions, so the lists hold only the nodes' own entries.
 */
const N8N_CUSTOM_API_CALL = 'Custom API Call';

/** How the node lists a sandbox model ("Contact (res.partner)") and a model's field ("Email (email)"). */
const modelEntry = (model: ModelDef) => `${model.description} (${model.name})`;
/** The sandbox's models (its ir.model) as the list shows them: by technical name, those matching `text`. */
const modelList = (text = '') =>
	MODELS.map(({ def }) => def)
		.filter((model) => `${model.name} ${model.description}`.toLowerCase().includes(text))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
		.map(modelEntry);
const fieldEntry = (model: ModelDef, name: string) => {
	const field = model.fields.find((candidate) => candidate.name === name);
	if (!field) throw new Error(`The sandbox's ${model.name} has no field ${name}`);
	return `${field.string} (${name})`;
};

beforeAll(async () => {
	const n8n = await newInstance();
	await importDemoCredentials(n8n, sandboxes());
	// One command for all of them (each n8n command takes seconds to start).
	await n8n.importWorkflow(Object.values(WORKFLOWS).map((editorWorkflow) => editorWorkflow.definition));
	server = await startN8n(n8n, n8nBin());
	url = server.url;
	const session = await RestSession.asOwner(url);
	browser = await launchEditorBrowser();
	await addSessionCookies(browser.context, url, session.cookieHeader);
});

afterAll(async () => {
	try {
		await browser?.close();
	} finally {
		await server?.stop();
	}
});

function editor(): EditorBrowser {
	if (!browser) throw new Error('The browser did not start');
	return browser;
}

/** A test on a page of its own; failed-<name>.png if it fails. */
function editorTest(name: string, test: (page: Page) => Promise<void>): void {
	it(name, async () => await onNewPage(editor(), expect.getState().currentTestName ?? name, test));
}

/** The workflow of a node, opened on the canvas, with the node's panel open. */
async function nodePanel(page: Page, of: EditorWorkflow): Promise<Locator> {
	return await openNodePanel(page, await openWorkflow(page, url, of.id, of.node));
}

/**
 * Waits for the credential dialog's test to end (n8n tests an existing credential when its dialog opens), and
 * returns what its banner says: "Connection tested successfully", or "Couldn’t connect with these settings".
 */
async function credentialTestResult(page: Page, shot: string): Promise<string> {
	const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
	const banner = dialog.getByText(/Connection tested successfully|Couldn.t connect with these settings/).filter({ visible: true }).first();
	await banner.waitFor();
	// The banner's Retry button fades its spinner out after the test.
	await dialog.locator('button .n8n-spinner').first().waitFor({ state: 'detached' });
	await screenshot(page, shot);
	return await banner.innerText();
}

describe('CloudOffix in the editor', () => {
	editorTest('the node panel lists the resources and the record operations', async (page) => {
		const panel = await nodePanel(page, WORKFLOWS.cloudOffixOperations);

		const resource = parameterInput(panel, 'resource');
		const resources = await openOptions(page, resource);
		await screenshot(page, 'cloudoffix-resources');
		expect(resources).toEqual(optionNamesOf(cloudOffixDescription.properties, 'resource'));
		expect(resources).toEqual(['Attachment', 'Method', 'Model', 'Record', 'Report']);
		await closeOptions(page, resource);

		const operation = parameterInput(panel, 'operation');
		const operations = await openOptions(page, operation);
		await screenshot(page, 'cloudoffix-operations');
		expect(operations).toEqual(optionNamesOf(cloudOffixDescription.properties, 'operation', 'record'));
		expect(operations).not.toContain(N8N_CUSTOM_API_CALL);
		expect(operations).toEqual(expect.arrayContaining(['Create', 'Create or Update', 'Delete', 'Get', 'Get Many', 'Update', 'Aggregate', 'Search by Name']));
		await closeOptions(page, operation);
	});

	editorTest('the model list and the fields of the chosen model load from the sandbox', async (page) => {
		const panel = await nodePanel(page, WORKFLOWS.cloudOffixModels);

		// Model, From list: the sandbox's ir.model, by technical name.
		const locator = panel.locator('[data-test-id="resource-locator-model"]');
		await locator.locator('[data-test-id="rlc-input"]').click();
		// One resource locator list is open at a time (n8n renders it outside the panel).
		const items = page.locator('[data-test-id="rlc-item"]');
		await items.filter({ hasText: modelEntry(crmLead) }).waitFor();
		const models = (await items.allInnerTexts()).map((text) => text.trim());
		expect(models).toEqual(modelList());
		expect(models).toEqual(expect.arrayContaining(['Lead/Opportunity (crm.lead)', 'Contact (res.partner)', 'Product (product.product)']));
		await screenshot(page, 'cloudoffix-model-list');

		// The search goes to the sandbox (name or technical name ilike the text).
		await page.locator('[data-test-id="rlc-search"] input, input[data-test-id="rlc-search"]').fill('partner');
		const partner = items.filter({ hasText: modelEntry(resPartner) });
		await partner.waitFor();
		await items.filter({ hasText: 'Lead/Opportunity (crm.lead)' }).waitFor({ state: 'detached' });
		const found = (await items.allInnerTexts()).map((text) => text.trim());
		expect(found).toEqual(modelList('partner'));
		expect(found).toEqual(expect.arrayContaining(['Contact (res.partner)']));
		await screenshot(page, 'cloudoffix-model-search');
		await partner.click();
		await items.first().waitFor({ state: 'hidden' });
		expect(await locator.locator('input[data-test-id="rlc-input"]').inputValue()).toBe('Contact (res.partner)');

		// Options → Field Names or IDs: res.partner's fields, from the sandbox's fields_get.
		await panel.getByPlaceholder('Add Option', { exact: true }).click();
		await page.locator('[data-test-id="collection-parameter-option"]:visible').filter({ hasText: /^Field Names or IDs$/ }).click();
		const fields = parameterInput(panel, 'fields');
		await selectTrigger(fields).click();
		const fieldItems = openDropdown(page).locator('.el-select-dropdown__item');
		await fieldItems.filter({ hasText: fieldEntry(resPartner, 'email') }).first().waitFor();
		const names = await optionNames(fieldItems);
		expect(names).toEqual(expect.arrayContaining(['Name (name)', 'Email (email)', 'Phone (phone)']));
		expect(names).toEqual(expect.arrayContaining(['city', 'is_company', 'parent_id'].map((name) => fieldEntry(resPartner, name))));
		expect(names).not.toContain(fieldEntry(crmLead, 'planned_revenue'));
		await screenshot(page, 'cloudoffix-fields');
		await closeOptions(page, fields);
	});

	editorTest('the credential test says the connection works', async (page) => {
		const panel = await nodePanel(page, WORKFLOWS.cloudOffixCredential);
		await panel.locator('[data-test-id="credential-edit-button"]').click();
		const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
		await dialog.waitFor();
		expect(await page.locator('[data-test-id="credential-name"]').getAttribute('title')).toBe(DEMO_CREDENTIALS.cloudOffix.name);
		expect(await credentialTestResult(page, 'credential-test-cloudoffix')).toContain('Connection tested successfully');
	});
});

describe('Codelayer in the editor', () => {
	editorTest('the node panel lists the resources and each resource’s operations', async (page) => {
		const panel = await nodePanel(page, WORKFLOWS.codelayerOperations);

		const resource = parameterInput(panel, 'resource');
		const resources = await openOptions(page, resource);
		await screenshot(page, 'codelayer-resources');
		expect(resources).toEqual(optionNamesOf(codelayerDescription.properties, 'resource'));
		expect(resources).not.toContain(N8N_CUSTOM_API_CALL);
		expect(resources).toEqual(expect.arrayContaining(['Customer', 'Day Closing', 'Route', 'Sale', 'Stock', 'Other']));

		const operation = parameterInput(panel, 'operation');
		await closeOptions(page, resource);
		const routeOperations = await openOptions(page, operation);
		await screenshot(page, 'codelayer-operations');
		expect(routeOperations).toEqual(optionNamesOf(codelayerDescription.properties, 'operation', 'route'));
		expect(routeOperations).toEqual(expect.arrayContaining(['Get', 'Get Many', 'Get Places', 'Get Salesmen']));
		await closeOptions(page, operation);

		// Another resource: its own operations.
		await openOptions(page, resource);
		await openDropdown(page).locator('.el-select-dropdown__item').filter({ has: page.locator('.option-headline', { hasText: /^Sale$/ }) }).click();
		await openDropdown(page).waitFor({ state: 'hidden' });
		const saleOperations = await openOptions(page, operation);
		await screenshot(page, 'codelayer-sale-operations');
		expect(saleOperations).toEqual(optionNamesOf(codelayerDescription.properties, 'operation', 'sale'));
		expect(saleOperations).toEqual(expect.arrayContaining(['Create', 'Get Report']));
		await closeOptions(page, operation);
	});

	editorTest('the credential test says the connection works', async (page) => {
		// Overview → Credentials → the demo credential.
		await page.goto(`${url}/home/credentials`);
		await page.locator('[data-test-id="resources-list-item"]').filter({ hasText: DEMO_CREDENTIALS.codelayer.name }).click();
		expect(await credentialTestResult(page, 'credential-test-codelayer')).toContain('Connection tested successfully');
	});
});
