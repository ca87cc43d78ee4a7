import { availableParallelism } from 'node:os';
import { like } from 'drizzle-orm';
import { users } from '$lib/auth/auth.schema';
import { demoPassword } from '$lib/demo/demo-plan';
import { startApp, type RunningApp } from './app';
import { runUserAdd } from './cli/user-add';
import { readConfig } from './config';
import type { RequestHandler } from './http';

export interface MainOptions {
	projectRoot: string;
	argv: string[];
	loadHandler: () => Promise<RequestHandler>;
}

/** Production entry, reached through server/index.js once the build is in place. */
export async function main({ projectRoot, argv, loadHandler }: MainOptions): Promise<void> {
	const config = readConfig(process.env, projectRoot);
	const [command, ...rest] = argv;
	if (command === 'user:add') {
		process.exitCode = await runUserAdd(rest, config);
		return;
	}
	if (command !== undefined) throw new Error(`Unknown command: ${command}`);
	const app = await startApp(config, loadHandler, { writerScript: writerScript() });
	printBanner(app);
	stopOnSignals(app);
}

/**
 * The SQLite writer thread's file (the server build puts it beside this one,
 * vite.server.config.ts), when the process may run on two cores or more. The
 * thread overlaps a commit's fsync with the event loop's work; confined to one
 * core (a container's CPU set, `taskset`) it can only take turns with the event
 * loop for that core, and every commit's answer waits for the scheduler: the cold
 * board's p95 measured ×9.8 of the reference with it, ×1.6 without
 * (docs/PERFORMANCE.md). `availableParallelism` counts the cores this process may
 * use (sched_getaffinity), not the machine's.
 */
function writerScript(): URL | undefined {
	if (availableParallelism() < 2) return undefined;
	return new URL('./sqlite-writer.js', import.meta.url);
}

function printBanner(app: RunningApp): void {
	console.log(`Tavoli is running at ${app.url}`);
	const demo = app.database.db
		.select({ email: users.email, role: users.role })
		.from(users)
		.where(like(users.email, '%@demo.local'))
		.all();
	if (demo.length === 0) return;
	console.log(`Demo log-ins (password "${demoPassword}"):`);
	for (const u of demo) console.log(`  ${u.role.padEnd(12)} ${u.email}`);
}

/** SIGTERM/SIGINT: finish the requests under way, close the database, exit. */
function stopOnSignals(app: RunningApp): void {
	const stop = (signal: string) => {
		console.log(`${signal} received: finishing requests under way, then stopping.`);
		app.stop().then(
			() => process.exit(0),
			(err: unknown) => {
				console.error('Shutdown failed', err);
				process.exit(1);
			}
		);
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
}
