// The two servers under test, each in its own process, and what the benchmark
// reads about them from outside: CPU time and peak memory from /proc, and the
// size of our SQLite files.
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { root } from './board-modules.js';

/**
 * @typedef {{ kind: 'ours' | 'reference'; pid: number; origin: string; serverUrl: string;
 *   dbPath: string | null; stop(): Promise<void> }} RunningServer
 * `serverUrl` is what a WebsocketProvider takes; the room (board id) follows it.
 */

/** Extra node flags for the server under test, e.g. BENCH_SERVER_FLAGS=--cpu-prof for profiling. */
const serverFlags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);

/**
 * @typedef {{ applied: true; tool: 'taskset'; serverCpus: string; generatorCpus: string }
 *   | { applied: false; reason: string }} Pinning
 */

/**
 * Whether the servers and the load generator run on separate cores: with
 * `taskset` (util-linux, on every Debian) and at least 2 cores, each server
 * under test gets core 0 and the generator (this process, its worker threads and
 * the Chromium of the page weight) the others, the same for both servers, so the
 * figures measure the server rather than the queue for the cores. BENCH_PIN=0
 * turns it off.
 * @returns {Pinning}
 */
function choosePinning() {
	if (process.env.BENCH_PIN === '0') return { applied: false, reason: 'BENCH_PIN=0' };
	const cores = availableParallelism();
	if (cores < 2) return { applied: false, reason: `${cores} core` };
	try {
		execFileSync('taskset', ['--version'], { stdio: 'ignore' });
	} catch {
		return { applied: false, reason: 'no taskset' };
	}
	return {
		applied: true,
		tool: 'taskset',
		serverCpus: '0',
		generatorCpus: cores === 2 ? '1' : `1-${cores - 1}`
	};
}

export const pinning = choosePinning();

/**
 * Moves this process (every thread it has, and so the worker threads it starts
 * later) to the generator's cores. Call once, before any load worker starts.
 */
export function pinGenerator() {
	if (!pinning.applied) return;
	execFileSync('taskset', ['-a', '-p', '-c', pinning.generatorCpus, String(process.pid)], {
		stdio: 'ignore'
	});
}

/** How the run was pinned, for the table. */
export function pinningLine() {
	return pinning.applied
		? `pinned with taskset: servers on core ${pinning.serverCpus}, load generator on ${pinning.generatorCpus}`
		: `not pinned (${pinning.reason}): servers and load generator share the cores`;
}

/**
 * Starts a server under test (node with `args`, pinned as `pinning` says) and
 * waits until its output matches `ready`; its output is drained after that.
 * @param {string[]} args @param {NodeJS.ProcessEnv} env @param {RegExp} ready
 * @returns {Promise<{ child: import('node:child_process').ChildProcess; match: RegExpExecArray }>}
 */
export async function launch(args, env, ready) {
	const command = [process.execPath, ...serverFlags, ...args];
	// taskset execs node in place, so the child's pid is the server's.
	if (pinning.applied) command.unshift('taskset', '-c', pinning.serverCpus);
	const child = spawn(/** @type {string} */ (command[0]), command.slice(1), {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let output = '';
	const match = await new Promise((resolve, reject) => {
		const onData = (/** @type {Buffer} */ chunk) => {
			output += chunk.toString();
			const found = ready.exec(output);
			if (found) resolve(found);
		};
		child.stdout?.on('data', onData);
		child.once('exit', (code) => reject(new Error(`${args[0]} exited (${code}): ${output}`)));
	});
	// Keep draining stdout so the child never blocks on a full pipe.
	child.stdout?.removeAllListeners('data');
	child.stdout?.resume();
	return { child, match };
}

/** @param {import('node:child_process').ChildProcess} child */
async function stopChild(child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = once(child, 'exit');
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
	await exited;
	clearTimeout(timer);
}

/**
 * Our server as in production (`node server/index.js`): authentication,
 * validation and SQLite persistence on, the demo data loaded.
 * @param {string} dbPath @returns {Promise<RunningServer>}
 */
export async function startOurs(dbPath) {
	const env = {
		...process.env,
		TAVOLI_SKIP_BUILD: '1',
		TAVOLI_DEMO: '1',
		PORT: '0',
		HOST: '127.0.0.1',
		DATABASE_PATH: dbPath
	};
	const { child, match } = await launch(['server/index.js'], env, /running at (http:\/\/[\d.:]+)/);
	const origin = /** @type {string} */ (match[1]);
	return {
		kind: 'ours',
		pid: /** @type {number} */ (child.pid),
		origin,
		serverUrl: `${origin.replace('http', 'ws')}/sync`,
		dbPath,
		stop: () => stopChild(child)
	};
}

/** The stock @y/websocket-server, in memory. @returns {Promise<RunningServer>} */
export async function startReference() {
	/** @type {NodeJS.ProcessEnv} */
	const env = { ...process.env, PORT: '0', HOST: '127.0.0.1' };
	for (const key of ['YPERSISTENCE', 'CALLBACK_URL', 'GC']) delete env[key];
	const script = join('scripts', 'bench', 'reference-server.js');
	const { child, match } = await launch([script], env, /listening (\d+)/);
	const origin = `http://127.0.0.1:${match[1]}`;
	return {
		kind: 'reference',
		pid: /** @type {number} */ (child.pid),
		origin,
		serverUrl: origin.replace('http', 'ws'),
		dbPath: null,
		stop: () => stopChild(child)
	};
}

const ticksPerSecond = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
	} catch {
		return 100;
	}
})();

/** CPU time the process has used so far, in ms, user and system (the kernel's share of its sockets and fsyncs). @param {number} pid */
export function cpuTime(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ms = (/** @type {number} */ i) => (Number(fields[i]) * 1000) / ticksPerSecond;
	return { user: ms(11), system: ms(12) };
}

/** CPU used since `before`. @param {number} pid @param {{ user: number; system: number }} before */
export function cpuSince(pid, before) {
	const now = cpuTime(pid);
	return { user: now.user - before.user, system: now.system - before.system };
}

/** Peak resident memory of the process (VmHWM), in MB. @param {number} pid */
export function peakRssMb(pid) {
	const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return line ? Number(line[1]) / 1024 : NaN;
}

/** Resident memory of the process now (VmRSS), in MB. @param {number} pid */
export function rssMb(pid) {
	const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return line ? Number(line[1]) / 1024 : NaN;
}

/**
 * Bytes of the SQLite file and its -wal. The -shm is left out: it is an index
 * of the WAL kept while the database is open, deleted at close, never data.
 * @param {string} dbPath
 */
export function sqliteBytes(dbPath) {
	return ['', '-wal']
		.map((suffix) => dbPath + suffix)
		.reduce((sum, path) => sum + (existsSync(path) ? statSync(path).size : 0), 0);
}

/**
 * Folds the WAL into the database file (from a second connection, as SQLite
 * allows), so that the file size is a baseline for what the traffic adds.
 * @param {string} dbPath
 */
export function checkpoint(dbPath) {
	const db = new Database(dbPath);
	db.pragma('busy_timeout = 5000');
	db.pragma('wal_checkpoint(TRUNCATE)');
	db.close();
}

/**
 * Where the bytes of a stopped server's database are: board tables with their
 * indexes, free pages, and the payload of snapshots and updates.
 * @param {string} dbPath
 */
export function boardStorage(dbPath) {
	const db = new Database(dbPath, { readonly: true });
	const pages = /** @type {{ name: string; bytes: number }[]} */ (
		db.prepare('select name, sum(pgsize) as bytes from dbstat group by name').all()
	);
	const sum = (/** @type {string} */ sql) =>
		/** @type {{ n: number | null }} */ (db.prepare(sql).get()).n ?? 0;
	const result = {
		boardPages: pages.filter((p) => /board_/.test(p.name)).reduce((s, p) => s + p.bytes, 0),
		phaseArchivePages: pages
			.filter((p) => /board_phase_snapshots/.test(p.name))
			.reduce((s, p) => s + p.bytes, 0),
		freePages:
			Number(db.pragma('freelist_count', { simple: true })) *
			Number(db.pragma('page_size', { simple: true })),
		snapshotBytes: sum('select sum(length(state)) as n from board_snapshots'),
		phaseSnapshotBytes: sum('select sum(length(state)) as n from board_phase_snapshots'),
		updateBytes: sum('select sum(length("update")) as n from board_updates'),
		updateRows: sum('select count(*) as n from board_updates')
	};
	db.close();
	return result;
}
