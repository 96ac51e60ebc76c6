import { Batches, type BatchCalls } from '../../nodes/shared/batches';

/** Calls that record what they were asked; a batch containing `failOn` fails, as a server refusing one member would. */
function recordingCalls(size: number, failOn?: number, parallel = 1) {
	const batchCalls: Array<{ group: string; members: number[]; itemIndexes: number[] }> = [];
	const ownCalls: Array<{ member: number; itemIndex: number }> = [];
	const calls: BatchCalls<string, number, number[], string> = {
		size,
		parallel,
		key: (group) => group,
		callBatch: async (group, members, itemIndexes) => {
			batchCalls.push({ group, members: [...members], itemIndexes: [...itemIndexes] });
			if (members.includes(failOn ?? Number.NaN)) throw new Error(`refused ${failOn}`);
			return members.map((member) => member * 10);
		},
		share: (answer, member) => `${member}:${answer.includes(member * 10)}`,
		callOne: async (_, member, itemIndex) => {
			ownCalls.push({ member, itemIndex });
			if (member === failOn) throw new Error(`refused ${member} for item ${itemIndex}`);
			return `${member}:own`;
		},
	};
	return { calls, batchCalls, ownCalls };
}

const settle = async (promises: Array<Promise<string>>) =>
	await Promise.all(promises.map(async (promise) => await promise.then((value) => value, (error: Error) => `error: ${error.message}`)));

describe('Batches (the shared batching step)', () => {
	it('makes one call per key and batch of at most size members, in input order, each item taking its share', async () => {
		const { calls, batchCalls, ownCalls } = recordingCalls(2);
		const batches = new Batches(calls);
		const plan = [['a', 1], ['b', 2], ['a', 3], ['a', 4], ['b', 5]] as const;
		plan.forEach(([key, member], itemIndex) => batches.add(itemIndex, key, member));
		const results = await settle(plan.map((_, itemIndex) => batches.result(itemIndex)));
		expect(results).toEqual(['1:true', '2:true', '3:true', '4:true', '5:true']);
		expect(batchCalls).toEqual([
			{ group: 'a', members: [1, 3], itemIndexes: [0, 2] },
			{ group: 'b', members: [2, 5], itemIndexes: [1, 4] },
			{ group: 'a', members: [4], itemIndexes: [3] },
		]);
		expect(ownCalls).toEqual([]);
	});

	it('falls back to one call per item when a batch fails: the error is the failing item’s, the others succeed', async () => {
		const { calls, batchCalls, ownCalls } = recordingCalls(10, 2);
		const batches = new Batches(calls);
		[1, 2, 3].forEach((member, itemIndex) => batches.add(itemIndex, 'a', member));
		const results = await settle([0, 1, 2].map((itemIndex) => batches.result(itemIndex)));
		expect(results).toEqual(['1:own', 'error: refused 2 for item 1', '3:own']);
		expect(batchCalls).toHaveLength(1);
		expect(ownCalls).toEqual([
			{ member: 1, itemIndex: 0 },
			{ member: 2, itemIndex: 1 },
			{ member: 3, itemIndex: 2 },
		]);
	});

	it('does not send the call of a batch of one again when it fails', async () => {
		const { calls, batchCalls, ownCalls } = recordingCalls(10, 7);
		const batches = new Batches(calls);
		batches.add(0, 'a', 7);
		expect(await settle([batches.result(0)])).toEqual(['error: refused 7']);
		expect(batchCalls).toHaveLength(1);
		expect(ownCalls).toEqual([]);
	});

	it('with size 1 makes one call per item', async () => {
		const { calls, batchCalls } = recordingCalls(1);
		const batches = new Batches(calls);
		[4, 5, 6].forEach((member, itemIndex) => batches.add(itemIndex, 'a', member));
		expect(await settle([0, 1, 2].map((itemIndex) => batches.result(itemIndex)))).toEqual(['4:true', '5:true', '6:true']);
		expect(batchCalls.map((call) => call.members)).toEqual([[4], [5], [6]]);
	});

	it('starts the batches after the one an item asks for, up to parallel calls in flight, and no more once items stop asking', async () => {
		const answers = new Map<number, () => void>();
		const started: number[] = [];
		const batches = new Batches<string, number, number, number>({
			size: 2,
			parallel: 3,
			key: () => 'a',
			callBatch: async (_, [first]) => {
				started.push(first);
				await new Promise<void>((resolve) => answers.set(first, resolve));
				return first;
			},
			share: (answer) => answer,
			callOne: async () => Promise.reject(new Error('no batch fails here')),
		});
		Array.from({ length: 12 }, (_, itemIndex) => batches.add(itemIndex, 'a', itemIndex));
		const first = batches.result(0);
		expect(started).toEqual([0, 2, 4]);
		answers.get(0)?.();
		expect(await first).toBe(0);
		// Batch 0 has answered and no item asked since: nothing more is sent.
		expect(started).toEqual([0, 2, 4]);
		const third = batches.result(4);
		expect(started).toEqual([0, 2, 4, 6]);
		answers.get(4)?.();
		expect(await third).toBe(4);
	});

	it('refuses a size or parallel below 1 and an item added twice or never', () => {
		expect(() => new Batches(recordingCalls(0).calls)).toThrow('size must be a whole number of at least 1');
		expect(() => new Batches(recordingCalls(2, undefined, 0).calls)).toThrow('parallel must be a whole number of at least 1');
		const batches = new Batches(recordingCalls(2).calls);
		batches.add(0, 'a', 1);
		expect(() => batches.add(0, 'a', 2)).toThrow('already in a batch');
		return expect(batches.result(1)).rejects.toThrow('was not added');
	});
});
