import type { AddressInfo } from 'node:net';
import { BoardHub } from '$lib/board/board-hub.server';
import { BoardWriterStore } from '$lib/board/board-writer-store.server';
import { boardPolicies } from '$lib/live-session/board-policies';
import { todayInRome } from '$lib/meeting/meeting';
import { seedDemoIfEmpty } from '$lib/demo/seed-demo.server';
import { migrateDatabase, openDatabase, type Database } from '$lib/server/db/database';
import { setRuntime, systemClock, type Clock } from '$lib/server/runtime';
import { ensureTaxonomies } from '$lib/taxonomy/taxonomy-repo.server';
import { adapterEnvironment, DIRECT_PROTOCOL_HEADER, type ServerConfig } from './config';
import { createHttpHost, type RequestHandler } from './http';
import { createLiveApi, type LiveApi } from './live-api';
import { createSyncUpgrade } from './sync';

export interface RunningApp {
	url: string;
	database: Database;
	hub: BoardHub;
	/** True when this start loaded the demo plan. */
	demoLoaded: boolean;
	/** The live path in front of SvelteKit (ballots, cards). */
	live: LiveApi;
	stop(): Promise<void>;
}

export interface StartOptions {
	clock?: Clock;
	/**
	 * The SQLite writer thread's file: board commits run there, off the event
	 * loop (docs/ARCHITECTURE.md). Without it they run on the event loop.
	 */
	writerScript?: URL;
}

/**
 * Prepares the database (migrations, regional taxonomy, demo plan), hands the
 * runtime to SvelteKit, and starts listening with the sync websocket on the same
 * port. The order matters: nothing may see a database that is not migrated.
 */
export async function startApp(
	config: ServerConfig,
	loadHandler: () => Promise<RequestHandler>,
	{ clock = systemClock, writerScript }: StartOptions = {}
): Promise<RunningApp> {
	const database = prepareDatabase(config);
	const demoLoaded = config.demoData ? await seedDemoIfEmpty(database, clock.now()) : false;
	const store = writerScript ? new BoardWriterStore(database.db, writerScript) : undefined;
	const hub = new BoardHub(database.db, clock, boardPolicies, store);
	hub.warmUp(todayInRome(clock.now()));
	setRuntime({
		database,
		clock,
		boards: hub,
		secureCookies: config.origin?.startsWith('https:') ?? false,
		unexpectedLog: config.unexpectedLog
	});
	const adapterEnv = adapterEnvironment(config);
	Object.assign(process.env, adapterEnv);
	const stamp =
		adapterEnv.PROTOCOL_HEADER === DIRECT_PROTOCOL_HEADER ? DIRECT_PROTOCOL_HEADER : undefined;
	const sync = createSyncUpgrade({ db: database.db, clock, hub, origin: config.origin });
	const live = createLiveApi({
		db: database.db,
		clock,
		origin: config.origin,
		trustProxy: config.trustProxy
	});
	const svelteKit = await loadHandler();
	const host = createHttpHost(
		(req, res, next) => live.handle(req, res, () => svelteKit(req, res, next)),
		[sync.handle],
		stamp
	);
	await new Promise<void>((resolve, reject) => {
		host.server.once('error', reject);
		host.server.listen(config.port, config.host, () => resolve());
	});
	const { port } = host.server.address() as AddressInfo;
	let stopping: Promise<void> | undefined;
	return {
		url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
		database,
		hub,
		demoLoaded,
		live,
		stop: () =>
			(stopping ??= (async () => {
				const closing = host.close(config.shutdownTimeoutMs);
				hub.close();
				await store?.close();
				sync.close();
				await closing;
				setRuntime(undefined);
				database.close();
			})())
	};
}

export function prepareDatabase(config: ServerConfig): Database {
	const database = openDatabase(config.databasePath);
	migrateDatabase(database, config.migrationsDir);
	ensureTaxonomies(database.db);
	return database;
}
