import type { BoardHub } from '$lib/board/board-hub.server';
import type { Database } from './db/database';

/** Wall-clock source; tests pass a fixed one. */
export interface Clock {
	now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/**
 * What the SvelteKit app needs from the process that hosts it. server/ builds it
 * once and hands it over before the first request; the SvelteKit bundle and the
 * server bundle are separate module graphs, so the handover goes through a
 * well-known global symbol rather than a module variable.
 */
export interface Runtime {
	database: Database;
	clock: Clock;
	/** True when the public origin is https: cookies then carry Secure. */
	secureCookies: boolean;
	/** The live boards in memory, shared by the sync socket and the HTTP commands. */
	boards: BoardHub;
	/** Test servers: where every 500 is also written (config.unexpectedLog). */
	unexpectedLog?: string;
}

const key = Symbol.for('tavoli.runtime');
type Holder = { [key]?: Runtime };

export function setRuntime(runtime: Runtime | undefined): void {
	(globalThis as Holder)[key] = runtime;
}

/** The runtime, or undefined before server/ hands it over (for error reporting, which must not throw). */
export function currentRuntime(): Runtime | undefined {
	return (globalThis as Holder)[key];
}

export function getRuntime(): Runtime {
	const runtime = currentRuntime();
	if (!runtime) throw new Error('Tavoli runtime not initialised: start the app through server/');
	return runtime;
}
