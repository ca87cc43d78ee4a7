import type { Server } from 'node:http';
import { BoardHub } from '$lib/board/board-hub.server';
import { boardPolicies } from '$lib/live-session/board-policies';
import { seedDemoIfEmpty } from '$lib/demo/seed-demo.server';
import { setRuntime, systemClock } from '$lib/server/runtime';
import { prepareDatabase } from './app';
import { readConfig } from './config';
import { createSyncUpgrade } from './sync';

/**
 * `vite dev`: the same runtime as production on Vite's own HTTP server, with the
 * sync websocket beside Vite's HMR socket (upgrades that are not /sync/... are
 * left to Vite).
 */
export async function startDevRuntime(httpServer: Server | null): Promise<void> {
	const config = readConfig(process.env, process.cwd());
	const database = prepareDatabase(config);
	if (config.demoData) await seedDemoIfEmpty(database, Date.now());
	const hub = new BoardHub(database.db, systemClock, boardPolicies);
	setRuntime({ database, clock: systemClock, boards: hub, secureCookies: false });
	if (!httpServer) return;
	const sync = createSyncUpgrade({ db: database.db, clock: systemClock, hub, origin: undefined });
	httpServer.on('upgrade', (req, socket, head) => {
		sync.handle(req, socket, head);
	});
}
