import { addDays, formatDatetime } from './dates';
import type { Session } from './session';
import type { SandboxState } from './state';
import { VERSION_INFO } from './version';

/**
 * ir.http.session_info(), what /web/session/authenticate and /web/session/get_session_info return. A session
 * without a user (wrong password) gets uid false, an empty user_context and null company/partner, not an error.
 * CloudOffix appends its SaaS keys (mfa_login_needed, is_saas_client, expiration_datetime, trial,
 * background_css); `web_tours` only comes for administrators, as Odoo's web_tour module adds it.
 */
export function sessionInfo(state: SandboxState, session: Session): Record<string, unknown> {
	const registry = state.registry;
	const user = session.uid === false ? undefined : registry.get('res.users').records.get(session.uid);
	const isAdmin = user !== undefined && registry.rights.get(user.id) === 'admin';
	const info: Record<string, unknown> = {
		session_id: session.sid,
		uid: session.uid,
		is_system: isAdmin,
		is_superuser: isAdmin,
		user_context: user ? { lang: user.lang || 'en_US', tz: user.tz || false, uid: user.id } : {},
		db: session.db,
		server_version: VERSION_INFO.server_version,
		server_version_info: VERSION_INFO.server_version_info,
		name: user?.name ?? false,
		username: user?.login ?? false,
		company_id: user ? user.company_id : null,
		partner_id: user ? user.partner_id : null,
		user_companies: false,
		currencies: user ? currencies(state) : {},
		'web.base.url': state.url,
	};
	if (isAdmin) info.web_tours = [];
	return {
		...info,
		mfa_login_needed: false,
		is_saas_client: true,
		expiration_datetime: formatDatetime(addDays(state.now(), 365)),
		trial: false,
		background_css: '',
	};
}

/** The active currencies, keyed by id: how the web client formats amounts. */
function currencies(state: SandboxState): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const currency of state.registry.get('res.currency').records.values()) {
		if (currency.active) result[currency.id] = { symbol: currency.symbol, position: currency.position, digits: [69, 2] };
	}
	return result;
}
