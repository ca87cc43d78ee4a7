// `npm run bench` (after `npm run build`): the same realistic workshop traffic
// against our server (authentication, validation, SQLite) and the stock
// y-websocket server, four scenarios (the fourth, voting, only ours: the reference has no voting API), a table on stdout and
// bench/results/latest.json. How it measures: docs/PERFORMANCE.md.
//
// `npm run bench -- --curve` runs the cost curve instead (scripts/bench/curve.js)
// and writes it into latest.json's `curve`, with its plot, keeping the rest.
// The board page's JavaScript is weighed in every full run (page-weight.js).
//
// Development knobs: BENCH_ONLY=plenary,cold-board runs some scenarios;
// BENCH_SCALE=0.2 shrinks clients, durations and cards (never commit such a run);
// BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers;
// BENCH_PIN=0 leaves servers and generator unpinned (servers.js); BENCH_ROUNDS=1 plays each
// scenario once per server instead of twice.
import Database from 'better-sqlite3';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, platform } from 'node:os';
import { join } from 'node:path';
import { compileBoardModules, root } from './board-modules.js';
import { coldOurs, coldReference } from './cold-board.js';
import {
	curveFigures,
	curvePoints,
	curveTable,
	ensureMeetings,
	kneesOf,
	labelOf
} from './curve.js';
import { curveSvg } from './curve-plot.js';
import { pageWeight, pageWeightLines } from './page-weight.js';
import {
	details,
	figuresOf,
	pooled,
	scenarioOf,
	table,
	verdicts,
	pooledVoting,
	votingDetails,
	votingScenario
} from './report.js';
import { pinGenerator, pinning, pinningLine, startOurs, startReference } from './servers.js';
import { votingOurs } from './voting.js';
import { runWorkshop, setUpOurs, setUpReference } from './workshop.js';

/** @typedef {import('./report.js').Scenario} Scenario */

const scale = Number(process.env.BENCH_SCALE ?? 1);
const only = (process.env.BENCH_ONLY ?? 'plenary,evening,cold-board,voting,page-weight').split(',');
const curveRun = process.argv.includes('--curve');
const SEED = 20261201;
const scaled = (/** @type {number} */ n, /** @type {number} */ min) =>
	Math.max(min, Math.round(n * scale));

const shapes = {
	plenary: {
		boards: 1,
		clientsPerBoard: scaled(150, 3),
		durationMs: scaled(60_000, 10_000),
		seed: SEED
	},
	evening: {
		boards: 10,
		clientsPerBoard: scaled(25, 3),
		durationMs: scaled(60_000, 10_000),
		seed: SEED + 1
	},
	// 40 writers × 50 cards, one action every 30 ms each: 2,000 cards and 20,000 updates
	// at the rate 4 × 500 at 3 ms had, within the bounds per participant (B13: 50
	// updates a second per connection, cards per participant and phase).
	cold: {
		writers: 40,
		cards: 40 * scaled(50, 1),
		editsPerCard: 10,
		intervalMs: 30,
		seed: SEED + 2
	},
	voting: {
		participants: scaled(150, 10),
		windowMs: 4000,
		targets: 12,
		budget: 5,
		cap: 3,
		seed: SEED + 3
	}
};

const work = mkdtempSync(join(tmpdir(), 'tavoli-bench-'));
let databases = 0;

/** A database with the demo data already loaded, made once, copied for each run. */
async function demoDatabase() {
	const path = join(work, 'demo', 'tavoli.db');
	mkdirSync(join(work, 'demo'), { recursive: true });
	const server = await startOurs(path);
	await server.stop();
	// No free pages to start from, so the file grows by exactly what the traffic adds.
	const db = new Database(path);
	db.exec('VACUUM');
	db.close();
	return path;
}

/** @param {string} demo */
function freshDatabase(demo) {
	const dir = join(work, `run-${++databases}`);
	mkdirSync(dir, { recursive: true });
	copyFileSync(demo, join(dir, 'tavoli.db'));
	return join(dir, 'tavoli.db');
}

/**
 * The workshops and the cold board are played twice per server, in the order
 * ours, reference, reference, ours (ABBA), and each server's figures pool its
 * two plays: on a shared host a slow minute falls on both servers instead of
 * deciding a ratio.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (scale === 1 ? 2 : 1));

/** @param {string} demo @param {'plenary' | 'evening'} name @returns {Promise<Scenario>} */
async function workshop(demo, name) {
	const shape = shapes[name];
	console.log(
		`\n▶ ${name}: ${shape.boards} board(s) × ${shape.clientsPerBoard} clients, ${shape.durationMs / 1000} s, ${ROUNDS} round(s) per server`
	);
	const play = {
		ours: async () => {
			const server = await startOurs(freshDatabase(demo));
			return runWorkshop(server, await setUpOurs(server, shape), shape).finally(() =>
				server.stop()
			);
		},
		reference: async () => {
			const reference = await startReference();
			return runWorkshop(reference, setUpReference(name, shape), shape).finally(() =>
				reference.stop()
			);
		}
	};
	const runs = await playRounds(play);
	return scenarioOf(name, figuresOf(pooled(runs.ours)), figuresOf(pooled(runs.reference)));
}

/** @param {string} demo @returns {Promise<Scenario>} */
async function coldBoard(demo) {
	const shape = shapes.cold;
	console.log(
		`\n▶ cold-board: ${shape.writers} writers, ${shape.cards} cards × ${shape.editsPerCard} updates, ${ROUNDS} round(s) per server`
	);
	/** What our first play's writers sent: every play of the reference replays it. */
	let written = /** @type {import('./load.js').WorkerResult[] | null} */ (null);
	const play = {
		ours: async () => {
			const run = await coldOurs(freshDatabase(demo), shape);
			written ??= run.results;
			return run;
		},
		reference: async () => {
			const reference = await startReference();
			if (!written) throw new Error('the reference replays what our writers sent: ours first');
			return coldReference(reference, written, shape).finally(() => reference.stop());
		}
	};
	const runs = await playRounds(play);
	return scenarioOf('cold-board', figuresOf(pooled(runs.ours)), figuresOf(pooled(runs.reference)));
}

/**
 * Plays each server ROUNDS times in ABBA order (ours, reference, reference,
 * ours), printing each play; each server's plays in order.
 * @param {Record<'ours' | 'reference', () => Promise<import('./report.js').Run>>} play
 */
async function playRounds(play) {
	/** @type {Record<'ours' | 'reference', import('./report.js').Run[]>} */
	const runs = { ours: [], reference: [] };
	const kinds = /** @type {const} */ (['ours', 'reference']);
	for (let round = 0; round < ROUNDS; round++)
		for (const kind of round % 2 === 0 ? kinds : [...kinds].reverse()) {
			const run = await play[kind]();
			console.log(details(`  ${kind} (round ${round + 1})`, run));
			runs[kind].push(run);
		}
	return runs;
}

/** @param {string} demo @returns {Promise<Scenario>} */
async function voting(demo) {
	const shape = shapes.voting;
	console.log(
		`\n▶ voting: ${shape.participants} participants, ${shape.budget} dots each on ${shape.targets} cards (cap ${shape.cap}), clicks within ${shape.windowMs / 1000} s`
	);
	/** @type {Awaited<ReturnType<typeof votingOurs>>[]} */
	const runs = [];
	// Played ROUNDS times, each on a fresh server and database, and pooled: one
	// slow minute of the shared host does not decide the figure (as the workshops).
	for (let round = 0; round < ROUNDS; round++) {
		const run = await votingOurs(freshDatabase(demo), shape);
		console.log(votingDetails(run, ROUNDS > 1 ? `ours (play ${round + 1})` : 'ours'));
		runs.push(run);
	}
	const run = pooledVoting(runs);
	return votingScenario(run);
}

function machine() {
	const cpu = cpus();
	return {
		cpus: cpu.length,
		model: cpu[0]?.model ?? 'unknown',
		node: process.version,
		os: `${platform()} ${release()}`,
		memoryGb: Math.round(totalmem() / 1024 ** 3),
		loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
		date: new Date().toISOString(),
		pinning
	};
}

/**
 * The cost curve: every point against ours (a fresh copy of the demo, with an
 * incontro for each board) and then the reference, one server at a time.
 * @param {string} demo @returns {Promise<import('./curve.js').Curve>}
 */
async function costCurve(demo) {
	const run = { windowMs: 12_000, paceMs: 60_000, settleMs: 2_000 };
	/** @type {import('./curve.js').CurveRow[]} */
	const rows = [];
	for (const [i, point] of curvePoints(scale).entries()) {
		console.log(`\n▶ curve: ${labelOf(point)}`);
		const db = freshDatabase(demo);
		ensureMeetings(db, point.boards);
		const seeded = { ...run, seed: SEED + 10 + i };
		const ours = await curveFigures(() => startOurs(db), point, seeded);
		const reference = await curveFigures(startReference, point, seeded);
		for (const [label, f] of Object.entries({ ours, reference }))
			console.log(
				`  ${label}: p95 ${f.p95Ms} ms, ${f.updates} updates, ${f.undelivered} undelivered, converged ${f.converged}`
			);
		rows.push({ ...point, ours, reference });
	}
	return { ...run, rows, knees: kneesOf(rows) };
}

/** The last results file, to keep what this run does not measure. @param {string} out */
function previousResults(out) {
	if (!existsSync(out)) return {};
	try {
		return JSON.parse(readFileSync(out, 'utf8'));
	} catch {
		return {};
	}
}

/** @param {string} demo */
async function weighBoardPage(demo) {
	const server = await startOurs(freshDatabase(demo));
	try {
		return await pageWeight(server);
	} finally {
		await server.stop();
	}
}

async function main() {
	const started = Date.now();
	pinGenerator();
	const info = machine();
	console.log(pinningLine());
	await compileBoardModules();
	const demo = await demoDatabase();
	const results = join(root, 'bench', 'results');
	const out = join(results, scale === 1 ? 'latest.json' : 'scaled-run.tmp');
	mkdirSync(results, { recursive: true });
	const previous = previousResults(out);
	if (curveRun) {
		const curve = await costCurve(demo);
		console.log(`\n${pinningLine()}\n${curveTable(curve)}`);
		const svg = scale === 1 ? join(root, 'docs', 'perf-curve.svg') : join(results, 'curve.svg.tmp');
		const trial = scale === 1 ? '' : `, BENCH_SCALE=${scale} (a trial)`;
		writeFileSync(svg, curveSvg(curve, `${info.date.slice(0, 10)}, ${info.cpus} cores${trial}`));
		const file = { machine: info, scenarios: [], ...previous, curve: { machine: info, ...curve } };
		writeFileSync(out, `${JSON.stringify(file, null, '\t')}\n`);
		console.log(`\nwritten ${out} and ${svg} in ${Math.round((Date.now() - started) / 1000)} s`);
		return;
	}
	/** @type {Scenario[]} */
	const scenarios = [];
	for (const name of /** @type {const} */ (['plenary', 'evening']))
		if (only.includes(name)) scenarios.push(await workshop(demo, name));
	if (only.includes('cold-board')) scenarios.push(await coldBoard(demo));
	if (only.includes('voting')) scenarios.push(await voting(demo));
	const weight = only.includes('page-weight') ? await weighBoardPage(demo) : null;
	const lines = [...verdicts(scenarios), ...(weight ? pageWeightLines(weight) : [])];
	console.log(`\n${pinningLine()}\n${table(scenarios)}\n\n${lines.join('\n')}`);
	const file = { machine: info, scenarios, pageWeight: weight, curve: previous.curve };
	writeFileSync(out, `${JSON.stringify(file, null, '\t')}\n`);
	console.log(`\nwritten ${out} in ${Math.round((Date.now() - started) / 1000)} s`);
}

try {
	await main();
} finally {
	rmSync(work, { recursive: true, force: true });
}
