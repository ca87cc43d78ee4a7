import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only place that reads process.env. Everything else gets what it needs from
 * this object, so a test can start the app with any settings side by side.
 */
export interface ServerConfig {
	host: string;
	port: number;
	databasePath: string;
	/** Load the demo plan into an empty database. */
	demoData: boolean;
	/** Public origin (https://tavoli.example.org) when behind a proxy; else from the Host header. */
	origin: string | undefined;
	migrationsDir: string;
	shutdownTimeoutMs: number;
}

const envShape = z.object({
	HOST: z.string().min(1).default('0.0.0.0'),
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	DATABASE_PATH: z.string().min(1).default('./data/tavoli.db'),
	TAVOLI_DEMO: z.enum(['0', '1']).default('1'),
	ORIGIN: z.url().optional(),
	SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000)
});

export function readConfig(env: NodeJS.ProcessEnv, projectRoot: string): ServerConfig {
	const parsed = envShape.safeParse(env);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
	}
	const e = parsed.data;
	return {
		host: e.HOST,
		port: e.PORT,
		databasePath:
			e.DATABASE_PATH === ':memory:' ? e.DATABASE_PATH : resolve(projectRoot, e.DATABASE_PATH),
		demoData: e.TAVOLI_DEMO === '1',
		origin: e.ORIGIN,
		migrationsDir: resolve(projectRoot, 'drizzle'),
		shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS
	};
}
