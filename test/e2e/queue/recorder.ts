import { createServer, type Server } from 'node:http';

/** One item a trigger's workflow reported: which trigger, the execution that ran it, the item as emitted. */
export interface Recorded {
	source: string;
	execution: string;
	item: Record<string, unknown>;
}

/** A loopback HTTP server that keeps every JSON body POSTed to it (the trigger workflows' reports). */
export interface Recorder {
	url: string;
	readonly received: readonly Recorded[];
	close(): Promise<void>;
}

export async function startRecorder(): Promise<Recorder> {
	const received: Recorded[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			try {
				received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Recorded);
				res.writeHead(200, { 'content-type': 'application/json' }).end('{"recorded":true}');
			} catch {
				res.writeHead(400).end();
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}/recorded`,
		received,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
