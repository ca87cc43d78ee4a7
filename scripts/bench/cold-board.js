// The cold-board scenario: a board of 2,000 cards built from 20,000 updates by
// 40 writers (50 cards each, one update every 30 ms per writer, under the bounds
// per participant), then the time a newcomer needs for a full first sync. On our
// server the board is stored and the server restarted; the board, today's,
// is loaded from SQLite at start, before the first newcomer; the reference gets
// the same updates replayed into its memory.
import { diskGrowth, measureTraffic } from './measure.js';
import { boardStorage, peakRssMb, startOurs } from './servers.js';
import { timeFirstSync } from './sync-probe.js';
import { personOf, tavoliApi } from './tavoli-api.js';

/** @typedef {import('./load.js').ClientSpec} ClientSpec */
/** @typedef {import('./load.js').WorkerResult} WorkerResult */
/** @typedef {import('./servers.js').RunningServer} RunningServer */
/** @typedef {{ writers: number; cards: number; editsPerCard: number; intervalMs: number; seed: number }} ColdShape */

/**
 * Ours: writers join and fill the board through the real server, which is then
 * stopped (compacting the board) and started again on the same database.
 * @param {string} dbPath @param {ColdShape} shape
 */
export async function coldOurs(dbPath, shape) {
	const server = await startOurs(dbPath);
	const api = tavoliApi(server.origin);
	const cookie = await api.loginAdmin();
	// Today's convened incontro: after the restart its board is one the server
	// loads at start (today's open boards, docs/ARCHITECTURE.md), as in a real
	// restart during a session.
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
	const meetings = /** @type {{ id: number; date: string; status: string }[]} */ (
		await api.meetings(cookie)
	);
	const meeting = meetings.find((m) => m.date === today && m.status === 'convened');
	if (!meeting) throw new Error(`The demo plan has no incontro convened today (${today})`);
	const { boardId, joinCode } = await api.openBoard(cookie, meeting.id);
	/** @type {ClientSpec[]} */
	const clients = [];
	for (let id = 0; id < shape.writers; id++) {
		const joined = await api.join(joinCode, personOf(id).name, personOf(id).organization);
		clients.push({ id, board: 0, room: boardId, role: 'participant', ...joined });
	}
	const cardsPerWriter = shape.cards / shape.writers;
	const plan = {
		mode: /** @type {const} */ ('writer'),
		seed: shape.seed,
		cards: cardsPerWriter,
		editsPerCard: shape.editsPerCard,
		intervalMs: shape.intervalMs
	};
	const { load, ...filled } = await measureTraffic(server, clients, plan, {
		clientsPerBoard: [clients.length]
	});
	await load.close();
	const peakWriting = peakRssMb(server.pid);
	await server.stop();
	const diskBytes = diskGrowth(server, filled.diskBefore);
	const storage = boardStorage(dbPath);

	const restarted = await startOurs(dbPath);
	const probe = async (/** @type {string} */ name) => {
		const { cookie: guest } = await tavoliApi(restarted.origin).join(joinCode, name, '');
		const target = { serverUrl: restarted.serverUrl, room: boardId, origin: restarted.origin };
		return timeFirstSync({ ...target, cookie: guest, cards: shape.cards });
	};
	const firstSyncMs = await probe('Prima Dopo Il Riavvio');
	const warmSyncMs = await probe('Seconda Dopo Il Riavvio');
	const peakRss = Math.max(peakWriting, peakRssMb(restarted.pid));
	await restarted.stop();
	return { ...filled, peakRssMb: peakRss, diskBytes, storage, firstSyncMs, warmSyncMs };
}

/**
 * The reference: the same writers' recorded updates, replayed in order at the
 * same pace, then a newcomer syncs from its memory.
 * @param {RunningServer} server @param {WorkerResult[]} written @param {ColdShape} shape
 */
export async function coldReference(server, written, shape) {
	const recorded = written.flatMap((r) => r.recorded).sort((a, b) => a.id - b.id);
	/** @type {ClientSpec[]} */
	const clients = recorded.map(({ id, updates }) => ({
		id,
		board: 0,
		room: 'bench-cold-0',
		role: 'participant',
		cookie: null,
		participantId: `p${id}`,
		updates
	}));
	const { load, ...filled } = await measureTraffic(
		server,
		clients,
		{ mode: 'replay', intervalMs: shape.intervalMs },
		{ clientsPerBoard: [clients.length] }
	);
	await load.close();
	const target = {
		serverUrl: server.serverUrl,
		room: 'bench-cold-0',
		origin: server.origin,
		cookie: null
	};
	const firstSyncMs = await timeFirstSync({ ...target, cards: shape.cards });
	const warmSyncMs = await timeFirstSync({ ...target, cards: shape.cards });
	const peakRss = peakRssMb(server.pid);
	await server.stop();
	return { ...filled, peakRssMb: peakRss, diskBytes: null, storage: null, firstSyncMs, warmSyncMs };
}
