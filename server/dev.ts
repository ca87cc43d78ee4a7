import type { Server } from 'node:http';
import { seedDemoIfEmpty } from '$lib/demo/seed-demo.server';
import { setRuntime, systemClock } from '$lib/server/runtime';
import { prepareDatabase } from './app';
import { readConfig } from './config';

/** `vite dev`: the same runtime as production, on Vite's own HTTP server. */
export async function startDevRuntime(_httpServer: Server | null): Promise<void> {
	const config = readConfig(process.env, process.cwd());
	const database = prepareDatabase(config);
	if (config.demoData) await seedDemoIfEmpty(database, Date.now());
	setRuntime({ database, clock: systemClock, secureCookies: false });
}
