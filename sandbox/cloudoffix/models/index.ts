import type { ModelDef } from '../orm/database';
import { crmLead, crmLeadTag, crmStage } from './crm';
import { irConfigParameter, irModel, irModelFields } from './ir';
import { productProduct } from './product';
import { resCompany } from './res-company';
import { resPartner } from './res-partner';
import { resCountry, resCurrency, resPartnerCategory } from './res-reference';
import { resUsers } from './res-users';
import { saleOrder, saleOrderLine } from './sale';

/** Every model of the sandbox's database, with the module that brings it in Odoo. */
export const MODELS: readonly { def: ModelDef; module: string }[] = [
	{ def: resPartner, module: 'base' },
	{ def: resUsers, module: 'base' },
	{ def: resCompany, module: 'base' },
	{ def: resCurrency, module: 'base' },
	{ def: resCountry, module: 'base' },
	{ def: resPartnerCategory, module: 'base' },
	{ def: irModel, module: 'base' },
	{ def: irModelFields, module: 'base' },
	{ def: irConfigParameter, module: 'base' },
	{ def: productProduct, module: 'product' },
	{ def: crmStage, module: 'crm' },
	{ def: crmLeadTag, module: 'crm' },
	{ def: crmLead, module: 'crm' },
	{ def: saleOrder, module: 'sale' },
	{ def: saleOrderLine, module: 'sale' },
];
