// The SQLite writer thread (docs/ARCHITECTURE.md, "Persistence off the event
// loop"): its own connection to the database file runs the transactions the
// event loop sends it, so a commit's fsync never holds the event loop. Plain
// JavaScript that imports nothing of ours: the same file runs under vitest
// and, copied by the server build, in production (build/runtime/).
import Sqlite from 'better-sqlite3';
import { workerData } from 'node:worker_threads';

/**
 * @typedef {{ sql: string; params: string[] }} WriterStatement
 * @typedef {[statement: string, values: Record<string, unknown>]} WriteOp
 */

const { path, statements, port, signal } =
	/** @type {{ path: string; statements: Record<string, WriterStatement>; port: import('node:worker_threads').MessagePort; signal: Int32Array }} */ (
		workerData
	);

const sqlite = new Sqlite(path);
// The event loop's connection may hold the write lock while it waits for this thread
// (a server change inside a command's transaction settles the commits under way): a
// commit that cannot get the lock soon gives up, and the caller stores on the event
// loop instead. 250 ms: far above a normal transaction, well below a stall anyone minds.
sqlite.pragma('busy_timeout = 250');
// As openDatabase: a commit is on disk (FULL) before it is answered.
sqlite.pragma('synchronous = FULL');
sqlite.pragma('foreign_keys = ON');

const prepared = new Map(
	Object.entries(statements).map(([name, s]) => [
		name,
		{ statement: sqlite.prepare(s.sql), params: s.params }
	])
);

/** @param {unknown} value */
const bound = (value) =>
	value instanceof Uint8Array
		? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
		: value;

/** One IMMEDIATE transaction for the whole list; the row id each insert made, in order. */
const runAll = sqlite.transaction((/** @type {WriteOp[]} */ ops) =>
	ops.map(([name, values]) => {
		const s = prepared.get(name);
		if (!s) throw new Error(`unknown statement ${name}`);
		return Number(s.statement.run(...s.params.map((p) => bound(values[p]))).lastInsertRowid);
	})
);

port.on('message', (/** @type {{ id: number; ops: WriteOp[] }} */ { id, ops }) => {
	let reply;
	try {
		reply = { id, ok: true, rowids: runAll.immediate(ops) };
	} catch (err) {
		reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
	}
	port.postMessage(reply);
	// Wakes an event loop blocked in SqliteWriter.settle.
	Atomics.add(signal, 0, 1);
	Atomics.notify(signal, 0);
});
