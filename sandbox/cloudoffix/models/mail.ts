import type { FieldDef } from '../orm/database';
import { always, boolean, date, integer, many2many, selection } from '../orm/fields';

/**
 * The non-stored computed fields that Odoo 11's mail.thread and mail.activity.mixin add to every business model
 * (partners, leads, orders). The sandbox keeps no messages, followers or activities, so they read empty; they are
 * there because a read of every field computes them, on a real server as here.
 */
export function mailThreadFields(): FieldDef[] {
	return [
		boolean('message_is_follower', 'Is Follower', { compute: always(false) }),
		many2many('message_partner_ids', 'res.partner', 'Followers (Partners)', { compute: always([]) }),
		boolean('message_unread', 'Unread Messages', { compute: always(false), help: 'If checked new messages require your attention.' }),
		integer('message_unread_counter', 'Unread Messages Counter', { compute: always(0), help: 'Number of unread messages' }),
		boolean('message_needaction', 'Action Needed', { compute: always(false), help: 'If checked, new messages require your attention.' }),
		integer('message_needaction_counter', 'Number of Actions', { compute: always(0), help: 'Number of messages which requires an action' }),
		selection(
			'activity_state',
			'State',
			[
				['overdue', 'Overdue'],
				['today', 'Today'],
				['planned', 'Planned'],
			],
			{ compute: always(false), help: 'Status based on activities\nOverdue: Due date is already passed\nToday: Activity date is today\nPlanned: Future activities.' },
		),
		date('activity_date_deadline', 'Next Activity Deadline', { compute: always(false) }),
	];
}
