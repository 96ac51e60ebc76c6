import type { Env } from '../orm/database';
import { always, boolean, char, date, datetime, defineModel, float, integer, many2many, many2one, monetary, selection, text } from '../orm/fields';
import { writeRecords } from '../orm/write';
import { mailThreadFields } from './mail';

/** CRM: leads and opportunities, their pipeline stages and tags. */

export const crmStage = defineModel({
	name: 'crm.stage',
	description: 'Stage of case',
	order: 'sequence, name, id',
	access: { group: 'Sales/Manager' },
	fields: [
		char('name', 'Stage Name', { required: true }),
		integer('sequence', 'Sequence', { default: always(1) }),
		float('probability', 'Probability (%)', { default: always(10) }),
		boolean('fold', 'Folded in Pipeline'),
		text('requirements', 'Requirements'),
	],
});

export const crmLeadTag = defineModel({
	name: 'crm.lead.tag',
	description: 'Category of lead',
	order: 'name',
	access: { group: 'Sales/Manager' },
	fields: [char('name', 'Name', { required: true }), integer('color', 'Color Index')],
});

const firstStage = (env: Env): number | false => {
	const stages = [...env.registry.get('crm.stage').records.values()].sort((a, b) => (a.sequence as number) - (b.sequence as number) || a.id - b.id);
	return stages[0]?.id ?? false;
};

export const crmLead = defineModel({
	name: 'crm.lead',
	description: 'Lead/Opportunity',
	order: 'priority desc, id desc',
	access: { group: 'Sales/User: Own Documents Only' },
	fields: [
		char('name', 'Opportunity', { required: true }),
		many2one('partner_id', 'res.partner', 'Customer'),
		boolean('active', 'Active', { default: always(true) }),
		selection('type', 'Type', [['lead', 'Lead'], ['opportunity', 'Opportunity']], { required: true, default: always('lead') }),
		many2one('stage_id', 'crm.stage', 'Stage', { default: firstStage }),
		float('planned_revenue', 'Expected Revenue'),
		float('probability', 'Probability', { default: always(10) }),
		many2many('tag_ids', 'crm.lead.tag', 'Tags'),
		many2one('user_id', 'res.users', 'Salesperson', { default: (env) => env.uid }),
		many2one('company_id', 'res.company', 'Company', { default: always(1) }),
		char('email_from', 'Email'),
		char('phone', 'Phone'),
		char('mobile', 'Mobile'),
		char('contact_name', 'Contact Name'),
		char('partner_name', 'Customer Name'),
		text('description', 'Notes'),
		selection('priority', 'Priority', [['0', 'Normal'], ['1', 'Low'], ['2', 'High'], ['3', 'Very High']], { default: always('0') }),
		date('date_deadline', 'Expected Closing'),
		datetime('date_open', 'Assigned', { readonly: true }),
		datetime('date_closed', 'Closed Date', { readonly: true }),
		char('street', 'Street'),
		char('city', 'City'),
		char('zip', 'Zip'),
		many2one('country_id', 'res.country', 'Country'),
		integer('color', 'Color Index'),
		// Computed at every read. The sandbox has no meetings, activities or orders linked to leads.
		many2one('company_currency', 'res.currency', 'Currency', { related: ['company_id', 'currency_id'] }),
		integer('meeting_count', '# Meetings', { compute: always(0) }),
		selection(
			'kanban_state',
			'Activity State',
			[
				['grey', 'No next activity planned'],
				['red', 'Next activity late'],
				['green', 'Next activity is planned'],
			],
			{ compute: always('grey') },
		),
		integer('sale_number', 'Number of Quotations', { compute: always(0) }),
		monetary('sale_amount_total', 'Sum of Orders', { compute: always(0), currencyField: 'company_currency', help: 'Untaxed Total of Confirmed Orders' }),
		...mailThreadFields(),
	],
	methods: {
		action_set_won: {
			api: 'multi',
			params: [],
			run(model, ids) {
				const stages = [...model.env.registry.get('crm.stage').records.values()];
				const won = stages.find((stage) => stage.probability === 100);
				return writeRecords(model, ids, { probability: 100, ...(won ? { stage_id: won.id } : {}) });
			},
		},
		action_set_lost: {
			api: 'multi',
			params: [],
			run: (model, ids) => writeRecords(model, ids, { probability: 0, active: false }),
		},
	},
});
