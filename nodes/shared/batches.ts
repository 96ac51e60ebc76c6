/**
 * The one batching step of every operation that can serve many items with one call. Items are grouped by a key
 * (what they must share for one call: a model, the fields, the call context…), each group is cut into batches of
 * at most `size` members in input order, and a batch makes its call when the first of its items asks for its
 * result; every item then takes its own share of the answer. When a batch's call fails, each of its items makes a
 * call of its own, so that an error belongs to the item that caused it and the others still succeed. Only calls
 * that the server makes all-or-nothing may be batched: a batch that the server refused changed nothing (and
 * `callOne` decides, from the batch's error, whether calling again is safe).
 * Output order and pairing stay the item loop's (executeItems): batching only changes how many requests go out.
 *
 * Batches overlap as items do: when an item asks for its batch, the batches planned after it start too, until
 * `parallel` batch calls are in flight (the item loop's workers would otherwise all wait on one batch, then find
 * the next one unstarted, and the batches would go one after another). A run that stops at a failed item has sent
 * at most those batches, as the item loop has sent at most its items in flight.
 */
export interface BatchLimits {
	/** Members per call at most (1: no batching). */
	size: number;
	/** Batch calls in flight at most (Parallel Requests). */
	parallel: number;
}

export interface BatchCalls<Group, Member, Answer, Result> extends BatchLimits {
	/** What items must share for one call: items whose groups have the same key go in the same batches. */
	key(group: Group): string;
	/** One call for a batch; `itemIndexes` are its items', in input order (the first names the call's errors). */
	callBatch(group: Group, members: Member[], itemIndexes: number[]): Promise<Answer>;
	/** An item's share of its batch's answer. */
	share(answer: Answer, member: Member, itemIndex: number): Result;
	/**
	 * An item's own call, after its batch failed with `batchError`. An operation whose batch may have been acted on
	 * despite the failure (a create whose answer was lost) throws `batchError` instead of calling again.
	 */
	callOne(group: Group, member: Member, itemIndex: number, batchError: unknown): Promise<Result>;
}

interface Batch<Group, Member, Answer> {
	group: Group;
	members: Member[];
	itemIndexes: number[];
	answer?: Promise<Answer>;
}

export class Batches<Group, Member, Answer, Result> {
	private readonly slots = new Map<number, { batch: Batch<Group, Member, Answer>; member: Member }>();

	/** The batch of each key that still takes members. */
	private readonly filling = new Map<string, Batch<Group, Member, Answer>>();

	/** Every batch in the order it was planned, and the first that may not have started yet. */
	private readonly planned: Array<Batch<Group, Member, Answer>> = [];
	private nextToStart = 0;
	private inFlight = 0;

	constructor(private readonly calls: BatchCalls<Group, Member, Answer, Result>) {
		for (const limit of ['size', 'parallel'] as const) {
			const value = calls[limit];
			if (!Number.isInteger(value) || value < 1) throw new RangeError(`A batch ${limit} must be a whole number of at least 1, not ${value}`);
		}
	}

	/** Plans an item's call; every item of a run is added before the first `result`. */
	add(itemIndex: number, group: Group, member: Member): void {
		if (this.slots.has(itemIndex)) throw new RangeError(`Item ${itemIndex} is already in a batch`);
		const key = this.calls.key(group);
		let batch = this.filling.get(key);
		if (!batch || batch.members.length >= this.calls.size) {
			this.filling.set(key, (batch = { group, members: [], itemIndexes: [] }));
			this.planned.push(batch);
		}
		batch.members.push(member);
		batch.itemIndexes.push(itemIndex);
		this.slots.set(itemIndex, { batch, member });
	}

	/** The item's result: its share of its batch's call, or, when that call failed, the answer of its own. */
	async result(itemIndex: number): Promise<Result> {
		const slot = this.slots.get(itemIndex);
		if (!slot) throw new RangeError(`Item ${itemIndex} was not added to a batch`);
		const { batch, member } = slot;
		const answer = this.start(batch);
		this.startAhead();
		// A batch of one was the item's own call: its failure is the item's, and is not sent again.
		if (batch.members.length === 1) return this.calls.share(await answer, member, itemIndex);
		const outcome = await answer.then(
			(value) => ({ value }),
			(error: unknown) => ({ error }),
		);
		if ('error' in outcome) return await this.calls.callOne(batch.group, member, itemIndex, outcome.error);
		return this.calls.share(outcome.value, member, itemIndex);
	}

	/** The batch's call, made once: by the first of its items to ask, or ahead of them. */
	private start(batch: Batch<Group, Member, Answer>): Promise<Answer> {
		if (batch.answer) return batch.answer;
		this.inFlight++;
		batch.answer = this.calls.callBatch(batch.group, batch.members, batch.itemIndexes);
		// Its items may never ask (the run stopped at another item's failure): a failure nobody awaits is no crash.
		// Only an item asking starts more batches, so that nothing more is sent once the item loop has stopped.
		void batch.answer.catch(() => undefined).then(() => void this.inFlight--);
		return batch.answer;
	}

	private startAhead(): void {
		while (this.inFlight < this.calls.parallel && this.nextToStart < this.planned.length) this.start(this.planned[this.nextToStart++]);
	}
}
