import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemResult } from '../../shared/executeItems';
import type { ConnectionSettings } from '../../shared/retries';
import { CODELAYER_CREDENTIAL } from '../transport';
import type { BodyDefaults } from './requestBody';

/** What an operation gets: the n8n context, the Connection settings, and `each` to run its items through the shared item loop. */
export interface OperationRun {
	context: IExecuteFunctions;
	connection: ConnectionSettings;
	each: (runItem: (itemIndex: number) => Promise<ItemResult>) => Promise<INodeExecutionData[]>;
}

/** The options every operation has (see actions/versionDescription.ts). */
export function optionsOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('options', itemIndex, {}) as IDataObject;
}

/** The body defaults of an item: its Timezone option (else the workflow's) and the credential's IMEI. */
export async function bodyDefaultsOf(context: IExecuteFunctions, itemIndex: number): Promise<BodyDefaults> {
	const { imei } = await context.getCredentials(CODELAYER_CREDENTIAL, itemIndex);
	const timezone = String(optionsOf(context, itemIndex).timezone ?? '').trim() || context.getTimezone();
	return { timezone, imei: String(imei ?? '').trim(), now: new Date() };
}
