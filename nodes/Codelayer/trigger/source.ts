import { NodeApiError, type IDataObject, type IPollFunctions, type JsonObject } from 'n8n-workflow';

import { connectionSettingsOf, type RetryParameters } from '../../shared/retries';
import { endpointOf, type Endpoint } from '../catalog';
import { codelayerRequest, type CodelayerAnswer } from '../transport';
import type { ReportSource, RouteDay } from './delivery';
import type { ReportRow } from './fingerprint';

function catalogEndpoint(resource: string, operation: string): Endpoint {
	const endpoint = endpointOf(resource, operation);
	if (!endpoint?.listField) throw new Error(`The Codelayer catalog has no list endpoint ${resource} → ${operation}`);
	return endpoint;
}

/** `sales/route_report` and `sales/route_details`, as the catalog has them. */
export const REPORT = catalogEndpoint('sale', 'getReport');
export const ROUTE_DETAILS = catalogEndpoint('route', 'get');

/**
 * The rows of a list answer. An answer without its list (or with null) is taken as an empty list, as the action
 * node takes it; anything else there is not a report the trigger can count, and fails the poll.
 */
function rowsOf(context: IPollFunctions, answer: CodelayerAnswer, endpoint: Endpoint): ReportRow[] {
	const list = answer[endpoint.listField as string];
	if (list === undefined || list === null) return [];
	if (Array.isArray(list) && list.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row))) return list as ReportRow[];
	throw new NodeApiError(context.getNode(), { message: `${endpoint.listField} is not a list of rows` } as JsonObject, {
		message: `Codelayer ${endpoint.path} answered a "${endpoint.listField}" that is not a list of rows`,
		description: 'The poll moved nothing on; the next poll reads the report again',
	});
}

/**
 * The trigger's two reads, through the same transport as the Codelayer node: the credential adds the key, an
 * `e: 401` renews it once through the credential and sends the read again, any other `e` is Codelayer's msg.
 */
export function routeReportSource(context: IPollFunctions): ReportSource {
	const connection = connectionSettingsOf(context.getNodeParameter('connection', {}) as RetryParameters);
	const read = async (endpoint: Endpoint) => {
		const call = { server: endpoint.server, path: endpoint.path, body: {}, sendsKey: endpoint.sendsKey, repeatable: endpoint.repeatable };
		return rowsOf(context, await codelayerRequest(context, call, undefined, connection), endpoint);
	};
	return {
		report: async () => await read(REPORT),
		routeDay: async (): Promise<RouteDay> => {
			const [details] = await read(ROUTE_DETAILS);
			const gpFyear = typeof details?.gp_fyear === 'string' ? details.gp_fyear.trim() : '';
			if (gpFyear === '') {
				throw new NodeApiError(context.getNode(), { message: 'no gp_fyear' } as JsonObject, {
					message: `Codelayer ${ROUTE_DETAILS.path} named no route day (no gp_fyear)`,
					description: 'The trigger tells one day from the next by the gatepass Route Details names; without it, it cannot place the report. Nothing was moved on.',
				});
			}
			return { gpFyear, details: details as IDataObject };
		},
	};
}
