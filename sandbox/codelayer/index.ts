import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Codelayer sandbox. This first version answers the login (`system/auth`) and one keyed call
 * (`sales/route_details`) exactly as the API documents them; the endpoint catalog grows it to every endpoint.
 */
export interface CodelayerSandboxOptions {
	port?: number;
	host?: string;
	/** Keys unused for this long expire (the real server expires them after inactivity). */
	keyIdleSeconds?: number;
	/** Accounts the server knows (default: the documentation's sample user and device). */
	users?: readonly CodelayerUser[];
	log?: (line: string) => void;
}

export interface CodelayerUser {
	username: string;
	password: string;
	imei: string;
}

export interface CodelayerSandboxStats {
	requests: Record<string, number>;
	logins: number;
	total: number;
}

export interface CodelayerSandbox {
	readonly url: string;
	readonly users: readonly CodelayerUser[];
	readonly stats: CodelayerSandboxStats;
	/** Answer the next `count` keyed calls with this HTTP status (and the matching `e`). */
	failNextWithStatus(status: number, count?: number): void;
	expireKeys(): void;
	reset(): void;
	close(): Promise<void>;
}

// The documentation's own sample device and user.
const SAMPLE_USERS: readonly CodelayerUser[] = [{ username: 'TEST', password: 'password', imei: '352099001761481' }];

const FAILURES = {
	400: { e: 400, msg: 'Bad Request.' },
	401: { e: 401, msg: 'Invalid authentication credentials.' },
	503: { e: 503, msg: 'Service unavailable.' },
} as const;

const ROUTE_DETAILS = {
	details: [
		{
			gp_fyear: '4_19',
			vehicle: 'KL24R 119',
			routename: 'ALAMCHEARY',
			salesman: 'SANDHYA',
			driver: 'BIBIN DAS',
			shoptoappdistance: '100',
		},
	],
};

function emptyStats(): CodelayerSandboxStats {
	return { requests: {}, logins: 0, total: 0 };
}

export async function startCodelayerSandbox(options: CodelayerSandboxOptions = {}): Promise<CodelayerSandbox> {
	const users = options.users ?? SAMPLE_USERS;
	const keyIdleMs = (options.keyIdleSeconds ?? 30 * 60) * 1000;
	const keys = new Map<string, { username: string; lastUsed: number }>();
	let stats = emptyStats();
	let statusFaults: number[] = [];

	const login = (body: Record<string, unknown>) => {
		const { username, password, imei, ver } = body;
		if (typeof username !== 'string' || typeof password !== 'string' || typeof imei !== 'string') return FAILURES[400];
		if (typeof ver !== 'string' || ver.length < 7 || ver.length > 16) return FAILURES[400];
		const user = users.find((u) => u.username === username && u.password === password && u.imei === imei);
		if (!user) return FAILURES[401];
		const key = randomBytes(24).toString('base64').replace(/[+/]/g, 'x').slice(0, 32);
		keys.set(key, { username, lastUsed: Date.now() });
		stats.logins++;
		return { key, features: '2,3', e: 200, msg: 'Success' };
	};

	const keyIsValid = (key: unknown) => {
		const entry = typeof key === 'string' ? keys.get(key) : undefined;
		if (!entry || Date.now() - entry.lastUsed > keyIdleMs) return false;
		entry.lastUsed = Date.now();
		return true;
	};

	const answer = (path: string, body: Record<string, unknown>): [number, object] => {
		if (path === 'system/auth') return [200, login(body)];
		const fault = statusFaults.shift();
		if (fault !== undefined) return [fault, FAILURES[fault as keyof typeof FAILURES] ?? FAILURES[503]];
		if (!keyIsValid(body.key)) return [200, FAILURES[401]];
		if (path === 'sales/route_details') return [200, { ...ROUTE_DETAILS, e: 200, msg: 'Success' }];
		return [200, FAILURES[400]];
	};

	const handle = async (request: IncomingMessage, response: ServerResponse) => {
		const started = Date.now();
		const path = (request.url ?? '/').split('?')[0].replace(/^\/+/, '');
		stats.total++;
		stats.requests[path] = (stats.requests[path] ?? 0) + 1;
		let status = 200;
		let payload: object = FAILURES[400];
		const raw = await readBody(request);
		if (request.method === 'POST') {
			const body = parseObject(raw);
			if (body) [status, payload] = answer(path, body);
		}
		response.writeHead(status, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify(payload));
		options.log?.(`${request.method} /${path} ${status} e=${(payload as { e?: number }).e} ${Date.now() - started}ms`);
	};

	const server = createServer((request, response) => void handle(request, response));
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
	const { address, port } = server.address() as AddressInfo;

	return {
		url: `http://${address}:${port}`,
		users,
		get stats() {
			return stats;
		},
		failNextWithStatus(status, count = 1) {
			statusFaults.push(...Array<number>(count).fill(status));
		},
		expireKeys() {
			keys.clear();
		},
		reset() {
			keys.clear();
			stats = emptyStats();
			statusFaults = [];
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function parseObject(raw: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(raw);
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}
