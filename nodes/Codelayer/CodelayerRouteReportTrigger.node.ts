import { NodeConnectionTypes, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';

import { triggerProperties } from './trigger/description';
import { pollRouteReport } from './trigger/poll';

export class CodelayerRouteReportTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Codelayer Route Report Trigger',
		name: 'codelayerRouteReportTrigger',
		icon: { light: 'file:../../icons/codelayer.svg', dark: 'file:../../icons/codelayer.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New sales in the route report"}}',
		description: "Starts the workflow when a sale is saved on the route: each new row of Codelayer's route report, once",
		defaults: { name: 'Codelayer Route Report Trigger' },
		credentials: [{ name: 'codelayerApi', required: true }],
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollRouteReport.call(this);
	}
}
