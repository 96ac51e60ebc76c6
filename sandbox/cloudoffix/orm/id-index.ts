/**
 * A table's primary-key index: its ids in ascending order. Records usually get increasing ids, so adding one is
 * an append; seeds that fix ids and rollbacks that restore deleted records insert in place (a binary search).
 */
export class IdIndex {
	private readonly sorted: number[] = [];

	get ids(): readonly number[] {
		return this.sorted;
	}

	add(id: number): void {
		const ids = this.sorted;
		if (ids.length === 0 || id > ids[ids.length - 1]) {
			ids.push(id);
			return;
		}
		const at = firstAtLeast(ids, id);
		if (ids[at] !== id) ids.splice(at, 0, id);
	}

	delete(id: number): void {
		const at = firstAtLeast(this.sorted, id);
		if (this.sorted[at] === id) this.sorted.splice(at, 1);
	}
}

/** The position of the first id >= value in ascending ids (their length when there is none). */
export function firstAtLeast(ids: readonly number[], value: number): number {
	return firstPosition(ids, (id) => id >= value);
}

/** The position of the first id > value in ascending ids (their length when there is none). */
export function firstAbove(ids: readonly number[], value: number): number {
	return firstPosition(ids, (id) => id > value);
}

/** Binary search for the first id that passes a test that, along ascending ids, fails and then passes. */
function firstPosition(ids: readonly number[], passes: (id: number) => boolean): number {
	let low = 0;
	let high = ids.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (passes(ids[middle])) high = middle;
		else low = middle + 1;
	}
	return low;
}
