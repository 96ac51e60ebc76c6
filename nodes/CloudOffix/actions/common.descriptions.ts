import type { INodeProperties } from 'n8n-workflow';

import { operatorOptions } from '../helpers/operators';

/**
 * The model every record operation works on: picked from the server's list, or typed (custom models too).
 * The typed name is checked by the node (modelOf), not by a locator regex: n8n runs those in a sandbox
 * with a 250 ms limit, which a loaded machine can exceed.
 */
export const modelLocator: INodeProperties = {
	displayName: 'Model',
	name: 'model',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Odoo model, e.g. res.partner, crm.lead, sale.order or any custom x_ model',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchModels', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'res.partner',
		},
	],
};

export const recordIdLocator: INodeProperties = {
	displayName: 'Record',
	name: 'recordId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchRecords', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '42',
		},
		{
			// The id is read from the link's id= parameter by the node (helpers/values.ts), not by an n8n regex.
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'https://mycompany.cloudoffix.com/web#id=42&model=res.partner&view_type=form',
		},
		{
			// module.name, checked and looked up in ir.model.data by the node (record/externalIds.ts), not by an n8n regex.
			displayName: 'By External ID',
			name: 'externalId',
			type: 'string',
			placeholder: 'base.main_partner',
		},
	],
};

export const domainFilters: INodeProperties[] = [
	{
		displayName: 'Filter Type',
		name: 'filterType',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Build Conditions', value: 'conditions' },
			{ name: 'Domain (JSON)', value: 'domain', description: 'An Odoo domain such as [["is_company","=",true]]' },
		],
		default: 'none',
	},
	{
		displayName: 'Match',
		name: 'combinator',
		type: 'options',
		options: [
			{ name: 'All Conditions (AND)', value: 'and' },
			{ name: 'Any Condition (OR)', value: 'or' },
		],
		default: 'and',
		displayOptions: { show: { filterType: ['conditions'] } },
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		displayOptions: { show: { filterType: ['conditions'] } },
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getFieldNames', loadOptionsDependsOn: ['model.value'] },
						default: '',
						description: 'A field of the model; dotted paths like partner_id.country_id.code reach related records. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: operatorOptions,
						default: 'equal',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Numbers and true/false are sent as such; for in / not in give a comma list or a JSON array',
					},
				],
			},
		],
	},
	{
		displayName: 'Domain',
		name: 'domain',
		type: 'json',
		default: '[]',
		displayOptions: { show: { filterType: ['domain'] } },
	},
];

/** Options shared by the operations that read or write records. */
export const contextOptions: INodeProperties[] = [
	{
		displayName: 'Language',
		name: 'lang',
		type: 'string',
		default: '',
		placeholder: 'en_US',
		description: 'Language of translated values (context lang)',
	},
	{
		displayName: 'Timezone',
		name: 'tz',
		type: 'string',
		default: '',
		placeholder: 'Europe/Istanbul',
		description: 'Timezone the server uses for computed dates (context tz); stored date-times stay UTC',
	},
	{
		displayName: 'Include Archived Records',
		name: 'includeArchived',
		type: 'boolean',
		default: false,
		description: 'Whether to also match archived (inactive) records (context active_test = false)',
	},
	{
		displayName: 'Company ID',
		name: 'companyId',
		type: 'number',
		default: 0,
		description: 'Act in this company (context force_company and allowed_company_ids); 0 keeps the user default',
	},
	{
		displayName: 'Extra Context (JSON)',
		name: 'context',
		type: 'json',
		default: '{}',
		description: 'More context keys, merged last',
	},
];

export const simplifyOption: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return each many2one field of the model as two fields (the ID, and the name in a field ending in _name) instead of an [ID, name] pair',
};

/** A multi-select of the chosen model's fields, which also takes names from an expression. */
export function modelFieldsProperty(displayName: string, name: string, description: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName,
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getFieldNames', loadOptionsDependsOn: ['model.value'] },
		default: [],
		description: `${description} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
		...extra,
	};
}

export const fieldsOption = modelFieldsProperty(
	'Field Names or IDs',
	'fields',
	'Fields to return; none means every stored field except binary ones (images, files).',
);

export const includeComputedOption: INodeProperties = {
	displayName: 'Include Computed Fields',
	name: 'includeComputed',
	type: 'boolean',
	default: false,
	description:
		'Whether to also return the fields Odoo computes on every read instead of storing them (totals, counts, balances) when no field names are given. They can make a wide read many times slower.',
};

/** The "Options" collection of an operation. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
};

/** Return All, and the Limit shown when it is off: what every list operation asks. */
export const returnAllProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{ ...limitProperty, displayOptions: { show: { returnAll: [false] } } },
];
