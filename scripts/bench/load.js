// The load generator seen from the main thread: clients spread over worker
// threads (one per core), started together on a shared wall clock, and their
// records merged into propagation latencies.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * @typedef {{ id: number; board: number; room: string; cookie: string | null; participantId: string;
 *   role: 'participant' | 'facilitator'; updates?: Uint8Array[] }} ClientSpec
 * `board` indexes the boards of the scenario; `room` is what the provider joins.
 * `windowMs` (the cost curve) plays only the script's first `windowMs`: the
 * workshop's pace, a shorter run.
 * @typedef {| { mode: 'workshop'; seed: number; durationMs: number; metaInDoc: boolean; windowMs?: number }
 *   | { mode: 'writer'; seed: number; cards: number; editsPerCard: number; intervalMs: number }
 *   | { mode: 'replay'; intervalMs: number }} Plan
 * @typedef {{ serverUrl: string; origin: string; clients: ClientSpec[]; plan: Plan }} WorkerInput
 * @typedef {{ sends: Float64Array; recvKeys: Float64Array; recvCounts: Float64Array; recvMax: Float64Array;
 *   updatesSent: number; presenceSent: number; untracked: number; skipped: Record<string, number>;
 *   closed: string[]; disconnects: number; loopDelayP99Ms: number; loopDelayMaxMs: number; lateP99Ms: number;
 *   utilization: number;
 *   boards: { board: number; stateBytes: number; state: Uint8Array; cards: number }[];
 *   recorded: { id: number; updates: Uint8Array[] }[] }} WorkerResult
 * @typedef {{ latencies: number[]; tracked: number; undelivered: number }} Propagation
 */

const workerUrl = new URL('./worker.js', import.meta.url);

/**
 * Asks a worker for something; it answers with a message of the same type.
 * @param {Worker} worker @param {string} type @param {Record<string, unknown>} [extra] @returns {Promise<any>}
 */
function request(worker, type, extra = {}) {
	const reply = replyOf(worker, type);
	worker.postMessage({ type, ...extra });
	return reply;
}

/** @param {Worker} worker @param {string} type @returns {Promise<any>} */
function replyOf(worker, type) {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => done(new Error(`load worker: no '${type}' in 10 minutes`)),
			600_000
		);
		/** @param {{ type: string; message?: string }} message */
		const onMessage = (message) => {
			if (message.type === 'error') done(new Error(`load worker: ${message.message}`));
			else if (message.type === type) done(null, message);
		};
		/** @param {Error | null} err @param {unknown} [value] */
		const done = (err, value) => {
			clearTimeout(timer);
			worker.off('message', onMessage);
			worker.off('error', done);
			if (err) reject(err);
			else resolve(value);
		};
		worker.on('message', onMessage);
		worker.on('error', done);
	});
}

/**
 * Starts the clients (round-robin over the workers) and resolves once every
 * one of them has synced.
 * @param {Omit<WorkerInput, 'clients'>} base @param {ClientSpec[]} clients
 */
export async function startLoad(base, clients) {
	const count = Math.min(availableParallelism(), Math.max(1, clients.length));
	const workers = Array.from({ length: count }, (_, w) => {
		/** @type {WorkerInput} */
		const workerData = { ...base, clients: clients.filter((_, i) => i % count === w) };
		return new Worker(workerUrl, { workerData });
	});
	await Promise.all(workers.map((w) => replyOf(w, 'ready')));
	return {
		/** Plays the scripts from wall-clock time `at`; resolves when every action has been played. */
		play: (/** @type {number} */ at) =>
			Promise.all(workers.map((w) => request(w, 'start', { at }))),
		/** True when, on every board, every client holds the same state vector. */
		converged: async () => {
			const replies = await Promise.all(workers.map((w) => request(w, 'stateVectors')));
			/** @type {Map<number, Set<string>>} */
			const byBoard = new Map();
			for (const r of replies)
				for (const v of /** @type {{ board: number; sv: string }[]} */ (r.vectors))
					byBoard.set(v.board, (byBoard.get(v.board) ?? new Set()).add(v.sv));
			return [...byBoard.values()].every((set) => set.size === 1);
		},
		/** @returns {Promise<WorkerResult[]>} */
		results: async () =>
			(await Promise.all(workers.map((w) => request(w, 'results')))).map((r) => r.result),
		close: async () => {
			await Promise.all(workers.map((w) => request(w, 'close')));
			await Promise.all(workers.map((w) => w.terminate()));
		}
	};
}

/**
 * Waits until every client has every update (or `timeoutMs` passes).
 * @param {{ converged(): Promise<boolean> }} load @param {number} timeoutMs @returns {Promise<boolean>}
 */
export async function drain(load, timeoutMs) {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (await load.converged()) return true;
		await new Promise((r) => setTimeout(r, 100));
	}
	return false;
}

/**
 * For every tracked update: the time from its sending until the last of the
 * other clients of its board had it. An update some client never got counts as
 * undelivered.
 * @param {WorkerResult[]} results @param {number[]} clientsPerBoard @returns {Propagation}
 */
export function propagation(results, clientsPerBoard) {
	/** @type {Map<number, { n: number; max: number }>} */
	const received = new Map();
	for (const r of results) {
		for (let i = 0; i < r.recvKeys.length; i++) {
			const key = /** @type {number} */ (r.recvKeys[i]);
			const seen = received.get(key) ?? { n: 0, max: 0 };
			seen.n += /** @type {number} */ (r.recvCounts[i]);
			seen.max = Math.max(seen.max, /** @type {number} */ (r.recvMax[i]));
			received.set(key, seen);
		}
	}
	/** @type {number[]} */
	const latencies = [];
	let tracked = 0;
	for (const r of results) {
		for (let i = 0; i < r.sends.length; i += 3) {
			const [key, sentAt, boardIndex] = [r.sends[i], r.sends[i + 1], r.sends[i + 2]];
			const expected = (clientsPerBoard[/** @type {number} */ (boardIndex)] ?? 1) - 1;
			if (expected < 1) continue;
			tracked++;
			const seen = received.get(/** @type {number} */ (key));
			if (seen && seen.n >= expected) latencies.push(seen.max - /** @type {number} */ (sentAt));
		}
	}
	return { latencies, tracked, undelivered: tracked - latencies.length };
}
