import { customerEndpoints } from './customer';
import { dayClosingEndpoints } from './dayClosing';
import { deviceEndpoints } from './device';
import { notificationEndpoints } from './notification';
import { productEndpoints } from './product';
import { returnEndpoints } from './returns';
import { routeEndpoints } from './route';
import { saleEndpoints } from './sale';
import { stockEndpoints } from './stock';
import type { Endpoint, ResourceName } from './types';

export type { CatalogField, Endpoint, FieldType, ResourceName } from './types';

/** Each resource's name in the editor, in the order the editor lists them. */
export const RESOURCES: ReadonlyArray<{ value: ResourceName; name: string; description: string }> = [
	{ value: 'customer', name: 'Customer', description: 'Customers and shops of the route' },
	{ value: 'dayClosing', name: 'Day Closing', description: 'Close the sales and the route at the end of the day' },
	{ value: 'device', name: 'Device', description: 'Licence, registration, login and location of the device' },
	{ value: 'notification', name: 'Notification', description: 'Push notifications sent to the device' },
	{ value: 'product', name: 'Product', description: 'Products loaded for the route' },
	{ value: 'return', name: 'Return', description: 'Goods returned by customers' },
	{ value: 'route', name: 'Route', description: "The day's route and the company's routes" },
	{ value: 'sale', name: 'Sale', description: 'Sales saved on the route' },
	{ value: 'stock', name: 'Stock', description: 'Stock moved to another route' },
];

/** Every endpoint Codelayer names: the 21 it documents and the 10 its menu names without a page. */
export const ENDPOINTS: readonly Endpoint[] = [
	...customerEndpoints,
	...dayClosingEndpoints,
	...deviceEndpoints,
	...notificationEndpoints,
	...productEndpoints,
	...returnEndpoints,
	...routeEndpoints,
	...saleEndpoints,
	...stockEndpoints,
];

/** The endpoint of a resource's operation, if there is one. */
export function endpointOf(resource: string, operation: string): Endpoint | undefined {
	return ENDPOINTS.find((endpoint) => endpoint.resource === resource && endpoint.operation === operation);
}
