// What a commit costs on the event loop and on the writer thread (issue 16, part C):
// 1,000 single-row commits with synchronous=FULL, first on the event loop's own
// connection, then through SqliteWriter. Prints CPU per commit (the process's, so
// both threads) and how long the event loop is held per commit.
// Run: npx tsx scripts/bench/writer-commit.ts
import Sqlite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteWriter } from '../../src/lib/server/db/sqlite-writer.server';

const COMMITS = 1000;
const dir = mkdtempSync(join(tmpdir(), 'tavoli-writer-'));
const path = join(dir, 'bench.db');
const db = new Sqlite(path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('create table u (id integer primary key, board text, "update" blob, at integer)');
const insert = 'insert into u (board, "update", at) values (?, ?, ?)';
const update = new Uint8Array(80);

const statement = db.prepare(insert);
const commit = db.transaction(() => statement.run('b', Buffer.from(update), 1));
let cpu = process.cpuUsage();
const start = performance.now();
for (let i = 0; i < COMMITS; i++) commit.immediate();
report('event loop', process.cpuUsage(cpu), (performance.now() - start) / COMMITS);

const script = new URL('../../src/lib/server/db/sqlite-writer.worker.js', import.meta.url);
const writer = new SqliteWriter(
	path,
	{ u: { sql: insert, params: ['board', 'update', 'at'] } },
	script
);
await new Promise((resolve) => setTimeout(resolve, 300));
let held = 0;
cpu = process.cpuUsage();
await new Promise<void>((resolve) => {
	let done = 0;
	const next = () => {
		const t = performance.now();
		writer.run([['u', { board: 'b', update, at: 1 }]], () =>
			++done < COMMITS ? setImmediate(next) : resolve()
		);
		held += performance.now() - t;
	};
	next();
});
report('writer thread', process.cpuUsage(cpu), held / COMMITS);
await writer.close();
db.close();
rmSync(dir, { recursive: true, force: true });

function report(where: string, used: NodeJS.CpuUsage, heldMs: number): void {
	const cpuUs = (used.user + used.system) / COMMITS;
	console.log(
		`${where}: ${cpuUs.toFixed(0)} µs CPU per commit, event loop held ${heldMs.toFixed(3)} ms per commit`
	);
}
