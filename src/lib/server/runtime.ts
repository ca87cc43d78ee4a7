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
}

const key = Symbol.for('tavoli.runtime');
type Holder = { [key]?: Runtime };

export function setRuntime(runtime: Runtime | undefined): void {
	(globalThis as Holder)[key] = runtime;
}

export function getRuntime(): Runtime {
	const runtime = (globalThis as Holder)[key];
	if (!runtime) throw new Error('Tavoli runtime not initialised: start the app through server/');
	return runtime;
}
