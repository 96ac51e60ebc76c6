import { SYSTEM_CLOCK, type SandboxClock } from '../shared/clock';
import { closeServer, listen, type SandboxTls } from '../shared/server';
import type { SaleDocument } from './day';
import type { DeviceLocation } from './device';
import { codelayerFaultRules, type CodelayerFaultInjector } from './faults';
import { KeyStore } from './keys';
import { LicenceRegistry, type DeviceStatus } from './licence';
import { LICENCE, SAMPLE_USERS, type CodelayerUser } from './seed';
import { checkHandlers, createCodelayerServer, type ServerContext } from './server';
import { CodelayerState } from './state';
import { CodelayerStats, type CodelayerSandboxStats } from './stats';

export type { SandboxClock } from '../shared/clock';
export type { CodelayerFaultInjector, CodelayerFaultRule } from './faults';
export type { DeviceStatus } from './licence';
export type { CodelayerUser } from './seed';
export type { DeviceLocation } from './device';
export type { SandboxTls } from '../shared/server';
export type { CodelayerSandboxStats, Refused } from './stats';

/**
 * The Codelayer sandbox: Codelayer's API server and its licence server, answering every endpoint of the catalog
 * (nodes/Codelayer/catalog) as Codelayer documents them, over one route day seeded from the documentation's
 * samples. See README.md beside this file.
 */
export interface CodelayerSandboxOptions {
	/** The API server's port; default 0, a free port. */
	port?: number;
	/** The licence server's port; default 0, a free port. */
	licensePort?: number;
	/** Default '127.0.0.1'. */
	host?: string;
	/** Accounts the API knows; default the documentation's sample user TEST / password on device 352099001761481. */
	users?: readonly CodelayerUser[];
	/** Keys unused for longer than this are refused (e 401); default 30 minutes. */
	keyIdleSeconds?: number;
	/** Where the time comes from (default the system clock): key expiry, the latency faults' waits, the server's time stamps. */
	clock?: SandboxClock;
	/** One line per request ("POST /sales/route_report 200 e=200 2ms"), and the stack of a handler that throws (default: stderr). */
	log?: (line: string) => void;
	/** The HTTP status of e 400 / 401 / 503 answers: 200 (default, a guess: Codelayer does not document it) or the e itself. */
	failureHttpStatus?: 200 | 'e';
	/** How many times the seeded quantities the van is loaded with each day (default 1): room for days of thousands of sales. */
	loadFactor?: number;
	/** A key and certificate: both servers serve HTTPS instead of HTTP (default HTTP). */
	tls?: SandboxTls;
}

/** The route day as a test sees it. */
export interface RouteDaySnapshot {
	gpFyear: string;
	salesClosed: boolean;
	routeClosed: boolean;
	/** Documents saved today. */
	sales: number;
	returns: number;
	transfers: number;
}

export interface CodelayerSandbox {
	/** The API server, e.g. 'http://127.0.0.1:43121' (no trailing slash; https:// with the tls option). */
	readonly url: string;
	/** The licence server (no trailing slash). */
	readonly licenseUrl: string;
	readonly users: readonly CodelayerUser[];
	/** The app and client IDs the licence server knows (the documentation's samples). */
	readonly licence: { readonly appID: string; readonly clientID: string };
	readonly stats: CodelayerSandboxStats;
	readonly faults: CodelayerFaultInjector;
	readonly day: RouteDaySnapshot;
	/** The last position Device Location reported. */
	readonly lastLocation: DeviceLocation | undefined;
	/** A new day on the road: the next gatepass (4_19 → 5_19), nothing saved yet, the van loaded again. Returns the new gp_fyear. */
	startNewDay(): string;
	/** Drops every key now: the next keyed call gets e 401. */
	expireKeys(): void;
	/** Every key system/auth issued since the start or the last reset (dead ones included). */
	issuedKeys(): readonly string[];
	/** The back office cancels a sale of the day (by the slno Route Save answered) or changes its values; the report shows it. */
	changeSale(slno: number, change: 'cancel' | Partial<Pick<SaleDocument, 'salemode' | 'paymentmode' | 'cashreceived' | 'specialdisc'>>): void;
	/** The licensing side's decision on a device (registering it if needed). */
	setDeviceStatus(imei: string, status: DeviceStatus, appID?: string): void;
	/** Sends a notification to a device; returns its entryId. */
	notify(deviceid: string, messageText: string): string;
	/** Reseeds everything and clears keys, stats and faults (tests call it in beforeEach). */
	reset(): void;
	close(): Promise<void>;
}

const HALF_HOUR_SECONDS = 30 * 60;

/** The server's time stamps: India Standard Time (UTC+5:30), where Codelayer's servers and devices are. */
const IST_OFFSET_MS = 5.5 * 60 * 60 * 1000;

export async function startCodelayerSandbox(options: CodelayerSandboxOptions = {}): Promise<CodelayerSandbox> {
	checkHandlers();
	const clock = options.clock ?? SYSTEM_CLOCK;
	const now = () => new Date(clock.now() + IST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
	const loadFactor = options.loadFactor ?? 1;
	const context: ServerContext = {
		state: new CodelayerState(now, loadFactor),
		licences: new LicenceRegistry(),
		keys: new KeyStore((options.keyIdleSeconds ?? HALF_HOUR_SECONDS) * 1000, clock),
		users: options.users ?? SAMPLE_USERS,
		stats: new CodelayerStats(),
		apiUrl: '',
		clock,
		faults: codelayerFaultRules(),
		failureHttpStatus: options.failureHttpStatus ?? 200,
	};
	const reset = () => {
		context.state = new CodelayerState(now, loadFactor);
		context.licences = new LicenceRegistry();
		context.keys.clear();
		context.keys.forgetIssued();
		context.stats.reset();
		context.faults.clear();
	};
	const controls = {
		'new-day': () => ({ gp_fyear: context.state.startNewDay() }),
		'expire-keys': () => ({ expired: context.keys.clear() }),
		reset: () => {
			reset();
			return { reset: true };
		},
	};
	const log = options.log;
	const api = createCodelayerServer('api', context, log, controls, options.tls);
	const licence = createCodelayerServer('license', context, log && ((line) => log(`licence ${line}`)), undefined, options.tls);
	const url = await listen(api, options.port, options.host);
	context.apiUrl = url;
	const licenseUrl = await listen(licence, options.licensePort, options.host).catch(async (error: unknown) => {
		await closeServer(api);
		throw error;
	});
	return {
		url,
		licenseUrl,
		users: context.users,
		licence: { appID: LICENCE.appID, clientID: LICENCE.clientID },
		stats: context.stats,
		faults: context.faults,
		get day() {
			const { day } = context.state;
			return { gpFyear: day.gpFyear, salesClosed: day.salesClosed, routeClosed: day.routeClosed, sales: day.sales.length, returns: day.returns.length, transfers: day.transfers.length };
		},
		get lastLocation() {
			const last = context.state.device.locations.at(-1);
			return last && { ...last };
		},
		startNewDay: () => context.state.startNewDay(),
		expireKeys: () => void context.keys.clear(),
		issuedKeys: () => context.keys.issued(),
		changeSale: (slno, change) => context.state.changeSale(slno, change),
		setDeviceStatus: (imei, status, appID) => context.licences.setStatus(imei, status, appID),
		notify: (deviceid, messageText) => String(context.state.device.notify(deviceid, messageText).entryId),
		reset,
		close: async () => {
			await Promise.all([closeServer(api), closeServer(licence)]);
		},
	};
}
