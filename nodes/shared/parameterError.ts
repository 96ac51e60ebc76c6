/**
 * A node parameter that cannot be used as given. The pure helpers throw it without knowing the item;
 * the operation loop (nodes/shared/executeItems.ts) turns it into a NodeOperationError naming the item
 * and `field`, the parameter the user has to fix. Nothing was sent for the item.
 */
export class ParameterError extends Error {
	constructor(
		message: string,
		readonly field: string,
	) {
		super(message);
		this.name = 'ParameterError';
	}
}

/**
 * A parameter the server was asked about and ruled out: the record it names does not exist, or several
 * records match where one must. Something was sent (the lookup), nothing was changed.
 */
export class LookupError extends ParameterError {
	constructor(message: string, field: string) {
		super(message, field);
		this.name = 'LookupError';
	}
}
