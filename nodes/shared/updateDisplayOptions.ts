import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Adds an operation's display conditions to each of its properties (n8n-nodes-base keeps the same helper
 * in its utils, which community packages cannot import).
 */
export function updateDisplayOptions(displayOptions: IDisplayOptions, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => {
		const merged: IDisplayOptions = {
			...property.displayOptions,
			show: { ...displayOptions.show, ...property.displayOptions?.show },
		};
		if (displayOptions.hide || property.displayOptions?.hide) {
			merged.hide = { ...displayOptions.hide, ...property.displayOptions?.hide };
		}
		return { ...property, displayOptions: merged };
	});
}
