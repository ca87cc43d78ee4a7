import Sqlite from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { leanQuery } from './lean-query';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Sqlite.Database };

export interface Database {
	readonly db: Db;
	readonly sqlite: Sqlite.Database;
	isHealthy(): boolean;
	close(): void;
}

/**
 * Opens (creating if needed) the SQLite file with the settings every part relies
 * on: WAL so readers never block the writer, foreign keys enforced, a busy timeout
 * for the CLI writing while the server runs, and FULL sync so a committed write
 * survives a power cut, not just a crash.
 */
export function openDatabase(path: string): Database {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Sqlite(path);
	// A new file gives its free pages back on request (PRAGMA incremental_vacuum,
	// after a board's updates are folded into its snapshot). It must be set before
	// the first table; an existing file keeps its mode until a VACUUM.
	const empty = sqlite.prepare('select count(*) as n from sqlite_master').get() as { n: number };
	if (empty.n === 0) sqlite.pragma('auto_vacuum = INCREMENTAL');
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = FULL');
	cacheStatements(sqlite);
	const db = drizzle(sqlite, { schema });
	return {
		db,
		sqlite,
		isHealthy: () => {
			try {
				return sqlite.open && sqlite.prepare('select 1 as ok').get() !== undefined;
			} catch {
				return false;
			}
		},
		close: () => {
			if (sqlite.open) sqlite.close();
		}
	};
}

const STATEMENT_CACHE_SIZE = 1000;

/**
 * Drizzle compiles every query it runs with `prepare`; SQLite's compilation
 * cost more than most of our queries themselves (docs/PERFORMANCE.md). The
 * connection keeps the compiled statements by SQL text and hands them out
 * again, in their default mode, as long as none is half-way through a result.
 */
function cacheStatements(sqlite: Sqlite.Database): void {
	const compile = sqlite.prepare.bind(sqlite);
	const cache = new Map<string, Sqlite.Statement>();
	sqlite.prepare = ((source: string) => {
		const cached = cache.get(source);
		if (cached && !cached.busy) {
			if (cached.reader) cached.raw(false).pluck(false).expand(false);
			return cached;
		}
		const statement = compile(source);
		if (!cached) {
			if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
			cache.set(source, statement);
		}
		return statement;
	}) as typeof sqlite.prepare;
}

/**
 * Runs `fn` in one write transaction (BEGIN IMMEDIATE, so two writers never
 * deadlock on upgrade); a throw rolls everything back. Nested calls become
 * savepoints. Use cases call this rather than drizzle's own transaction so that
 * repository functions keep taking a plain `Db`.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
	return runnerOf(db.$client).immediate(fn) as T;
}

/**
 * One transaction function per connection, called with the work to do:
 * `sqlite.transaction(fn)` builds four wrappers and defines their properties
 * on every call, which cost more CPU than a board update's whole insert.
 */
const runners = new WeakMap<Sqlite.Database, Sqlite.Transaction<(fn: () => unknown) => unknown>>();
function runnerOf(sqlite: Sqlite.Database): Sqlite.Transaction<(fn: () => unknown) => unknown> {
	let runner = runners.get(sqlite);
	if (!runner) runners.set(sqlite, (runner = sqlite.transaction((fn: () => unknown) => fn())));
	return runner;
}

/**
 * A query built once per database and kept: `build` makes it (a drizzle `.prepare()`
 * with `sql.placeholder`s), the returned function hands out that database's copy.
 * For queries every request runs (session, board, round): drizzle builds a query's
 * SQL anew on each call, which cost more CPU than running it (docs/PERFORMANCE.md,
 * "Request path"), and it reads the rows with `leanQuery`'s mapping.
 */
export function preparedOnce<T>(build: (db: Db) => T): (db: Db) => T {
	const built = new WeakMap<Db, T>();
	return (db) => {
		let query = built.get(db);
		if (query === undefined) built.set(db, (query = leanQuery(build(db))));
		return query;
	};
}

export function migrateDatabase(database: Database, migrationsFolder: string): void {
	migrate(database.db, { migrationsFolder });
}
