// The measured window of every run, the same for both servers: clients are
// connected and synced before it opens; it closes when every client holds every
// update. Server CPU is read from /proc around it; our SQLite file is
// checkpointed before it, so its growth afterwards is what the traffic added.
import { loadavg } from 'node:os';
import { drain, propagation, startLoad } from './load.js';
import { boardStorage, checkpoint, cpuSince, cpuTime, sqliteBytes } from './servers.js';

/** @typedef {import('./load.js').ClientSpec} ClientSpec */
/** @typedef {import('./load.js').Plan} Plan */
/** @typedef {import('./servers.js').RunningServer} RunningServer */

/** A wall-clock time in ms, comparable across worker threads. */
export const now = () => performance.timeOrigin + performance.now();
/** @param {number} ms */
export const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/**
 * Connects `clients`, plays their scripts (while `alongside` runs, e.g. the
 * facilitator's commands) and measures the server meanwhile. The clients stay
 * connected; the caller closes them.
 * @param {RunningServer} server @param {ClientSpec[]} clients @param {Plan} plan
 * @param {{ clientsPerBoard: number[]; alongside?: (startAt: number) => Promise<void> }} options
 */
export async function measureTraffic(server, clients, plan, { clientsPerBoard, alongside }) {
	const load = await startLoad(
		{ serverUrl: server.serverUrl, origin: server.origin, plan },
		clients
	);
	if (server.dbPath) checkpoint(server.dbPath);
	const diskBefore = server.dbPath ? sqliteBytes(server.dbPath) : 0;
	const storageBefore = server.dbPath ? boardStorage(server.dbPath) : null;
	await sleep(1000);
	const cpuBefore = cpuTime(server.pid);
	const loadBefore = loadavg()[0] ?? 0;
	const startAt = now() + 300;
	await Promise.all([load.play(startAt), alongside?.(startAt)]);
	const converged = await drain(load, 60_000);
	const cpu = cpuSince(server.pid, cpuBefore);
	const machineLoad = [loadBefore, loadavg()[0] ?? 0];
	const results = await load.results();
	return {
		load,
		results,
		converged,
		cpu,
		machineLoad,
		diskBefore,
		storageBefore,
		propagation: propagation(results, clientsPerBoard)
	};
}

/** What our SQLite file grew by since `diskBefore` (the server must be stopped). @param {RunningServer} server @param {number} diskBefore */
export function diskGrowth(server, diskBefore) {
	return server.dbPath ? sqliteBytes(server.dbPath) - diskBefore : null;
}
