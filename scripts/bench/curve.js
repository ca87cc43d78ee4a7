// The cost curve (`npm run bench -- --curve`): the workshop traffic of the
// plenary and evening scenarios at growing sizes, a short window of it per
// point, against both servers: clients per board (one board) and boards per
// process (25 clients each). For each point: p95 propagation, server CPU per
// update and per delivery, resident memory per board while people work and per
// board once they have left. docs/PERFORMANCE.md explains each figure.
import Database from 'better-sqlite3';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { socketClass } from './client-socket.js';
import { measureTraffic, sleep } from './measure.js';
import { latencyMs, updatesSent } from './report.js';
import { rssMb } from './servers.js';
import { setUpOurs, setUpReference } from './workshop.js';

/** @typedef {import('./servers.js').RunningServer} RunningServer */
/**
 * @typedef {{ series: 'clients' | 'boards'; boards: number; clientsPerBoard: number }} CurvePoint
 * @typedef {{ p50Ms: number | null; p95Ms: number | null; updates: number; deliveries: number;
 *   cpuMsPerUpdate: number | null; cpuUsPerDelivery: number | null; rssBeforeMb: number; rssLoadedMb: number;
 *   rssIdleMb: number; rssPerBoardMb: number; rssPerIdleBoardMb: number; undelivered: number;
 *   converged: boolean }} CurveFigures
 * @typedef {CurvePoint & { ours: CurveFigures; reference: CurveFigures }} CurveRow
 * @typedef {{ windowMs: number; paceMs: number; settleMs: number; rows: CurveRow[];
 *   knees: { series: string; server: string; at: string | null }[] }} Curve
 */

/**
 * The points of the issue; `scale` (BENCH_SCALE) shrinks the clients and the
 * boards for a trial run, never the shape.
 * @param {number} scale @returns {CurvePoint[]}
 */
export function curvePoints(scale) {
	const n = (/** @type {number} */ v, /** @type {number} */ min) =>
		Math.max(min, Math.round(v * scale));
	return [
		...[25, 50, 100, 200, 300].map((c) => ({
			series: /** @type {const} */ ('clients'),
			boards: 1,
			clientsPerBoard: n(c, 3)
		})),
		...[1, 10, 25, 50].map((b) => ({
			series: /** @type {const} */ ('boards'),
			boards: n(b, 1),
			clientsPerBoard: n(25, 3)
		}))
	];
}

/**
 * Copies the demo's first incontro until the database has `count`, so the
 * boards-per-process points have an incontro for each board.
 * @param {string} dbPath @param {number} count
 */
export function ensureMeetings(dbPath, count) {
	const db = new Database(dbPath);
	const columns = /** @type {{ name: string }[]} */ (db.pragma('table_info(meetings)'))
		.map((c) => c.name)
		.filter((c) => c !== 'id')
		.map((c) => `"${c}"`)
		.join(', ');
	const have = /** @type {{ n: number }} */ (db.prepare('select count(*) as n from meetings').get())
		.n;
	const copy = db.prepare(
		`insert into meetings (${columns}) select ${columns} from meetings order by id limit 1`
	);
	db.transaction(() => {
		for (let i = have; i < count; i++) copy.run();
	})();
	db.close();
}

/**
 * One point against one server: sets it up, plays `windowMs` of the workshop
 * (its pace set by `paceMs`, as in the full scenarios) and reads CPU and memory
 * with everyone connected; then restarts it and reads the memory of the same
 * boards idle (`idleBoards`). Stops the server.
 * @param {() => Promise<RunningServer>} start @param {CurvePoint} point
 * @param {{ seed: number; windowMs: number; paceMs: number; settleMs: number }} run
 * @returns {Promise<CurveFigures>}
 */
export async function curveFigures(start, point, run) {
	const server = await start();
	const ours = server.kind === 'ours';
	const shape = { ...point, durationMs: run.paceMs, seed: run.seed };
	/** @param {unknown} err @returns {Promise<never>} */
	const stopAndThrow = async (err) => {
		await server.stop();
		throw err;
	};
	const setup = await Promise.resolve(
		ours ? setUpOurs(server, shape) : setUpReference(`curve-${point.series}-${point.boards}`, shape)
	).catch(stopAndThrow);
	await sleep(500);
	const rssBeforeMb = rssMb(server.pid);
	/** @type {import('./load.js').Plan} */
	const plan = {
		mode: 'workshop',
		seed: run.seed,
		durationMs: run.paceMs,
		metaInDoc: !ours,
		windowMs: run.windowMs
	};
	const { load, ...measured } = await measureTraffic(server, setup.clients, plan, {
		clientsPerBoard: Array.from({ length: point.boards }, () => point.clientsPerBoard)
	}).catch(stopAndThrow);
	const rssLoadedMb = rssMb(server.pid);
	await load.close();
	await server.stop();
	const idle = await idleBoards(start, setup, measured.results, run.settleMs);
	const updates = updatesSent(measured.results);
	const deliveries = updates * (point.clientsPerBoard - 1);
	const cpuMs = measured.cpu.user + measured.cpu.system;
	const ms = (/** @type {number} */ p) => latencyMs(measured.propagation.latencies, p);
	const mb = (/** @type {number} */ v) => round(v, 2) ?? 0;
	return {
		p50Ms: ms(50),
		p95Ms: ms(95),
		updates,
		deliveries,
		cpuMsPerUpdate: updates ? round(cpuMs / updates, 3) : null,
		cpuUsPerDelivery: deliveries ? round((cpuMs * 1000) / deliveries, 1) : null,
		rssBeforeMb: mb(rssBeforeMb),
		rssLoadedMb: mb(rssLoadedMb),
		rssIdleMb: mb(idle.loadedMb),
		rssPerBoardMb: mb((rssLoadedMb - rssBeforeMb) / point.boards),
		rssPerIdleBoardMb: mb((idle.loadedMb - idle.emptyMb) / point.boards),
		undelivered: measured.propagation.undelivered,
		converged: measured.converged
	};
}

/**
 * The memory of idle boards: the server started again (ours reads the boards
 * from SQLite, the in-memory reference starts empty), its resident memory read
 * with no board loaded, then with each board loaded by one silent client (ours:
 * the facilitator opening it; the reference: a client holding the board's final
 * document, which it hands over on sync). A restart rather than the boards left
 * after the traffic, because the heap keeps the traffic's garbage for a while.
 * @param {() => Promise<RunningServer>} start @param {import('./workshop.js').Setup} setup
 * @param {import('./load.js').WorkerResult[]} results @param {number} settleMs
 */
async function idleBoards(start, setup, results, settleMs) {
	// Every provider adds a process 'exit' listener; one per board is expected here.
	process.setMaxListeners(0);
	const server = await start();
	/** @type {WebsocketProvider[]} */
	const providers = [];
	try {
		await sleep(settleMs);
		const emptyMb = rssMb(server.pid);
		const states = new Map(results.flatMap((r) => r.boards.map((b) => [b.board, b.state])));
		for (const [board, room] of setup.rooms.entries()) {
			const doc = new Y.Doc();
			const state = states.get(board);
			if (server.kind === 'reference' && state) Y.applyUpdate(doc, state);
			const provider = new WebsocketProvider(server.serverUrl, room, doc, {
				WebSocketPolyfill: socketClass(setup.facilitatorCookie, server.origin),
				disableBc: true
			});
			providers.push(provider);
			await new Promise((resolve) => provider.once('sync', resolve));
		}
		await sleep(settleMs);
		return { emptyMb, loadedMb: rssMb(server.pid) };
	} finally {
		for (const p of providers) p.destroy();
		await server.stop();
	}
}

/** @param {number | null} value @param {number} digits */
function round(value, digits) {
	return value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
}

/**
 * Where the curve bends: the first point whose p95 passes 100 ms (a card
 * reaching the others a tenth of a second late, which a room notices), or
 * passes 50 ms at more than twice the previous point's; null if none. A point
 * without updates (a trial's smallest) has no p95 and is no knee.
 * @param {CurveRow[]} rows @returns {Curve['knees']}
 */
export function kneesOf(rows) {
	/** @type {Curve['knees']} */
	const knees = [];
	for (const series of /** @type {const} */ (['clients', 'boards']))
		for (const server of /** @type {const} */ (['ours', 'reference'])) {
			const points = rows.filter((r) => r.series === series);
			const knee = points.find((r, i) => {
				const p95 = r[server].p95Ms;
				if (p95 === null) return false;
				const before = i > 0 ? points[i - 1]?.[server].p95Ms : null;
				return p95 > 100 || (p95 > 50 && typeof before === 'number' && p95 > 2 * before);
			});
			knees.push({ series, server, at: knee ? labelOf(knee) : null });
		}
	return knees;
}

/** @param {CurvePoint} p */
export const labelOf = (p) =>
	p.series === 'clients' ? `${p.clientsPerBoard} clients` : `${p.boards} × ${p.clientsPerBoard}`;

/** The curve as a fixed-width table. @param {Curve} curve */
export function curveTable(curve) {
	const head = [
		'point',
		'server',
		'p50 ms',
		'p95 ms',
		'updates',
		'cpu ms/upd',
		'cpu µs/deliv',
		'RSS MB',
		'MB/board',
		'MB/idle board'
	];
	const rows = [head];
	for (const r of curve.rows)
		for (const server of /** @type {const} */ (['ours', 'reference'])) {
			const f = r[server];
			rows.push(
				[
					server === 'ours' ? labelOf(r) : '',
					server,
					f.p50Ms,
					f.p95Ms,
					f.updates,
					f.cpuMsPerUpdate,
					f.cpuUsPerDelivery,
					f.rssLoadedMb,
					f.rssPerBoardMb,
					f.rssPerIdleBoardMb
				].map((v) => (v === null ? '–' : String(v)))
			);
		}
	const widths = head.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
	const lines = rows.map((r) =>
		r.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
	);
	for (const k of curve.knees)
		lines.push(`knee, ${k.series} series, ${k.server}: ${k.at ?? 'none within the curve'}`);
	return lines.join('\n');
}
