import type { AddressInfo } from 'node:net';
import { seedDemoIfEmpty } from '$lib/demo/seed-demo.server';
import { migrateDatabase, openDatabase, type Database } from '$lib/server/db/database';
import { setRuntime, systemClock, type Clock } from '$lib/server/runtime';
import { ensureTaxonomies } from '$lib/taxonomy/taxonomy-repo.server';
import { adapterEnvironment, DIRECT_PROTOCOL_HEADER, type ServerConfig } from './config';
import { createHttpHost, type RequestHandler } from './http';

export interface RunningApp {
	url: string;
	database: Database;
	/** True when this start loaded the demo plan. */
	demoLoaded: boolean;
	stop(): Promise<void>;
}

/**
 * Prepares the database (migrations, regional taxonomy, demo plan), hands the
 * runtime to SvelteKit and starts listening. The order matters: the handler must
 * never see a database that is not migrated.
 */
export async function startApp(
	config: ServerConfig,
	loadHandler: () => Promise<RequestHandler>,
	clock: Clock = systemClock
): Promise<RunningApp> {
	const database = prepareDatabase(config);
	const demoLoaded = config.demoData ? await seedDemoIfEmpty(database, clock.now()) : false;
	setRuntime({
		database,
		clock,
		secureCookies: config.origin?.startsWith('https:') ?? false
	});
	const adapterEnv = adapterEnvironment(config);
	Object.assign(process.env, adapterEnv);
	const stamp =
		adapterEnv.PROTOCOL_HEADER === DIRECT_PROTOCOL_HEADER ? DIRECT_PROTOCOL_HEADER : undefined;
	const host = createHttpHost(await loadHandler(), [], stamp);
	await new Promise<void>((resolve, reject) => {
		host.server.once('error', reject);
		host.server.listen(config.port, config.host, () => resolve());
	});
	const { port } = host.server.address() as AddressInfo;
	let stopping: Promise<void> | undefined;
	return {
		url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
		database,
		demoLoaded,
		stop: () =>
			(stopping ??= host.close(config.shutdownTimeoutMs).then(() => {
				setRuntime(undefined);
				database.close();
			}))
	};
}

export function prepareDatabase(config: ServerConfig): Database {
	const database = openDatabase(config.databasePath);
	migrateDatabase(database, config.migrationsDir);
	ensureTaxonomies(database.db);
	return database;
}
