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
	/** Behind a reverse proxy: take protocol, host and client address from X-Forwarded-*. */
	trustProxy: boolean;
	migrationsDir: string;
	shutdownTimeoutMs: number;
	/** Test servers: a file that gets a line for every 500 answered (scripts/test-all.js fails on any). */
	unexpectedLog?: string;
}

const envShape = z.object({
	HOST: z.string().min(1).default('0.0.0.0'),
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	DATABASE_PATH: z.string().min(1).default('./data/tavoli.db'),
	TAVOLI_DEMO: z.enum(['0', '1']).default('1'),
	ORIGIN: z.url().optional(),
	TAVOLI_TRUST_PROXY: z.enum(['0', '1']).default('0'),
	SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
	TAVOLI_UNEXPECTED_LOG: z.string().min(1).optional()
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
		trustProxy: e.TAVOLI_TRUST_PROXY === '1',
		migrationsDir: resolve(projectRoot, 'drizzle'),
		shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
		unexpectedLog: e.TAVOLI_UNEXPECTED_LOG
	};
}

/** Header our own HTTP server stamps on every request it receives directly. */
export const DIRECT_PROTOCOL_HEADER = 'x-tavoli-protocol';

/**
 * The settings SvelteKit's adapter-node reads from the environment when its
 * handler loads. Without them it assumes https, and every form post served over
 * plain http (a laptop in a meeting room) would fail its CSRF origin check.
 */
export function adapterEnvironment(config: ServerConfig): Record<string, string> {
	if (config.origin) return { ORIGIN: config.origin };
	if (config.trustProxy) {
		return {
			PROTOCOL_HEADER: 'x-forwarded-proto',
			HOST_HEADER: 'x-forwarded-host',
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		};
	}
	return { PROTOCOL_HEADER: DIRECT_PROTOCOL_HEADER };
}
