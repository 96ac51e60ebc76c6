import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { listSearch, loadOptions } from './methods';
import { triggerDescription } from './trigger/description';
import { pollWithConvention } from './trigger/poll';

export class CloudOffixTrigger implements INodeType {
	description: INodeTypeDescription = {
		...triggerDescription,
		subtitle: '={{$parameter["event"] === "createdOrUpdated" ? "New or updated records" : "New records"}}',
		icon: { light: 'file:../../icons/cloudoffix.svg', dark: 'file:../../icons/cloudoffix.dark.svg' },
	};

	methods = { listSearch, loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollWithConvention(this);
	}
}
