import Sqlite from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = FULL');
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

/**
 * Runs `fn` in one write transaction (BEGIN IMMEDIATE, so two writers never
 * deadlock on upgrade); a throw rolls everything back. Nested calls become
 * savepoints. Use cases call this rather than drizzle's own transaction so that
 * repository functions keep taking a plain `Db`.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
	return db.$client.transaction(fn).immediate();
}

export function migrateDatabase(database: Database, migrationsFolder: string): void {
	migrate(database.db, { migrationsFolder });
}
