import { CloudOffixClient } from '../../nodes/CloudOffix/transport';
import type { OdooRecord } from '../../nodes/CloudOffix/transport/types';

/**
 * The paging of Return All (CloudOffixClient.searchReadPages) over a searchRead that answers when the test says:
 * which pages are asked for, with which domain, and when — the next page as soon as one has come, never two ahead,
 * none past the end.
 */
function pagedReader(total: number) {
	const asked: Array<{ domain: unknown[]; offset?: number; limit?: number; answer: (records: OdooRecord[]) => void }> = [];
	const reader = {
		searchRead: (_model: string, domain: unknown[], _fields: string[], options: { offset?: number; limit?: number }) =>
			new Promise<OdooRecord[]>((answer) => asked.push({ domain, offset: options.offset, limit: options.limit, answer })),
	};
	/** Answers the last request with the records that follow the ones answered so far. */
	let given = 0;
	const answerLast = () => {
		const request = asked[asked.length - 1];
		const count = Math.min(request.limit ?? Infinity, total - given);
		request.answer(Array.from({ length: count }, (_, i) => ({ id: given + i + 1 })));
		given += count;
	};
	const pages = (limit: number, more?: () => boolean) =>
		CloudOffixClient.prototype.searchReadPages.call(reader as unknown as CloudOffixClient, 'res.partner', [], ['name'], { limit, pageSize: 10, order: 'id', ...(more ? { more } : {}) });
	return { asked, answerLast, pages };
}

describe('searchReadPages', () => {
	it('asks for the next page, by key, as soon as a page has come and before handing it on; one page ahead at most', async () => {
		const { asked, answerLast, pages } = pagedReader(25);
		const reading = pages(Infinity);
		const first = reading.next();
		expect(asked).toHaveLength(1);
		answerLast();
		expect((await first).value).toHaveLength(10);
		expect(asked).toHaveLength(2);
		expect(asked[1].domain).toEqual([['id', '>', 10]]);
		const second = reading.next();
		answerLast();
		expect((await second).value).toHaveLength(10);
		expect(asked).toHaveLength(3);
		const third = reading.next();
		answerLast();
		expect((await third).value).toHaveLength(5);
		// A short page is the last: nothing more is asked.
		expect(await reading.next()).toEqual({ done: true, value: undefined });
		expect(asked).toHaveLength(3);
	});

	it('asks for no page past the limit, nor once more() says stop', async () => {
		const limited = pagedReader(100);
		const reading = limited.pages(15);
		const first = reading.next();
		limited.answerLast();
		await first;
		expect(limited.asked.map((request) => request.limit)).toEqual([10, 5]);
		const second = reading.next();
		limited.answerLast();
		expect((await second).value).toHaveLength(5);
		expect(await reading.next()).toMatchObject({ done: true });
		expect(limited.asked).toHaveLength(2);

		const stopped = pagedReader(100);
		const once = stopped.pages(Infinity, () => false);
		const only = once.next();
		stopped.answerLast();
		expect((await only).value).toHaveLength(10);
		expect(await once.next()).toMatchObject({ done: true });
		expect(stopped.asked).toHaveLength(1);
	});
});
