import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase, openDatabase, type Database } from '$lib/server/db/database';

const drizzle = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * A real SQLite file migrated up to, not including, the migration `tag`, for tests of
 * one migration on data as the earlier ones left it: seed it, then `migrateRest()`.
 */
export function databaseBefore(tag: string): {
	database: Database;
	migrateRest: () => void;
	remove: () => void;
} {
	const dir = mkdtempSync(join(tmpdir(), 'tavoli-migration-'));
	const folder = join(dir, 'before');
	cpSync(drizzle, folder, { recursive: true });
	const journalPath = join(folder, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
	const at = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
	if (at < 0) throw new Error(`no migration ${tag}`);
	journal.entries = journal.entries.slice(0, at);
	writeFileSync(journalPath, JSON.stringify(journal));
	const database = openDatabase(join(dir, 'tavoli.db'));
	migrateDatabase(database, folder);
	return {
		database,
		migrateRest: () => migrateDatabase(database, drizzle),
		remove: () => {
			database.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
