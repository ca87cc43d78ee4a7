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
	// The server build puts the writer thread's file beside this one (vite.server.config.ts).
	const app = await startApp(config, loadHandler, {
		writerScript: new URL('./sqlite-writer.js', import.meta.url)
	});
	printBanner(app);
	stopOnSignals(app);
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
