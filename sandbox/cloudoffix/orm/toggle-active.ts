import type { Model } from './model';
import { writeRecords } from './write';

/** toggle_active(): archives active records and restores archived ones. It returns None, like Odoo 11's. */
export function toggleActive(model: Model, ids: readonly number[]): null {
	for (const id of ids) {
		const rec = model.record(id);
		if (rec && model.hasActiveField()) writeRecords(model, [id], { active: !rec.active });
	}
	return null;
}
