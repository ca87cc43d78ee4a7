// The plenary and evening scenarios: boards full of participants writing,
// clustering and watching presence while a facilitator changes phase, run the
// same way against our server and the reference.
import { diskGrowth, measureTraffic, now, sleep } from './measure.js';
import { boardStorage, peakRssMb } from './servers.js';
import { timeFirstSync } from './sync-probe.js';
import { personOf, tavoliApi } from './tavoli-api.js';
import { session } from './traffic.js';

/** @typedef {import('./load.js').ClientSpec} ClientSpec */
/** @typedef {import('./servers.js').RunningServer} RunningServer */
/**
 * @typedef {{ boards: number; clientsPerBoard: number; durationMs: number; seed: number }} WorkshopShape
 * `clientsPerBoard` counts the facilitator's client too.
 * @typedef {{ rooms: string[]; clients: ClientSpec[]; facilitatorCookie: string | null;
 *   joinCodes: string[] }} Setup
 */

/**
 * Our server: the UdP opens one board per demo incontro, participants join with
 * the code (their participant id becomes the cards' author), the UdP's own
 * client is the facilitator.
 * @param {RunningServer} server @param {WorkshopShape} shape @returns {Promise<Setup>}
 */
export async function setUpOurs(server, shape) {
	const api = tavoliApi(server.origin);
	const cookie = await api.loginAdmin();
	const meetings = (await api.meetings(cookie)).sort((a, b) => a.id - b.id).slice(0, shape.boards);
	if (meetings.length < shape.boards)
		throw new Error(`the demo has only ${meetings.length} incontri`);
	const opened = [];
	for (const m of meetings) opened.push(await api.openBoard(cookie, m.id));
	/** @type {ClientSpec[]} */
	const clients = [];
	for (const [board, { boardId, joinCode }] of opened.entries()) {
		clients.push(facilitatorOf(clients.length, board, boardId, cookie));
		for (let i = 1; i < shape.clientsPerBoard; i += 8) {
			const ids = Array.from(
				{ length: Math.min(8, shape.clientsPerBoard - i) },
				(_, k) => clients.length + k
			);
			const joined = await Promise.all(
				ids.map((id) => api.join(joinCode, personOf(id).name, personOf(id).organization))
			);
			for (const [k, j] of joined.entries()) {
				clients.push({
					id: /** @type {number} */ (ids[k]),
					board,
					room: boardId,
					role: 'participant',
					...j
				});
			}
		}
	}
	return {
		rooms: opened.map((o) => o.boardId),
		clients,
		facilitatorCookie: cookie,
		joinCodes: opened.map((o) => o.joinCode)
	};
}

/** The reference: the same clients and scripts, rooms by name, no accounts. @param {string} name @param {WorkshopShape} shape @returns {Setup} */
export function setUpReference(name, shape) {
	const rooms = Array.from({ length: shape.boards }, (_, b) => `bench-${name}-${b}`);
	/** @type {ClientSpec[]} */
	const clients = [];
	for (const [board, room] of rooms.entries()) {
		clients.push(facilitatorOf(clients.length, board, room, null));
		for (let i = 1; i < shape.clientsPerBoard; i++) {
			const id = clients.length;
			clients.push({ id, board, room, role: 'participant', cookie: null, participantId: `p${id}` });
		}
	}
	return { rooms, clients, facilitatorCookie: null, joinCodes: [] };
}

/** @param {number} id @param {number} board @param {string} room @param {string | null} cookie @returns {ClientSpec} */
function facilitatorOf(id, board, room, cookie) {
	return { id, board, room, role: 'facilitator', cookie, participantId: `f${id}` };
}

/**
 * On our server phases are commands (SQLite first, then the document's mirror):
 * the facilitator opens clustering to participants, then moves on to voting.
 * @param {RunningServer} server @param {Setup} setup @param {number} startAt @param {number} durationMs
 */
async function drivePhases(server, setup, startAt, durationMs) {
	const api = tavoliApi(server.origin);
	const cookie = /** @type {string} */ (setup.facilitatorCookie);
	await sleep(startAt + durationMs * session.clusterOpen - now());
	for (const boardId of setup.rooms) {
		await api.command(cookie, boardId, 'settings', { participantsCanCluster: true });
		await api.command(cookie, boardId, 'phase', { phase: 'cluster' });
	}
	await sleep(startAt + durationMs * session.close - now());
	for (const boardId of setup.rooms) await api.command(cookie, boardId, 'phase', { phase: 'vote' });
}

/**
 * Runs one workshop scenario against one server and measures it; stops the server.
 * @param {RunningServer} server @param {Setup} setup @param {WorkshopShape} shape
 */
export async function runWorkshop(server, setup, shape) {
	const ours = server.kind === 'ours';
	/** @type {import('./load.js').Plan} */
	const plan = {
		mode: 'workshop',
		seed: shape.seed,
		durationMs: shape.durationMs,
		metaInDoc: !ours
	};
	const { load, ...measured } = await measureTraffic(server, setup.clients, plan, {
		clientsPerBoard: Array.from({ length: shape.boards }, () => shape.clientsPerBoard),
		alongside: ours ? (startAt) => drivePhases(server, setup, startAt, shape.durationMs) : undefined
	});
	const firstSyncMs = await lateJoiner(server, setup, measured.results);
	await load.close();
	const peak = peakRssMb(server.pid);
	await server.stop();
	return {
		...measured,
		peakRssMb: peak,
		firstSyncMs,
		diskBytes: diskGrowth(server, measured.diskBefore),
		storage: server.dbPath ? boardStorage(server.dbPath) : null
	};
}

/**
 * Someone arriving after the session: time to a full sync of the first board.
 * @param {RunningServer} server @param {Setup} setup @param {import('./load.js').WorkerResult[]} results
 */
async function lateJoiner(server, setup, results) {
	const cards = Math.max(
		...results.flatMap((r) => r.boards.filter((b) => b.board === 0).map((b) => b.cards))
	);
	const cookie =
		server.kind === 'ours'
			? (await tavoliApi(server.origin).join(setup.joinCodes[0] ?? '', 'Ultimo Arrivato', ''))
					.cookie
			: null;
	const room = /** @type {string} */ (setup.rooms[0]);
	return timeFirstSync({ serverUrl: server.serverUrl, room, cookie, origin: server.origin, cards });
}
