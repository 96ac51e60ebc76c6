import type { IDataObject } from 'n8n-workflow';

import { afterItems, packageNode } from '../harness';
import { cloudOffixHarness, useCloudOffixSandbox } from './sandbox';

const sandbox = useCloudOffixSandbox();

const MISSING_PARTNER = 'Record not found: One of the records you are trying to modify has already been deleted (Document type: Contact).\n\n(Records: (999999,), User: 2)';
const EXCEPTION_TYPES: Record<string, string> = {
	'builtins.KeyError': 'internal_error',
	'builtins.ValueError': 'internal_error',
	'odoo.exceptions.UserError': 'user_error',
	'odoo.exceptions.MissingError': 'missing_error',
};

function call(model: string, method: string, args: unknown[], wireFormat = 'jsonRpcSession', extra: IDataObject = {}) {
	return packageNode(
		'cloudOffix',
		{ resource: 'method', operation: 'call', model: { mode: 'name', value: model }, method, args: JSON.stringify(args), kwargs: '{}', connection: { wireFormat }, ...extra },
		{ cloudOffixApi: 'co-1' },
	);
}

describe('CloudOffix errors, as Odoo sends them', () => {
	it.each([
		['jsonRpcSession', 'no.such.model', 'search', [[]], 'builtins.KeyError', 'CloudOffix has no model "no.such.model"'],
		['jsonRpc', 'no.such.model', 'search', [[]], 'odoo.exceptions.UserError', "CloudOffix refused the operation: Object no.such.model doesn't exist"],
		['xmlRpc', 'no.such.model', 'search', [[]], 'odoo.exceptions.UserError', "CloudOffix refused the operation: Object no.such.model doesn't exist"],
		['jsonRpcSession', 'res.partner', 'write', [[999999], { name: 'x' }], 'odoo.exceptions.MissingError', MISSING_PARTNER],
		['xmlRpc', 'res.partner', 'write', [[999999], { name: 'x' }], 'odoo.exceptions.MissingError', MISSING_PARTNER],
		['jsonRpcSession', 'res.partner', 'search', [[['no_such_field', '=', 1]]], 'builtins.ValueError', 'Invalid field \'no_such_field\' in leaf "<osv.ExtendedLeaf: (\'no_such_field\', \'=\', 1) on res_partner (ctx: )>"'],
		['jsonRpcSession', 'res.users', 'unlink', [[1]], 'odoo.exceptions.UserError', 'CloudOffix refused the operation: You can not remove the admin user as it is used internally for resources created by Odoo (updates, module installation, ...)'],
	])('over %s, %s.%s(%j) gives %s with a clean message', async (wireFormat, model, method, args, name, message) => {
		const result = await cloudOffixHarness(sandbox()).run(afterItems([{}], call(model, method, args, wireFormat)));
		const error = result.error as unknown as { message: string; description: string };
		expect(error.description).toBe(`${name} (${EXCEPTION_TYPES[name]}) from ${model}.${method}`);
		expect(error.message).toBe(message);
	});

	it('answers the Custom API Call resource the editor adds with what to use instead', async () => {
		const custom = packageNode('cloudOffix', { resource: '__CUSTOM_API_CALL__' }, { cloudOffixApi: 'co-1' });
		const result = await cloudOffixHarness(sandbox()).run(afterItems([{}], custom));
		expect(result.error?.message).toBe('The resource "__CUSTOM_API_CALL__" is not one of the CloudOffix node\'s');
		expect((result.error as unknown as { description: string }).description).toContain('Method → Call');
		expect(sandbox().stats.total).toBe(0);
	});

	it('refuses a private method name before sending anything (Odoo would refuse it too)', async () => {
		const result = await cloudOffixHarness(sandbox()).run(afterItems([{}], call('res.partner', '_private', [[]])));
		expect(result.error?.message).toContain('Item 0: "_private" is not a public method name');
		expect(sandbox().stats.requests['/web/dataset/call_kw'] ?? 0).toBe(0);
	});

	it('reports an access error for the read-only demo user, and a validation error for a missing required field', async () => {
		const demo = cloudOffixHarness(sandbox(), { login: 'demo', password: 'demo' });
		const denied = await demo.run(afterItems([{}], call('res.partner', 'create', [{ name: 'x' }])));
		expect(denied.error?.message).toMatch(/^CloudOffix refused access: /);
		expect((denied.error as unknown as { description: string }).description).toContain('access_error');
		const admin = cloudOffixHarness(sandbox());
		const invalid = await admin.run(afterItems([{}], call('res.partner', 'create', [{ email: 'no-name@example.com' }])));
		expect(invalid.error?.message).toBe('CloudOffix rejected the values: Contacts require a name.');
		expect((invalid.error as unknown as { description: string }).description).toBe('odoo.exceptions.ValidationError (validation_error) from res.partner.create');
		expect(sandbox().stats.creates['res.partner'] ?? 0).toBe(0);
	});

	it('reports an access denial over /jsonrpc when the password changed after login', async () => {
		const harness = cloudOffixHarness(sandbox());
		await harness.run(afterItems([{}], call('res.partner', 'search_count', [[]], 'jsonRpc')));
		harness.credentials.store.get('co-1')!.data.password = 'Changed-Pass-1';
		const result = await harness.run(afterItems([{}], call('res.partner', 'search_count', [[]], 'jsonRpc')));
		// That the changed password is nowhere in the run, the suite's secrets check (test/setup/secrets.ts) sees to.
		expect(result.error?.message).toContain('Access denied');
	});

	it('survives a session that expires mid-run (one create per item): every item created exactly once, one extra login', async () => {
		const harness = cloudOffixHarness(sandbox());
		await harness.run(afterItems([{}], call('res.partner', 'search_count', [[]])));
		sandbox().faults.set({ kind: 'expireSessionAfter', calls: 3 });
		const names = Array.from({ length: 9 }, (_, i) => ({ name: `Expiry Co ${i}` }));
		const create = packageNode(
			'cloudOffix',
			{ resource: 'record', operation: 'create', model: { mode: 'name', value: 'res.partner' }, fieldsMode: 'json', valuesJson: '={{ JSON.stringify({ name: $json.name }) }}', connection: { concurrency: 3, batchSize: 1 } },
			{ cloudOffixApi: 'co-1' },
		);
		const result = await harness.run(afterItems(names, create));
		expect(result.error).toBeUndefined();
		expect(result.output('cloudOffix').map((item) => item.pairedItem)).toEqual(names.map((_, item) => ({ item })));
		expect(sandbox().stats.creates['res.partner']).toBe(9);
		expect(sandbox().stats.logins).toBe(2);
		const check = await harness.run(afterItems([{}], call('res.partner', 'search_count', [[['name', '=like', 'Expiry Co %']]])));
		expect(check.json('cloudOffix')[0].result).toBe(9);
	});

	it('does not retry a create after a server failure: the item fails, nothing is created twice', async () => {
		const harness = cloudOffixHarness(sandbox());
		sandbox().faults.set({ kind: 'resetAfterProcessing', method: 'res.partner.create' });
		const create = packageNode(
			'cloudOffix',
			{ resource: 'record', operation: 'create', model: { mode: 'name', value: 'res.partner' }, fieldsMode: 'json', valuesJson: '{"name": "Reset Co"}' },
			{ cloudOffixApi: 'co-1' },
			{ continueOnFail: true },
		);
		const result = await harness.run(afterItems([{}], create));
		const [item] = result.output('cloudOffix');
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(String(item.json.error)).toContain('failed');
		expect(sandbox().stats.creates['res.partner']).toBe(1);
	});

	it.each([
		['truncatedBody', 'jsonRpcSession', '/web/dataset/call_kw', 1],
		['nonJsonBody', 'jsonRpcSession', '/web/dataset/call_kw', 0],
		['truncatedBody', 'xmlRpc', '/xmlrpc/2/object', 1],
		['nonJsonBody', 'xmlRpc', '/xmlrpc/2/object', 0],
	] as const)('reports a %s answer over %s as unreadable and never sends the create again', async (kind, wireFormat, route, created) => {
		const harness = cloudOffixHarness(sandbox());
		await harness.run(afterItems([{}], call('res.partner', 'search_count', [[]], wireFormat)));
		sandbox().faults.set({ kind, method: 'res.partner.create' });
		const result = await harness.run(afterItems([{}], call('res.partner', 'create', [{ name: 'Garbled Co' }], wireFormat)));
		expect(result.error?.message).toBe("CloudOffix res.partner.create failed: the answer could not be read (cut short, or not in the API's format)");
		expect((result.error as unknown as { description: string }).description).toContain('was not sent again');
		expect(sandbox().stats.creates['res.partner'] ?? 0).toBe(created);
		expect(sandbox().stats.requests[route]).toBe(2);
	});

	it.each([
		['https://co.example.com/web/dataset/call_kw', 'https://co.example.com'],
		['/odoo/web/dataset/call_kw', 'another path on the same server'],
	])('does not follow a redirect to %s: the item fails saying where to point the credential, nothing is created', async (location, where) => {
		const harness = cloudOffixHarness(sandbox());
		await harness.run(afterItems([{}], call('res.partner', 'search_count', [[]])));
		sandbox().faults.set({ kind: 'redirect', location, method: 'res.partner.create' });
		const result = await harness.run(afterItems([{}], call('res.partner', 'create', [{ name: 'Moved Co' }])));
		expect(result.error?.message).toBe(`CloudOffix res.partner.create failed: the server redirects to ${where}`);
		expect((result.error as unknown as { description: string }).description).toContain("set the credential's URL");
		expect(sandbox().stats.requests['/web/dataset/call_kw']).toBe(2);
		expect(sandbox().stats.creates['res.partner'] ?? 0).toBe(0);
	});
});
