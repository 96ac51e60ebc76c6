/**
 * A node parameter that cannot be used as given. The pure helpers throw it without knowing the item;
 * the operation loop (nodes/shared/executeItems.ts) turns it into a NodeOperationError naming the item
 * and `field`, the parameter the user has to fix.
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
