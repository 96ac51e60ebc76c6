import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import type { CloudOffixSandbox } from '../../sandbox/cloudoffix';
import type { CodelayerSandbox } from '../../sandbox/codelayer';
import { afterItems, packageNode, type RunResult } from '../harness';
import { cloudOffixHarness, useCloudOffixSandbox } from '../cloudoffix/sandbox';
import { codelayer, codelayerHarness, saleParameters, useCodelayerSandbox } from '../codelayer/harness';
import { routeReportTrigger } from '../codelayer/triggerHarness';

/**
 * Bad input, table-driven, through the real n8n engine against the sandboxes: every case must fail with a clear
 * error naming the item ("Item N: …", from nodes/shared/executeItems.ts) and the parameter to fix (the description
 * "Check the parameter "<display name>"."), and the sandbox must have received nothing for it.
 *
 * "Nothing" is exact (stats.total 0) wherever the check needs no server. Checks against a CloudOffix model's
 * fields (unknown field names, a value of the wrong type for its field) need the model's fields_get first: those
 * cases say `needsFields`, and there the login and fields_get may go out but no call that reads or writes records.
 *
 * Without Continue On Fail a bad item fails the run before anything is sent for ANY item, wherever the node checks
 * all items before sending (every CloudOffix operation that writes, Get, Method → Call, every Codelayer call): a
 * run repeated after the fix must not do the good items twice. The reads that run item by item (Get Many, Count,
 * Aggregate, Search by Name) send the good items before the bad one (Parallel Requests 1 makes that exact); with
 * Continue On Fail the good items go out and the bad one is an error item paired to its input.
 */

/** What a bad case must give. */
interface Failure {
	/** The input item that is bad (0-based, as n8n numbers items). */
	item: number;
	/** The message after "Item N: ", exactly, or a pattern for it. */
	message: string | RegExp;
	/** The parameter to fix, as the editor names it. */
	parameter: string;
}

/** Errors and their description as n8n keeps them on a run (NodeOperationError). */
interface ReportedError {
	message: string;
	description?: string | null;
	context?: { itemIndex?: number };
}

/** Errors are read by people: a huge value must never come back whole in one. */
const MAX_MESSAGE = 400;

function expectMessage(actual: string, { item, message }: Failure): void {
	expect(actual.length).toBeLessThan(MAX_MESSAGE);
	if (typeof message === 'string') {
		expect(actual).toBe(`Item ${item}: ${message}`);
	} else {
		expect(actual.startsWith(`Item ${item}: `)).toBe(true);
		expect(actual.slice(`Item ${item}: `.length)).toMatch(message);
	}
}

function expectReported(error: ReportedError | undefined, failure: Failure): void {
	expect(error).toBeDefined();
	expectMessage(String(error?.message), failure);
	expect(error?.description).toBe(`Check the parameter "${failure.parameter}". Nothing was sent for this item.`);
	expect(error?.context?.itemIndex).toBe(failure.item);
}

/**
 * The run failed with the bad item's error, or (Continue On Fail) the bad item is an error item paired to its
 * input and every other item is a result of its own.
 */
function expectFailure(result: RunResult, nodeName: string, failure: Failure, continueOnFail: boolean, itemCount: number): void {
	if (!continueOnFail) {
		expectReported(result.error as unknown as ReportedError, failure);
		return;
	}
	expect(result.error).toBeUndefined();
	const output: INodeExecutionData[] = result.output(nodeName);
	const errors = output.filter((entry) => entry.error !== undefined);
	expect(errors.map((entry) => entry.pairedItem)).toEqual([{ item: failure.item }]);
	expectMessage(String(errors[0].json.error), failure);
	expectReported(errors[0].error as unknown as ReportedError, failure);
	const paired = output.filter((entry) => entry.error === undefined).map((entry) => (entry.pairedItem as { item: number }).item);
	expect(new Set(paired)).toEqual(new Set(Array.from({ length: itemCount }, (_, index) => index).filter((index) => index !== failure.item)));
}

// ---------------------------------------------------------------------------------------------------------------
// CloudOffix
// ---------------------------------------------------------------------------------------------------------------

const PARTNER = { mode: 'name', value: 'res.partner' };
const OPERATOR_HINT = 'use one of =, !=, <=, <, >, >=, =?, =like, =ilike, like, not like, ilike, not ilike, in, not in, child_of, parent_of';
const RECORD_ID = 'a record ID (a whole number above 0)';
/** The partners the seed has: the company (1) and the administrator's partner (3). */
const PARTNERS = [1, 3];

interface CloudOffixCase extends Failure {
	name: string;
	parameters: IDataObject;
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The check needs the model's fields_get (see the file's comment). */
	needsFields?: boolean;
	/** Model methods the good items call ('res.partner.read': 1): none unless said. */
	sent?: Record<string, number>;
}

function cloudOffixNode(parameters: IDataObject, continueOnFail = false): INode {
	return packageNode('cloudOffix', { resource: 'record', model: PARTNER, ...parameters }, { cloudOffixApi: 'co-1' }, { continueOnFail });
}

const byId = (operation: string, value: unknown, extra: IDataObject = {}): IDataObject => ({ operation, recordId: { mode: 'id', value }, ...extra });
const COMMENT = { fieldsMode: 'json', valuesJson: '{"comment": "checked"}' };
const createJson = (values: unknown): IDataObject => ({ operation: 'create', fieldsMode: 'json', valuesJson: typeof values === 'string' ? values : JSON.stringify(values) });
const domain = (operation: string, text: string, extra: IDataObject = {}): IDataObject => ({ operation, filterType: 'domain', domain: text, ...extra });
const conditions = (operation: string, list: IDataObject[], extra: IDataObject = {}): IDataObject => ({ operation, filterType: 'conditions', conditions: { condition: list }, ...extra });
const call = (parameters: IDataObject): IDataObject => ({ resource: 'method', operation: 'call', method: 'search_count', args: '[[]]', kwargs: '{}', ...parameters });
/** A mapper value as the editor saves it, with one schema entry per mapped field. */
const mapped = (value: IDataObject, types: Record<string, string>): IDataObject => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	schema: Object.entries(types).map(([id, type]) => ({ id, displayName: id, type, required: false, defaultMatch: false, display: true, canBeUsedToMatch: true, removed: false })),
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

/** A Domain (JSON) of 20,000 good conditions and one bad one at its end: about 600 kB. */
const HUGE_DOMAIN = JSON.stringify([...Array.from({ length: 20_000 }, (_, index) => ['name', '!=', `Partner ${index}`]), ['name', '~', 'x']]);
/** 5 MB of text in a char field, beside a bad integer. */
const HUGE_NAME = 'N'.repeat(5_000_000);

const cloudOffixCases: CloudOffixCase[] = [
	// Record IDs: Get, Update, Delete.
	{ name: 'Get with a record ID expression giving empty text', parameters: byId('get', '={{ $json.id }}'), items: [{ id: '' }], item: 0, message: `"Record" must be ${RECORD_ID}, not ""`, parameter: 'Record' },
	{ name: 'Get with a non-numeric record ID', parameters: byId('get', 'abc'), item: 0, message: `"Record" must be ${RECORD_ID}, not "abc"`, parameter: 'Record' },
	{ name: 'Update with a negative record ID', parameters: byId('update', '-3', COMMENT), item: 0, message: `"Record" must be ${RECORD_ID}, not "-3"`, parameter: 'Record' },
	{ name: 'Delete with a fractional record ID', parameters: byId('deleteRecord', '1.5'), item: 0, message: `"Record" must be ${RECORD_ID}, not "1.5"`, parameter: 'Record' },
	{ name: 'Delete with record ID 0', parameters: byId('deleteRecord', '0'), item: 0, message: `"Record" must be ${RECORD_ID}, not "0"`, parameter: 'Record' },
	{ name: 'Get with an ID expression giving an object', parameters: byId('get', '={{ $json.id }}'), items: [{ id: { a: 1 } }], item: 0, message: `"Record" must be ${RECORD_ID}, not {"a":1}`, parameter: 'Record' },
	{ name: 'Update with an ID expression giving an array', parameters: byId('update', '={{ $json.id }}', COMMENT), items: [{ id: [1, 2] }], item: 0, message: `"Record" must be ${RECORD_ID}, not [1,2]`, parameter: 'Record' },
	{ name: 'Delete with an ID expression giving a boolean', parameters: byId('deleteRecord', '={{ $json.id }}'), items: [{ id: true }], item: 0, message: `"Record" must be ${RECORD_ID}, not true`, parameter: 'Record' },
	{
		name: 'Get by URL with a link that names no record',
		parameters: { operation: 'get', recordId: { mode: 'url', value: 'https://x.cloudoffix.com/web#model=res.partner&view_type=form' } },
		item: 0,
		message: `"Record" must be ${RECORD_ID}, not "https://x.cloudoffix.com/web#model=res.partner&view_type=form"`,
		parameter: 'Record',
	},
	{
		name: 'Get of 3 items, the 2nd ID bad: no record is read',
		parameters: byId('get', '={{ $json.id }}'),
		items: [{ id: 1 }, { id: 'x' }, { id: 3 }],
		// The Record locator is read before fields_get: nothing at all is sent.
		item: 1,
		message: `"Record" must be ${RECORD_ID}, not "x"`,
		parameter: 'Record',
	},
	{
		name: 'Get of 3 items with Continue On Fail, the 2nd ID bad: the others read in one call',
		parameters: byId('get', '={{ $json.id }}'),
		items: [{ id: 1 }, { id: 'x' }, { id: 3 }],
		continueOnFail: true,
		needsFields: true,
		sent: { 'res.partner.read': 1 },
		item: 1,
		message: `"Record" must be ${RECORD_ID}, not "x"`,
		parameter: 'Record',
	},
	{
		name: 'Update of 3 items, the 1st ID empty: nothing is written',
		parameters: byId('update', '={{ $json.id }}', COMMENT),
		items: [{ id: '' }, { id: 1 }, { id: 3 }],
		// The Record locator is read before fields_get: nothing at all is sent.
		item: 0,
		message: `"Record" must be ${RECORD_ID}, not ""`,
		parameter: 'Record',
	},
	{
		name: 'Update of 3 items with Continue On Fail, the 3rd ID negative: the others written in one call',
		parameters: byId('update', '={{ $json.id }}', COMMENT),
		items: [{ id: 1 }, { id: 3 }, { id: -1 }],
		continueOnFail: true,
		needsFields: true,
		sent: { 'res.partner.write': 1 },
		item: 2,
		message: `"Record" must be ${RECORD_ID}, not -1`,
		parameter: 'Record',
	},
	{
		name: 'Delete of 2 items, the 2nd ID a word: nothing is searched or deleted',
		parameters: byId('deleteRecord', '={{ $json.id }}'),
		items: [{ id: 1 }, { id: 'none' }],
		item: 1,
		message: `"Record" must be ${RECORD_ID}, not "none"`,
		parameter: 'Record',
	},

	// Domain (JSON).
	{ name: 'Get Many with a domain that is not JSON', parameters: domain('getMany', '[["name", "=", ]'), item: 0, message: /^"Domain" must be a domain like \[\["is_company", "=", true\]\], but it is not valid JSON \(/, parameter: 'Domain' },
	{
		name: 'Count with a Python-style domain',
		parameters: domain('count', "[('is_company', '=', True)]"),
		item: 0,
		message: /not valid JSON .*\(write it as JSON: \[ \] instead of \( \), double quotes, true\/false\/null instead of True\/False\/None\)$/,
		parameter: 'Domain',
	},
	{ name: 'Count with a domain that is an object', parameters: domain('count', '{"name": "x"}'), item: 0, message: '"Domain" must be a list of conditions like [["is_company", "=", true]], not {"name":"x"}', parameter: 'Domain' },
	{ name: 'Get Many with an unknown operator in the domain', parameters: domain('getMany', '[["name", "equals", "x"]]'), item: 0, message: `"Domain": item 1: operator "equals" is not an Odoo operator (${OPERATOR_HINT})`, parameter: 'Domain' },
	{ name: 'Count with "|" missing its second condition', parameters: domain('count', '["|", ["name", "=", "x"]]'), item: 0, message: '"Domain": "|" at item 1 needs two conditions after it, but only 1 follows', parameter: 'Domain' },
	{ name: 'Search by Name with a condition of one element', parameters: domain('searchByName', '[["name"]]'), item: 0, message: '"Domain": item 1 (["name"]) is not a condition [field, operator, value] nor "&", "|", "!"', parameter: 'Domain' },
	{ name: 'Aggregate with a number as a field name', parameters: domain('aggregate', '[[1, "=", 1]]', { groupBy: 'country_id' }), needsFields: true, item: 0, message: '"Domain": item 1 needs a field name (text) first, not 1', parameter: 'Domain' },
	{ name: 'Get Many with a domain expression giving an object', parameters: domain('getMany', '={{ { name: "x" } }}'), item: 0, message: '"Domain" must be a list of conditions like [["is_company", "=", true]], not {"name":"x"}', parameter: 'Domain' },
	{ name: 'Count with an unknown field in the domain', parameters: domain('count', '[["no_such_field", "=", 1]]'), needsFields: true, item: 0, message: '"Domain": item 1: res.partner has no field "no_such_field"', parameter: 'Domain' },
	{ name: 'Count with a huge domain whose last operator is unknown', parameters: domain('count', HUGE_DOMAIN), item: 0, message: `"Domain": item 20001: operator "~" is not an Odoo operator (${OPERATOR_HINT})`, parameter: 'Domain' },

	// The condition builder.
	{ name: 'Count with an unknown operator from an expression', parameters: conditions('count', [{ field: 'name', operator: '={{ "equals" }}', value: 'x' }]), item: 0, message: `Condition 1: operator "equals" is not an Odoo operator (${OPERATOR_HINT})`, parameter: 'Conditions' },
	{ name: 'Get Many with a condition without a field', parameters: conditions('getMany', [{ operator: 'equal', value: 'x' }]), item: 0, message: 'Condition 1: the field name is empty', parameter: 'Conditions' },
	{ name: 'Count with "in" and a broken JSON list', parameters: conditions('count', [{ field: 'id', operator: 'in', value: '[1, 2' }]), item: 0, message: /^Condition 1: "in" needs a comma list or a JSON array, but the value is not valid JSON \(/, parameter: 'Conditions' },
	{
		name: 'Get Many with an unknown field in the 2nd condition',
		parameters: conditions('getMany', [
			{ field: 'name', operator: 'ilike', value: 'a' },
			{ field: 'no_such_field', operator: 'equal', value: '1' },
		]),
		needsFields: true,
		item: 0,
		message: 'Condition 2: res.partner has no field "no_such_field"',
		parameter: 'Conditions',
	},
	{ name: 'Search by Name with an unknown field at the start of a path', parameters: conditions('searchByName', [{ field: 'no_such.name', operator: 'equal', value: 'x' }], { combinator: 'or' }), needsFields: true, item: 0, message: 'Condition 1: res.partner has no field "no_such.name"', parameter: 'Conditions' },
	{
		name: 'Count of 3 items one at a time, the 2nd operator unknown: the 1st counted, the 3rd never started',
		parameters: conditions('count', [{ field: 'name', operator: '={{ $json.op }}', value: 'a' }], { connection: { concurrency: 1 } }),
		items: [{ op: 'ilike' }, { op: 'contains' }, { op: 'ilike' }],
		sent: { 'res.partner.search_count': 1 },
		item: 1,
		message: `Condition 1: operator "contains" is not an Odoo operator (${OPERATOR_HINT})`,
		parameter: 'Conditions',
	},

	// Unknown field names: read fields, values, group-by, aggregates, match keys.
	{ name: 'Get of an unknown field', parameters: byId('get', '1', { options: { fields: ['name', 'no_such_field'] } }), needsFields: true, item: 0, message: 'res.partner has no field "no_such_field"', parameter: 'Field Names or IDs' },
	{ name: 'Get Many of an unknown field named by an expression', parameters: { operation: 'getMany', options: { fields: '={{ "name, nope" }}' } }, needsFields: true, item: 0, message: 'res.partner has no field "nope"', parameter: 'Field Names or IDs' },
	{ name: 'Create with an unknown field in the JSON values', parameters: createJson({ name: 'x', nope: 1 }), needsFields: true, item: 0, message: 'res.partner has no field "nope"', parameter: 'Values (JSON)' },
	{ name: 'Update with an unknown field in the mapper', parameters: byId('update', '1', { fieldsMode: 'map', columns: mapped({ nope: 'x' }, {}) }), needsFields: true, item: 0, message: 'res.partner has no field "nope"', parameter: 'Fields' },
	{ name: 'Aggregate by an unknown field', parameters: { operation: 'aggregate', groupBy: 'nope:month' }, needsFields: true, item: 0, message: 'res.partner has no field "nope"', parameter: 'Group By' },
	{ name: 'Aggregate by an unknown granularity', parameters: { operation: 'aggregate', groupBy: 'create_date:fortnight' }, item: 0, message: '"create_date:fortnight": the granularity must be day, week, month, quarter or year', parameter: 'Group By' },
	{ name: 'Aggregate of an unknown field', parameters: { operation: 'aggregate', groupBy: 'country_id', aggregates: ['nope'] }, needsFields: true, item: 0, message: 'res.partner has no field "nope"', parameter: 'Aggregated Field Names or IDs' },
	{ name: 'Create or Update matching on a field without a value', parameters: { ...createJson({ name: 'x' }), operation: 'upsert', matchOn: ['email'] }, needsFields: true, item: 0, message: 'Match field "email" has no value to match', parameter: 'Match On Field Names or IDs' },

	// Values of the wrong type for their field.
	{ name: 'Create with an object in a char field', parameters: createJson({ name: { first: 'Ada' } }), needsFields: true, item: 0, message: 'Field "name" (char) needs text, not {"first":"Ada"}', parameter: 'Values (JSON)' },
	{ name: 'Create with a word in an integer field', parameters: createJson({ name: 'x', color: 'abc' }), needsFields: true, item: 0, message: 'Field "color" (integer) needs a whole number, not "abc"', parameter: 'Values (JSON)' },
	{ name: 'Create with a fraction in an integer field', parameters: createJson({ name: 'x', color: 2.5 }), needsFields: true, item: 0, message: 'Field "color" (integer) needs a whole number, not 2.5', parameter: 'Values (JSON)' },
	{ name: 'Create with a word in a float field', parameters: createJson({ name: 'x', credit_limit: 'lots' }), needsFields: true, item: 0, message: 'Field "credit_limit" (float) needs a number, not "lots"', parameter: 'Values (JSON)' },
	{ name: 'Create with "maybe" in a boolean field', parameters: createJson({ name: 'x', is_company: 'maybe' }), needsFields: true, item: 0, message: 'Field "is_company" (boolean) needs true or false, not "maybe"', parameter: 'Values (JSON)' },
	{ name: 'Create with text that is not a date', parameters: createJson({ name: 'x', date: 'not-a-date' }), needsFields: true, item: 0, message: 'Field "date" (date) needs a date like 2024-05-31 (or an ISO date-time), not "not-a-date"', parameter: 'Values (JSON)' },
	{ name: 'Create with 30 February', parameters: createJson({ name: 'x', date: '2024-02-30' }), needsFields: true, item: 0, message: 'Field "date" (date) needs a date like 2024-05-31 (or an ISO date-time), not "2024-02-30"', parameter: 'Values (JSON)' },
	{ name: 'Create with a name where a many2one needs an ID', parameters: createJson({ name: 'x', country_id: 'Belgium' }), needsFields: true, item: 0, message: `Field "country_id" (many2one) needs ${RECORD_ID}, not "Belgium"`, parameter: 'Values (JSON)' },
	{ name: 'Create with a selection value not in the list', parameters: createJson({ name: 'x', type: 'shop' }), needsFields: true, item: 0, message: 'Field "type" (selection) needs one of contact, invoice, delivery, other, private, not "shop"', parameter: 'Values (JSON)' },
	{
		name: 'Create with words in a many2many field',
		parameters: createJson({ name: 'x', category_id: 'a,b' }),
		needsFields: true,
		item: 0,
		message: `Field "category_id" (many2many): item 1 ("a") is not ${RECORD_ID}; give record IDs, or a list of commands such as [[4, 7]]`,
		parameter: 'Values (JSON)',
	},
	{ name: 'Update with a values expression giving an array', parameters: byId('update', '1', { fieldsMode: 'json', valuesJson: '={{ [1, 2] }}' }), item: 0, message: '"Values (JSON)" must be a JSON object like {"field": "value"}, not [1,2]', parameter: 'Values (JSON)' },
	{ name: 'Create with values that are not JSON', parameters: createJson('{"name": "x",}'), item: 0, message: /^"Values \(JSON\)" must be a JSON object like \{"field": "value"\}, but it is not valid JSON \(/, parameter: 'Values (JSON)' },
	{ name: 'Create with 5 MB of name and a bad integer', parameters: createJson({ name: HUGE_NAME, color: 'abc' }), needsFields: true, item: 0, message: 'Field "color" (integer) needs a whole number, not "abc"', parameter: 'Values (JSON)' },
	{ name: 'Create with 5 MB in an object where text is needed', parameters: createJson({ name: { text: HUGE_NAME } }), needsFields: true, item: 0, message: /^Field "name" \(char\) needs text, not \{"text":"N+\.\.\.$/, parameter: 'Values (JSON)' },
	{
		name: 'Create of 3 items with Continue On Fail, the 2nd color a word: the others created in one call',
		parameters: createJson('={{ JSON.stringify({ name: $json.name, color: $json.color }) }}'),
		items: [
			{ name: 'Good A', color: 1 },
			{ name: 'Bad B', color: 'red' },
			{ name: 'Good C', color: 2 },
		],
		continueOnFail: true,
		needsFields: true,
		sent: { 'res.partner.load': 1 },
		item: 1,
		message: 'Field "color" (integer) needs a whole number, not "red"',
		parameter: 'Values (JSON)',
	},

	// Method → Call, the model name and the call context.
	{ name: 'Call with positional arguments that are an object', parameters: call({ args: '{"a": 1}' }), item: 0, message: '"Positional Arguments (JSON)" must be a JSON array like [1, 2], not {"a":1}', parameter: 'Positional Arguments (JSON)' },
	{ name: 'Call with positional arguments that are not JSON', parameters: call({ args: '[[1, 2]' }), item: 0, message: /^"Positional Arguments \(JSON\)" must be a JSON array like \[1, 2\], but it is not valid JSON \(/, parameter: 'Positional Arguments (JSON)' },
	{ name: 'Call with keyword arguments that are an array', parameters: call({ kwargs: '[1]' }), item: 0, message: '"Keyword Arguments (JSON)" must be a JSON object like {"field": "value"}, not [1]', parameter: 'Keyword Arguments (JSON)' },
	{ name: 'Call with keyword arguments that are not JSON', parameters: call({ kwargs: 'context=1' }), item: 0, message: /^"Keyword Arguments \(JSON\)" must be a JSON object like \{"field": "value"\}, but it is not valid JSON \(/, parameter: 'Keyword Arguments (JSON)' },
	{ name: 'Call with an arguments expression giving a number', parameters: call({ args: '={{ 42 }}' }), item: 0, message: '"Positional Arguments (JSON)" must be a JSON array like [1, 2], not 42', parameter: 'Positional Arguments (JSON)' },
	{ name: 'Call with a method expression giving empty text', parameters: call({ method: '={{ "" }}' }), item: 0, message: '"" is not a public method name (letters, digits and _, not starting with _)', parameter: 'Method' },
	{ name: 'Call on a model name with a space', parameters: call({ model: { mode: 'name', value: 'res partner' } }), item: 0, message: '"res partner" is not a model name like res.partner', parameter: 'Model' },
	{
		name: 'Call of 3 items, the 2nd keyword arguments bad: nothing is called',
		parameters: call({ kwargs: '={{ $json.kwargs }}', connection: { concurrency: 1 } }),
		items: [{ kwargs: '{}' }, { kwargs: '{"context": ' }, { kwargs: '{}' }],
		item: 1,
		message: /^"Keyword Arguments \(JSON\)" must be a JSON object like \{"field": "value"\}, but it is not valid JSON \(/,
		parameter: 'Keyword Arguments (JSON)',
	},
	{ name: 'Count with an extra context that is not JSON', parameters: { operation: 'count', options: { context: '{bad' } }, item: 0, message: /^"Extra Context \(JSON\)" must be a JSON object like \{"field": "value"\}, but it is not valid JSON \(/, parameter: 'Extra Context (JSON)' },
];

/** Model methods called, fields_get left out. */
function dataCalls(stats: CloudOffixSandbox['stats']): Record<string, number> {
	return Object.fromEntries(Object.entries(stats.calls).filter(([target]) => !target.endsWith('.fields_get')));
}

describe('CloudOffix: bad input is refused, naming the item and the parameter, before anything is sent', () => {
	const sandbox = useCloudOffixSandbox({ computedFieldCostMs: 0 });

	test.each(cloudOffixCases)('$name', async (badCase) => {
		const items = badCase.items ?? [{}];
		const result = await cloudOffixHarness(sandbox()).run(afterItems(items, cloudOffixNode(badCase.parameters, badCase.continueOnFail)));
		expectFailure(result, 'cloudOffix', badCase, badCase.continueOnFail === true, items.length);
		const { stats } = sandbox();
		if (badCase.needsFields || badCase.sent) {
			expect(dataCalls(stats)).toEqual(badCase.sent ?? {});
		} else {
			expect(stats.total).toBe(0);
		}
		if (badCase.needsFields && !badCase.sent) expect(Object.keys(stats.calls)).toEqual(['res.partner.fields_get']);
	});

	it('reports a mapped number field given a word by its expression, naming the item and the field (n8n checks the mapper)', async () => {
		const create = cloudOffixNode({ operation: 'create', fieldsMode: 'map', columns: mapped({ name: '={{ $json.name }}', color: '={{ $json.color }}' }, { name: 'string', color: 'number' }) });
		const result = await cloudOffixHarness(sandbox()).run(afterItems([{ name: 'Good', color: 1 }, { name: 'Bad', color: 'red' }], create));
		const error = result.error as unknown as ReportedError;
		expect(error.message).toBe("Invalid input for 'color' [item 1]");
		expect(error.description).toBe("'color' expects a number but we got 'red'");
		expect(error.context?.itemIndex).toBe(1);
		expect(dataCalls(sandbox().stats)).toEqual({});
	});

	it('keeps the records of the good items untouched when the run fails on a bad one', async () => {
		const harness = cloudOffixHarness(sandbox());
		const update = cloudOffixNode(byId('update', '={{ $json.id }}', { fieldsMode: 'json', valuesJson: '={{ JSON.stringify({ comment: $json.comment }) }}' }));
		const result = await harness.run(afterItems([{ id: PARTNERS[0], comment: 'first' }, { id: PARTNERS[1], comment: { not: 'text' } }], update));
		expect(result.error?.message).toBe('Item 1: Field "comment" (text) needs text, not {"not":"text"}');
		const read = await harness.run(afterItems([{}], cloudOffixNode({ operation: 'getMany', filterType: 'domain', domain: JSON.stringify([['id', 'in', PARTNERS]]), options: { fields: ['comment'] } })));
		expect(read.json('cloudOffix').map((record) => record.comment)).toEqual([false, false]);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// CloudOffix Trigger
// ---------------------------------------------------------------------------------------------------------------

interface TriggerCase {
	name: string;
	parameters: IDataObject;
	message: string | RegExp;
	parameter: string;
	needsFields?: boolean;
}

const LEAD = { mode: 'name', value: 'crm.lead' };

const cloudOffixTriggerCases: TriggerCase[] = [
	{ name: 'a domain that is not JSON', parameters: { filterType: 'domain', domain: '[["name", "=", ]' }, message: /^"Domain" must be a domain like \[\["is_company", "=", true\]\], but it is not valid JSON \(/, parameter: 'Domain' },
	{ name: 'an unknown operator from an expression', parameters: { filterType: 'conditions', conditions: { condition: [{ field: 'name', operator: '={{ "contains" }}', value: 'x' }] } }, message: `Condition 1: operator "contains" is not an Odoo operator (${OPERATOR_HINT})`, parameter: 'Conditions' },
	{ name: 'an unknown field in its Fields option', parameters: { options: { fields: ['name', 'no_such_field'] } }, needsFields: true, message: 'crm.lead has no field "no_such_field"', parameter: 'Field Names or IDs' },
	{ name: 'an unknown field in its domain', parameters: { filterType: 'domain', domain: '[["no_such_field", "=", 1]]' }, needsFields: true, message: '"Domain": item 1: crm.lead has no field "no_such_field"', parameter: 'Domain' },
	{ name: 'an extra context that is a list', parameters: { options: { context: '[1]' } }, message: '"Extra Context (JSON)" must be a JSON object like {"field": "value"}, not [1]', parameter: 'Extra Context (JSON)' },
	{ name: 'no model', parameters: { model: { mode: 'name', value: '' } }, message: '"" is not a model name like res.partner', parameter: 'Model' },
];

function expectTriggerError(error: unknown, { message, parameter }: Pick<TriggerCase, 'message' | 'parameter'>): void {
	const reported = error as ReportedError;
	expect(reported.message.length).toBeLessThan(MAX_MESSAGE);
	if (typeof message === 'string') expect(reported.message).toBe(message);
	else expect(reported.message).toMatch(message);
	expect(String(reported.description)).toMatch(new RegExp(`^Check the parameter "${parameter.replace(/[()]/g, '\\$&')}"\\.`));
}

describe('CloudOffix Trigger: bad parameters fail the poll before any record is read', () => {
	const sandbox = useCloudOffixSandbox({ computedFieldCostMs: 0 });
	const triggerNode = (parameters: IDataObject) =>
		packageNode('cloudOffixTrigger', { model: LEAD, event: 'created', ...parameters }, { cloudOffixApi: 'co-1' });

	describe.each(['manual', 'trigger'] as const)('in %s mode (Fetch Test Event, the first scheduled poll)', (mode) => {
		test.each(cloudOffixTriggerCases)('$name', async (badCase) => {
			const poller = cloudOffixHarness(sandbox()).poller(triggerNode(badCase.parameters));
			const error = await poller.poll(mode).then(
				() => undefined,
				(thrown: unknown) => thrown,
			);
			expectTriggerError(error, badCase);
			const { stats } = sandbox();
			if (badCase.needsFields) expect(Object.keys(stats.calls)).toEqual(['crm.lead.fields_get']);
			else expect(stats.total).toBe(0);
			expect(poller.nodeStaticData).toEqual({});
		});
	});

	it('fails a later poll too when the field list was changed to a bad one, and moves nothing on', async () => {
		const node = triggerNode({ options: { fields: ['name'] } });
		const harness = cloudOffixHarness(sandbox());
		const poller = harness.poller(node);
		expect(await poller.poll()).toEqual({ items: [], idle: true });
		const create = packageNode('cloudOffix', { resource: 'record', operation: 'create', model: LEAD, fieldsMode: 'json', valuesJson: '{"name": "After the change"}' }, { cloudOffixApi: 'co-1' });
		expect((await harness.run(afterItems([{}], create))).error).toBeUndefined();
		const cursor = JSON.stringify(poller.nodeStaticData);
		// The user edits the active workflow: n8n keeps the node's static data.
		node.parameters.options = { fields: ['name', 'no_such_field'] };
		sandbox().stats.reset();
		const error = await poller.poll().then(
			() => undefined,
			(thrown: unknown) => thrown,
		);
		expectTriggerError(error, { message: 'crm.lead has no field "no_such_field"', parameter: 'Field Names or IDs' });
		expect(sandbox().stats.calls['crm.lead.read'] ?? 0).toBe(0);
		expect(JSON.stringify(poller.nodeStaticData)).toBe(cursor);
		node.parameters.options = { fields: ['name'] };
		expect((await poller.poll()).items.map((item) => item.json.name)).toEqual(['After the change']);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Codelayer
// ---------------------------------------------------------------------------------------------------------------

interface CodelayerCase extends Failure {
	name: string;
	resource: string;
	operation: string;
	parameters: IDataObject;
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The credential's fields, where the case is about them. */
	credential?: Record<string, unknown>;
	/** Requests per path the good items send: none unless said. */
	sent?: Record<string, number>;
}

const sale = saleParameters;
const REGISTER = { imei: '35209900176148', appID: 'QM_V3', clientID: 'CTPL', deviceName: 'Van 7', mobileNumber: '+919445295492' };
const NEW_CUSTOMER = { custname: 'NEW SHOP', gstin: 'TEST', saddress: 'ADDRESS', sphone: '123456', uid: 'u-1', state: 'KER', spincode: 695001, drv_accode: 1, slm_accode: 2 };
const LOCATION = { latitude: 8.5, longitude: 76.9 };
const LIMIT_OVERRIDE = { reqdate: '2025-09-09', reqperiodstring: '09/09/2025 - 20/09/2025', periodfrom: '2025-09-09', periodto: '2025-09-15', deviceid: '123' };
const RETURN = { gp_fyear: '4_19', custcode: 359, uid: 'u-1', items: { row: [{ itemcode: 12, qty: 2, expdate: '2020-11-03' }] } };
const custom = (parameters: IDataObject): IDataObject => ({ server: 'api', path: 'sales/route_details', sendKey: true, body: '{}', ...parameters });
const HUGE_TEXT = 'D'.repeat(100_000);

const codelayerCases: CodelayerCase[] = [
	// Whole numbers.
	{ name: 'Sale → Create with a word as the customer code', resource: 'sale', operation: 'create', parameters: sale({ custcode: 'abc' }), item: 0, message: '"Customer Code" must be a whole number from 1 to 99999, not "abc"', parameter: 'Customer Code' },
	{ name: 'Sale → Create with a fractional customer code', resource: 'sale', operation: 'create', parameters: sale({ custcode: 12.5 }), item: 0, message: '"Customer Code" must be a whole number from 1 to 99999, not 12.5', parameter: 'Customer Code' },
	{
		name: 'Sale → Create with a word as an item code in a row',
		resource: 'sale',
		operation: 'create',
		parameters: sale({ sales: { row: [{ itemcode: 12, qty: 1, rate: 12, taxperc: 18 }, { itemcode: 'x12', qty: 1, rate: 8, taxperc: 0 }] } }),
		item: 0,
		message: '"Sales" row 2, "Item Code" must be a whole number from 1 to 99999, not "x12"',
		parameter: 'Sales',
	},
	{ name: 'Customer → Create with letters in the PIN code', resource: 'customer', operation: 'create', parameters: { ...NEW_CUSTOMER, spincode: '69500A' }, item: 0, message: '"PIN Code" must be a whole number, not "69500A"', parameter: 'PIN Code' },

	// Decimals and their ranges.
	{ name: 'Sale → Create with cash received over its maximum', resource: 'sale', operation: 'create', parameters: sale({ cashreceived: 100000 }), item: 0, message: '"Cash Received" must be a number up to 99999, not 100000', parameter: 'Cash Received' },
	{ name: 'Sale → Create with a word as cash received', resource: 'sale', operation: 'create', parameters: sale({ cashreceived: 'lots' }), item: 0, message: '"Cash Received" must be a number up to 99999, not "lots"', parameter: 'Cash Received' },
	{ name: 'Report Location with latitude just over 90', resource: 'device', operation: 'reportLocation', parameters: { ...LOCATION, latitude: 90.0001 }, item: 0, message: '"Latitude" must be a number from -90 to 90, not 90.0001', parameter: 'Latitude' },
	{ name: 'Report Location with latitude -91', resource: 'device', operation: 'reportLocation', parameters: { ...LOCATION, latitude: -91 }, item: 0, message: '"Latitude" must be a number from -90 to 90, not -91', parameter: 'Latitude' },
	{ name: 'Report Location with longitude 180.5', resource: 'device', operation: 'reportLocation', parameters: { ...LOCATION, longitude: 180.5 }, item: 0, message: '"Longitude" must be a number from -180 to 180, not 180.5', parameter: 'Longitude' },
	{ name: 'Report Location with longitude -181', resource: 'device', operation: 'reportLocation', parameters: { ...LOCATION, longitude: -181 }, item: 0, message: '"Longitude" must be a number from -180 to 180, not -181', parameter: 'Longitude' },
	{ name: 'Report Location with a word as latitude', resource: 'device', operation: 'reportLocation', parameters: { ...LOCATION, latitude: 'north' }, item: 0, message: '"Latitude" must be a number from -90 to 90, not "north"', parameter: 'Latitude' },
	{ name: 'Customer → Create with a shop latitude of 95', resource: 'customer', operation: 'create', parameters: { ...NEW_CUSTOMER, additionalFields: { latitude: 95 } }, item: 0, message: '"Latitude" must be a number from -90 to 90, not 95', parameter: 'Latitude' },
	{ name: 'Customer → Create with a shop longitude of -200', resource: 'customer', operation: 'create', parameters: { ...NEW_CUSTOMER, additionalFields: { longitude: -200 } }, item: 0, message: '"Longitude" must be a number from -180 to 180, not -200', parameter: 'Longitude' },
	{ name: 'Customer → Update Shop with a longitude of 200', resource: 'customer', operation: 'updateShop', parameters: { additionalFields: { custcode: 359, longitude: 200 } }, item: 0, message: '"Longitude" must be a number from -180 to 180, not 200', parameter: 'Longitude' },

	// Text over (or under) its documented length, single characters.
	{ name: 'Device → Register with an app ID of 31 characters', resource: 'device', operation: 'register', parameters: { ...REGISTER, appID: 'A'.repeat(31) }, item: 0, message: `"App ID" must be text from 3 to 30 characters, not "${'A'.repeat(31)}"`, parameter: 'App ID' },
	{ name: 'Device → Register with a mobile number of 14 characters', resource: 'device', operation: 'register', parameters: { ...REGISTER, mobileNumber: '+9194452954921' }, item: 0, message: '"Mobile Number" must be text from 10 to 13 characters, not "+9194452954921"', parameter: 'Mobile Number' },
	{ name: 'Device → Register with a device name of 51 characters', resource: 'device', operation: 'register', parameters: { ...REGISTER, deviceName: 'V'.repeat(51) }, item: 0, message: `"Device Name" must be text from 3 to 50 characters, not "${'V'.repeat(51)}"`, parameter: 'Device Name' },
	{ name: 'Sale → Create with a gatepass of 16 characters', resource: 'sale', operation: 'create', parameters: sale({ gp_fyear: '4_19_4_19_4_19_4' }), item: 0, message: '"Gatepass and Financial Year" must be text from 4 to 15 characters, not "4_19_4_19_4_19_4"', parameter: 'Gatepass and Financial Year' },
	{ name: 'Sale → Create with a sale mode of 7 characters', resource: 'sale', operation: 'create', parameters: sale({ additionalFields: { salemode: 'Credit!' } }), item: 0, message: '"Sale Mode" must be text from 1 to 6 characters, not "Credit!"', parameter: 'Sale Mode' },
	{ name: 'Sale → Create with a payment mode of a word', resource: 'sale', operation: 'create', parameters: sale({ paymentmode: 'Cash' }), item: 0, message: '"Payment Mode" must be text of one character, not "Cash"', parameter: 'Payment Mode' },
	{
		name: 'Device → Register with a device name of 100,000 characters (the message stays short)',
		resource: 'device',
		operation: 'register',
		parameters: { ...REGISTER, deviceName: HUGE_TEXT },
		item: 0,
		message: /^"Device Name" must be text from 3 to 50 characters, not "D+\.\.\.$/,
		parameter: 'Device Name',
	},

	// Dates.
	{ name: 'Request Limit Override with "tomorrow" as the date', resource: 'customer', operation: 'requestLimitOverride', parameters: { ...LIMIT_OVERRIDE, reqdate: 'tomorrow' }, item: 0, message: '"Request Date" must look like 2020-11-03, not "tomorrow"', parameter: 'Request Date' },
	{ name: 'Report Location at month 13', resource: 'device', operation: 'reportLocation', parameters: { ...LOCATION, datetime: '2024-13-01 10:00:00' }, item: 0, message: '"Date and Time" must look like 2021-01-03 07:06:08, not "2024-13-01 10:00:00"', parameter: 'Date and Time' },

	// Missing required fields.
	{ name: 'Device → Register with a client ID expression giving empty text', resource: 'device', operation: 'register', parameters: { ...REGISTER, clientID: '={{ $json.client }}' }, items: [{ client: '' }], item: 0, message: '"Client ID" is required', parameter: 'Client ID' },
	{ name: 'Customer → Check with a name expression giving nothing', resource: 'customer', operation: 'check', parameters: { custname: '={{ $json.name }}' }, item: 0, message: '"Customer Name" is required', parameter: 'Customer Name' },
	{ name: 'Return → Create with a unique ID expression giving null', resource: 'return', operation: 'create', parameters: { ...RETURN, uid: '={{ null }}' }, item: 0, message: '"Unique ID" is required', parameter: 'Unique ID' },

	// Rows.
	{ name: 'Sale → Create with the lines JSON an object', resource: 'sale', operation: 'create', parameters: sale({ salesInput: 'json', salesJson: '{"itemcode": 12}' }), item: 0, message: '"Sales (JSON)" must be a JSON array like [1, 2], not {"itemcode":12}', parameter: 'Sales (JSON)' },
	{ name: 'Sale → Create with lines that are not JSON', resource: 'sale', operation: 'create', parameters: sale({ salesInput: 'json', salesJson: 'itemcode=12' }), item: 0, message: /^"Sales \(JSON\)" must be a JSON array like \[1, 2\], but it is not valid JSON \(/, parameter: 'Sales (JSON)' },
	{ name: 'Sale → Create with lines that are numbers', resource: 'sale', operation: 'create', parameters: sale({ salesInput: 'json', salesJson: '[1, 2]' }), item: 0, message: '"Sales" row 1 is not an object of fields', parameter: 'Sales' },
	{
		name: 'Sale → Create with a lines expression giving an object',
		resource: 'sale',
		operation: 'create',
		parameters: sale({ salesInput: 'json', salesJson: '={{ $json.lines }}' }),
		items: [{ lines: { itemcode: 12, qty: 1 } }],
		item: 0,
		message: '"Sales (JSON)" must be a JSON array like [1, 2], not {"itemcode":12,"qty":1}',
		parameter: 'Sales (JSON)',
	},
	{ name: 'Return → Create without items', resource: 'return', operation: 'create', parameters: { ...RETURN, items: {} }, item: 0, message: '"Items" needs at least 1 row', parameter: 'Items' },

	// Expressions that resolve to the wrong type.
	{ name: 'Report Location with a latitude expression giving an object', resource: 'device', operation: 'reportLocation', parameters: { ...LOCATION, latitude: '={{ $json.position }}' }, items: [{ position: { lat: 8.5 } }], item: 0, message: '"Latitude" must be a number from -90 to 90, not {"lat":8.5}', parameter: 'Latitude' },
	{ name: 'Sale → Create with a customer code expression giving an array', resource: 'sale', operation: 'create', parameters: sale({ custcode: '={{ [359] }}' }), item: 0, message: '"Customer Code" must be a whole number from 1 to 99999, not [359]', parameter: 'Customer Code' },
	{ name: 'Device → Register with an app ID expression giving a boolean', resource: 'device', operation: 'register', parameters: { ...REGISTER, appID: '={{ true }}' }, item: 0, message: '"App ID" must be text from 3 to 30 characters, not true', parameter: 'App ID' },

	// Several items.
	{
		name: 'Report Location of 3 items with Continue On Fail, the 2nd latitude a word: the others sent',
		resource: 'device',
		operation: 'reportLocation',
		parameters: { ...LOCATION, latitude: '={{ $json.lat }}' },
		items: [{ lat: 8.5 }, { lat: 'north' }, { lat: 9.1 }],
		continueOnFail: true,
		sent: { 'system/auth': 1, 'sales/device_location': 2 },
		item: 1,
		message: '"Latitude" must be a number from -90 to 90, not "north"',
		parameter: 'Latitude',
	},
	{
		name: 'Sale → Create of 3 items, the 3rd quantity 0: no sale is saved',
		resource: 'sale',
		operation: 'create',
		parameters: sale({ sales: { row: [{ itemcode: 12, qty: '={{ $json.qty }}', rate: 12, taxperc: 18 }] } }),
		items: [{ qty: 1 }, { qty: 2 }, { qty: 0 }],
		item: 2,
		message: '"Sales" row 1, "Quantity" must be a number from 1 to 9999, not 0',
		parameter: 'Sales',
	},

	// The credential's IMEI, where the licence server's calls fill an empty IMEI with it.
	{ name: 'Get Licenses with the credential IMEI of 13 digits', resource: 'device', operation: 'getLicenses', parameters: { appID: 'QM_V3' }, credential: { imei: '3520990017614' }, item: 0, message: 'The credential\'s IMEI "3520990017614" is not 14 to 16 digits: fix it in the credential, or fill in "IMEI"', parameter: 'IMEI' },
	{ name: 'Get Licenses with letters in the credential IMEI', resource: 'device', operation: 'getLicenses', parameters: { appID: 'QM_V3' }, credential: { imei: '35209900176148A' }, item: 0, message: 'The credential\'s IMEI "35209900176148A" is not 14 to 16 digits: fix it in the credential, or fill in "IMEI"', parameter: 'IMEI' },

	// Other → Call Any Endpoint, and the path and extra body of an unpublished endpoint.
	{ name: 'Call Any Endpoint without a path', resource: 'other', operation: 'customApiCall', parameters: custom({ path: ' / ' }), item: 0, message: 'Give the path to call, e.g. sales/route_details', parameter: 'Path' },
	{ name: 'Call Any Endpoint with a full URL as the path', resource: 'other', operation: 'customApiCall', parameters: custom({ path: 'https://evil.example/sales/route_details' }), item: 0, message: '"https://evil.example/sales/route_details" is not a path on the server, like sales/route_details (the server is the credential\'s)', parameter: 'Path' },
	{ name: 'Call Any Endpoint with a path that climbs out', resource: 'other', operation: 'customApiCall', parameters: custom({ path: 'sales/../system/auth' }), item: 0, message: '"sales/../system/auth" is not a path on the server, like sales/route_details (the server is the credential\'s)', parameter: 'Path' },
	{ name: 'Call Any Endpoint with a space in the path', resource: 'other', operation: 'customApiCall', parameters: custom({ path: 'sales/route details' }), item: 0, message: '"sales/route details" is not a path on the server, like sales/route_details (the server is the credential\'s)', parameter: 'Path' },
	{ name: 'Call Any Endpoint with a body that is not JSON', resource: 'other', operation: 'customApiCall', parameters: custom({ body: '{"a": }' }), item: 0, message: /^"Body \(JSON\)" must be a JSON object like \{"field": "value"\}, but it is not valid JSON \(/, parameter: 'Body (JSON)' },
	{ name: 'Call Any Endpoint with a body that is an array', resource: 'other', operation: 'customApiCall', parameters: custom({ body: '[1, 2]' }), item: 0, message: '"Body (JSON)" must be a JSON object like {"field": "value"}, not [1,2]', parameter: 'Body (JSON)' },
	{ name: 'Call Any Endpoint with a body expression giving a number', resource: 'other', operation: 'customApiCall', parameters: custom({ body: '={{ 7 }}' }), item: 0, message: '"Body (JSON)" must be a JSON object like {"field": "value"}, not 7', parameter: 'Body (JSON)' },
	{
		name: 'Call Any Endpoint of 3 items, the 2nd body bad: nothing is sent',
		resource: 'other',
		operation: 'customApiCall',
		parameters: custom({ body: '={{ $json.body }}', connection: { concurrency: 1 } }),
		items: [{ body: '{}' }, { body: '{"x": ' }, { body: '{}' }],
		item: 1,
		message: /^"Body \(JSON\)" must be a JSON object like \{"field": "value"\}, but it is not valid JSON \(/,
		parameter: 'Body (JSON)',
	},
	{ name: 'Route → Get Many with an Extra Body that is not JSON', resource: 'route', operation: 'getMany', parameters: { extraBody: '{bad' }, item: 0, message: /^"Extra Body \(JSON\)" must be a JSON object like \{"field": "value"\}, but it is not valid JSON \(/, parameter: 'Extra Body (JSON)' },
	{ name: 'Route → Get Many with a full URL as its path', resource: 'route', operation: 'getMany', parameters: { path: 'http://other.example/sales/master_routes' }, item: 0, message: '"http://other.example/sales/master_routes" is not a path on the server, like sales/route_details (the server is the credential\'s)', parameter: 'Path' },
];

describe('Codelayer: bad input is refused, naming the item and the parameter, before anything is sent', () => {
	const sandbox = useCodelayerSandbox();

	test.each(codelayerCases)('$name', async (badCase) => {
		const items = badCase.items ?? [{}];
		const harness = codelayerHarness(sandbox(), badCase.credential);
		const result = await harness.run(afterItems(items, codelayer(badCase.resource, badCase.operation, badCase.parameters, { continueOnFail: badCase.continueOnFail === true })));
		expectFailure(result, 'codelayer', badCase, badCase.continueOnFail === true, items.length);
		expect(sandbox().stats.requests).toEqual(badCase.sent ?? {});
		if (!badCase.sent) expect(sandbox().stats.total).toBe(0);
	});

	test.each([
		['13 digits', '3520990017614', 13],
		['letters', '35209900176148A', 15],
	])('a credential IMEI of %s fails the login before it is sent', async (_, imei, length) => {
		const result = await codelayerHarness(sandbox(), { imei }).run(afterItems([{}, {}], codelayer('route', 'get')));
		expect(result.error?.message).toBe(`The IMEI in the Codelayer credential must be 14 to 16 digits (got ${length} characters)`);
		expect(sandbox().stats.total).toBe(0);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Codelayer Route Report Trigger
// ---------------------------------------------------------------------------------------------------------------

const routeReportCases: TriggerCase[] = [
	{ name: 'a customer name expression giving an object', parameters: { filters: { custname: '={{ { name: "ABC" } }}' } }, message: '"Customer Name" must be text, not {"name":"ABC"}', parameter: 'Customer Name' },
	{ name: 'a payment mode expression giving a list', parameters: { filters: { paymentmode: '={{ ["Cash", "Cheque"] }}' } }, message: '"Payment Mode" must be text, not ["Cash","Cheque"]', parameter: 'Payment Mode' },
	{ name: 'a payment mode expression giving a boolean', parameters: { filters: { paymentmode: '={{ true }}' } }, message: '"Payment Mode" must be text, not true', parameter: 'Payment Mode' },
	{ name: 'Add Route Details given "yes"', parameters: { options: { routeDetails: '={{ "yes" }}' } }, message: '"Add Route Details" must be true or false, not "yes"', parameter: 'Add Route Details' },
	{ name: 'Emit Existing Rows given a number', parameters: { options: { emitExisting: '={{ 1 }}' } }, message: '"Emit Existing Rows on First Poll" must be true or false, not 1', parameter: 'Emit Existing Rows on First Poll' },
	{ name: 'Numbers as Numbers given an object', parameters: { options: { numbers: '={{ {} }}' } }, message: '"Numbers as Numbers" must be true or false, not {}', parameter: 'Numbers as Numbers' },
];

describe('Codelayer Route Report Trigger: bad parameters fail the poll before anything is sent', () => {
	const sandbox = useCodelayerSandbox();

	describe.each(['manual', 'trigger'] as const)('in %s mode (Fetch Test Event, the first scheduled poll)', (mode) => {
		test.each(routeReportCases)('$name', async (badCase) => {
			const poller = codelayerHarness(sandbox()).poller(routeReportTrigger(badCase.parameters));
			const error = await poller.poll(mode).then(
				() => undefined,
				(thrown: unknown) => thrown,
			);
			expectTriggerError(error, badCase);
			expect(sandbox().stats.total).toBe(0);
			expect(poller.nodeStaticData).toEqual({});
		});
	});

	it('takes "true" and "false" text for its options (as $vars give them) and polls', async () => {
		const poller = codelayerHarness(sandbox()).poller(routeReportTrigger({ options: { emitExisting: '={{ "false" }}', numbers: '={{ "TRUE" }}' } }));
		expect(await poller.poll()).toEqual({ items: [], idle: true });
		expect(sandbox().stats.requests['sales/route_report']).toBe(1);
	});

	it('fails the poll when the credential IMEI is bad, before the login is sent', async () => {
		const poller = codelayerHarness(sandbox(), { imei: '1234567890123' }).poller(routeReportTrigger());
		await expect(poller.poll()).rejects.toThrow('The IMEI in the Codelayer credential must be 14 to 16 digits (got 13 characters)');
		expect((sandbox() as CodelayerSandbox).stats.total).toBe(0);
	});
});
