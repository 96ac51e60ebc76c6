import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS, RESOURCES, type Endpoint } from '../../nodes/Codelayer/catalog';
import { Codelayer } from '../../nodes/Codelayer/Codelayer.node';

const { properties } = new Codelayer().description;

/** The README's operation table as the catalog describes it. */
function operationTable(): string {
	const resourceName = new Map(RESOURCES.map(({ value, name }) => [value, name]));
	const ordered = [...ENDPOINTS].sort(
		(a, b) => RESOURCES.findIndex((r) => r.value === a.resource) - RESOURCES.findIndex((r) => r.value === b.resource) || a.displayName.localeCompare(b.displayName),
	);
	const row = (endpoint: Endpoint) =>
		`| ${resourceName.get(endpoint.resource)} | ${endpoint.displayName} | \`${endpoint.path}\`${endpoint.published ? '' : ' (path not published by Codelayer)'} | ${endpoint.server === 'license' ? 'licence server' : 'API'} | ${endpoint.repeatable ? 'yes' : 'no'} | ${endpoint.description} |`;
	return ['| resource | operation | path | server | retried | what it does |', '|---|---|---|---|---|---|', ...ordered.map(row)].join('\n');
}

function readmeTable(): string {
	const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
	const start = readme.indexOf('<!-- codelayer-operations:start -->');
	const end = readme.indexOf('<!-- codelayer-operations:end -->');
	return start < 0 || end < 0 ? '' : readme.slice(start, end).split('\n').slice(1).join('\n').trim();
}

function selectorOf(resource: string): INodePropertyOptions[] {
	const selector = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource));
	return (selector?.options ?? []) as INodePropertyOptions[];
}

describe('the Codelayer catalog', () => {
	it('names every endpoint Codelayer documents or lists: 21 published, 10 without a page', () => {
		expect(ENDPOINTS.filter((endpoint) => endpoint.published)).toHaveLength(21);
		expect(ENDPOINTS.filter((endpoint) => !endpoint.published)).toHaveLength(10);
		const keys = ENDPOINTS.map((endpoint) => `${endpoint.resource}.${endpoint.operation}`);
		expect(new Set(keys).size).toBe(keys.length);
		expect(new Set(ENDPOINTS.map((endpoint) => endpoint.path)).size).toBe(ENDPOINTS.length);
	});

	it('agrees with the README operation table (regenerate it from this test when it does not)', () => {
		expect(readmeTable()).toBe(operationTable());
	});

	it("is the node's resource and operation options, with n8n's action names", () => {
		const resources = properties.find((property) => property.name === 'resource')?.options as INodePropertyOptions[];
		expect(resources.map((option) => option.value)).toEqual([...RESOURCES.map(({ value }) => value), 'other']);
		for (const { value } of RESOURCES) {
			const expected = ENDPOINTS.filter((endpoint) => endpoint.resource === value);
			expect(selectorOf(value).map((option) => option.value).sort()).toEqual(expected.map((endpoint) => endpoint.operation).sort());
			for (const option of selectorOf(value)) {
				const endpoint = expected.find((candidate) => candidate.operation === option.value);
				expect(option).toMatchObject({ name: endpoint?.displayName, action: endpoint?.action });
				expect(String(option.description).endsWith('(path not published by Codelayer)')).toBe(!endpoint?.published);
			}
		}
	});

	it('gives every field of every endpoint a parameter, and one wire name one parameter type everywhere', () => {
		const typeByName = new Map<string, string>();
		const parameterOf = (endpoint: Endpoint, name: string): INodeProperties | undefined =>
			properties
				.filter((property) => property.displayOptions?.show?.operation?.includes(endpoint.operation) && property.displayOptions.show.resource?.includes(endpoint.resource))
				.flatMap((property) => (property.type === 'collection' ? (property.options as INodeProperties[]) : [property]))
				.find((property) => property.name === name);
		for (const endpoint of ENDPOINTS.filter((candidate) => !candidate.fromCredential)) {
			for (const field of endpoint.request) {
				const parameter = parameterOf(endpoint, field.name);
				expect({ endpoint: endpoint.path, field: field.name, found: parameter !== undefined }).toEqual({ endpoint: endpoint.path, field: field.name, found: true });
				const known = typeByName.get(field.name) ?? parameter?.type;
				expect({ field: field.name, type: parameter?.type }).toEqual({ field: field.name, type: known });
				typeByName.set(field.name, String(parameter?.type));
			}
		}
	});

	it('asks for nothing on the login: the credential supplies it', () => {
		const login = ENDPOINTS.find((endpoint) => endpoint.fromCredential);
		expect(login?.path).toBe('system/auth');
		expect(properties.filter((property) => property.displayOptions?.show?.operation?.includes(login!.operation) && property.displayOptions.show.resource?.includes('device'))).toEqual([]);
	});
});

// For a README that disagrees: print the table to paste between the markers.
if (process.env.PRINT_CODELAYER_TABLE) process.stdout.write(`${operationTable()}\n`);
