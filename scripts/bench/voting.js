// The voting scenario (issue 5): a plenary of participants casting their dots
// through the real HTTP API (PUT /api/rounds/:id/ballot) within a few seconds,
// each click a whole ballot, with the odd extra dot past the budget and the odd
// request sent twice at once (two tabs, a replay). Afterwards the database is
// read directly: no ballot over the budget or a cap, none lost. The reference
// server has no voting API, so it has no figures here.
import Database from 'better-sqlite3';
import { checkpoint, cpuSince, cpuTime, peakRssMb, sqliteBytes, startOurs } from './servers.js';
import { sleep } from './measure.js';
import { personOf, tavoliApi } from './tavoli-api.js';
import { random } from './traffic.js';

/** @typedef {{ participants: number; windowMs: number; targets: number; budget: number; cap: number; seed: number }} VotingShape */

/**
 * One participant's clicks: `budget` dots placed one at a time (each a whole
 * ballot, as the voting view sends it), sometimes one dot too many, sometimes a
 * request sent twice at once.
 * @param {VotingShape} shape @param {number} voter @param {string[]} targetIds
 * @returns {{ at: number; allocations: { targetId: string; points: number }[]; expect: 200 | 400; copies: number }[]}
 */
export function clicksOf(shape, voter, targetIds) {
	const rand = random(shape.seed * 31 + voter);
	/** @type {Map<string, number>} */
	const dots = new Map();
	const ballot = () => [...dots].map(([targetId, points]) => ({ targetId, points }));
	const clicks = [];
	let at = rand() * shape.windowMs * 0.5;
	for (let d = 0; d < shape.budget; d++) {
		let target;
		do target = targetIds[Math.floor(rand() * targetIds.length)] ?? '';
		while ((dots.get(target) ?? 0) >= shape.cap);
		dots.set(target, (dots.get(target) ?? 0) + 1);
		clicks.push({ at, allocations: ballot(), expect: /** @type {const} */ (200), copies: 1 });
		at += 150 + rand() * 400;
	}
	const last = clicks.at(-1);
	if (last && rand() < 0.1) last.copies = 2;
	if (rand() < 0.2) {
		// One dot past the budget: the server must refuse it and keep the last ballot.
		const extra = targetIds.find((t) => (dots.get(t) ?? 0) < shape.cap) ?? '';
		const over = [...ballot().filter((a) => a.targetId !== extra)];
		over.push({ targetId: extra, points: (dots.get(extra) ?? 0) + 1 });
		clicks.push({ at, allocations: over, expect: /** @type {const} */ (400), copies: 1 });
	}
	return clicks;
}

/**
 * @param {string} origin @param {string} cookie @param {number} roundId
 * @param {{ targetId: string; points: number }[]} allocations
 */
async function putBallot(origin, cookie, roundId, allocations) {
	const started = performance.now();
	const response = await fetch(`${origin}/api/rounds/${roundId}/ballot`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json', origin, cookie },
		body: JSON.stringify({ allocations })
	});
	await response.arrayBuffer();
	return { status: response.status, ms: performance.now() - started };
}

/**
 * What the database holds after the run: ballots over the budget or a cap, and
 * the dots stored in all.
 * @param {string} dbPath @param {number} roundId @param {VotingShape} shape
 */
function audit(dbPath, roundId, shape) {
	const db = new Database(dbPath, { readonly: true });
	const rows = /** @type {{ voter_key: string; content: string }[]} */ (
		db.prepare('select voter_key, content from ballots where round_id = ?').all(roundId)
	);
	db.close();
	let violations = 0;
	let dots = 0;
	for (const row of rows) {
		const { allocations } = /** @type {{ allocations: { points: number }[] }} */ (
			JSON.parse(row.content)
		);
		const total = allocations.reduce((sum, a) => sum + a.points, 0);
		if (total > shape.budget || allocations.some((a) => a.points > shape.cap)) violations++;
		dots += total;
	}
	return { ballots: rows.length, violations, dots };
}

/**
 * Our server: a board with `targets` cards, `participants` people joined with
 * the code, a dot-voting round opened, then everyone votes at once.
 * @param {string} dbPath @param {VotingShape} shape
 */
export async function votingOurs(dbPath, shape) {
	const server = await startOurs(dbPath);
	const api = tavoliApi(server.origin);
	const admin = await api.loginAdmin();
	const [meeting] = (await api.meetings(admin)).sort((a, b) => a.id - b.id);
	const { boardId, joinCode } = await api.openBoard(
		admin,
		/** @type {{ id: number }} */ (meeting).id
	);
	/** @type {string[]} */
	const targetIds = [];
	for (let t = 0; t < shape.targets; t++) {
		const body = { kind: 'need', text: `Bisogno ${t + 1} da votare` };
		targetIds.push((await api.post(admin, `/api/boards/${boardId}/cards`, body)).id);
	}
	/** @type {string[]} */
	const cookies = [];
	for (let i = 0; i < shape.participants; i += 8) {
		const ids = Array.from({ length: Math.min(8, shape.participants - i) }, (_, k) => i + k);
		const joined = await Promise.all(
			ids.map((id) => api.join(joinCode, personOf(id).name, personOf(id).organization))
		);
		cookies.push(...joined.map((j) => j.cookie));
	}
	const { roundId } = await api.post(admin, `/api/boards/${boardId}/rounds`, {
		method: 'dot',
		targets: 'cards',
		budget: shape.budget,
		cap: shape.cap
	});
	checkpoint(dbPath);
	const diskBefore = sqliteBytes(dbPath);
	await sleep(500);
	const cpuBefore = cpuTime(server.pid);
	const startAt = performance.now() + 200;
	/** @type {number[]} */
	const latencies = [];
	let unexpected = 0;
	let refusedAsExpected = 0;
	let requests = 0;
	await Promise.all(
		cookies.map(async (cookie, voter) => {
			for (const click of clicksOf(shape, voter, targetIds)) {
				await sleep(startAt + click.at - performance.now());
				const answers = await Promise.all(
					Array.from({ length: click.copies }, () =>
						putBallot(server.origin, cookie, roundId, click.allocations)
					)
				);
				for (const a of answers) {
					requests++;
					latencies.push(a.ms);
					if (a.status !== click.expect) unexpected++;
					else if (a.status === 400) refusedAsExpected++;
				}
			}
		})
	);
	const wallMs = performance.now() - startAt;
	const cpu = cpuSince(server.pid, cpuBefore);
	const peak = peakRssMb(server.pid);
	await server.stop();
	const stored = audit(dbPath, roundId, shape);
	return {
		latencies,
		requests,
		unexpected,
		refusedAsExpected,
		wallMs,
		cpu,
		peakRssMb: peak,
		diskBytes: sqliteBytes(dbPath) - diskBefore,
		...stored,
		lost: shape.participants - stored.ballots,
		expectedDots: shape.participants * shape.budget
	};
}
