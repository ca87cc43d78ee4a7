import { count } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTaxonomies } from '$lib/taxonomy/taxonomy-repo.server';
import { migrateDatabase, openDatabase, type Database, type Db } from './database';

const migrationsFolder = fileURLToPath(new URL('../../../../drizzle', import.meta.url));

export interface TestDatabase {
	database: Database;
	db: Db;
	/** Closes the database and deletes its directory. */
	cleanup(): void;
}

/**
 * A real SQLite file in a fresh temporary directory, migrated and loaded with the
 * regional taxonomies exactly as the server prepares its own (server/app.ts).
 * Tests only: each test gets its own file, so no test sees another's rows.
 */
export function createTestDatabase(): TestDatabase {
	const dir = mkdtempSync(join(tmpdir(), 'tavoli-test-'));
	const database = openDatabase(join(dir, 'tavoli.db'));
	try {
		migrateDatabase(database, migrationsFolder);
		ensureTaxonomies(database.db);
	} catch (err) {
		database.close();
		rmSync(dir, { recursive: true, force: true });
		throw err;
	}
	return {
		database,
		db: database.db,
		cleanup: () => {
			database.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Number of rows in a table, for "nothing was written" assertions. */
export function rowCount(db: Db, table: SQLiteTable): number {
	return db.select({ n: count() }).from(table).get()?.n ?? 0;
}
