import type { ModelDef } from '../orm/database';
import { crmLead, crmLeadTag, crmStage } from './crm';
import { irConfigParameter, irModel, irModelAccess, irModelData, irModelFields } from './ir';
import { irActionsReport } from './ir-actions-report';
import { irAttachment } from './ir-attachment';
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
	{ def: irModelAccess, module: 'base' },
	{ def: irModelData, module: 'base' },
	{ def: irConfigParameter, module: 'base' },
	{ def: irAttachment, module: 'base' },
	{ def: irActionsReport, module: 'base' },
	{ def: productProduct, module: 'product' },
	{ def: crmStage, module: 'crm' },
	{ def: crmLeadTag, module: 'crm' },
	{ def: crmLead, module: 'crm' },
	{ def: saleOrder, module: 'sale' },
	{ def: saleOrderLine, module: 'sale' },
];
