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

/**
 * An Ambito and a 2025-2027 plan written with the columns every migration has had, so a
 * database stopped before a later migration that adds a column to `plans` (0012's cadence, 0014's
 * `predecessor_id`) can still be seeded; the current schema's insert would name it.
 */
export function seedPlan(database: Database): number {
	const ambitoId = database.sqlite
		.prepare(
			"insert into ambiti (name, lead_body, created_at) values ('Ambito di prova', 'Comune capofila', 1)"
		)
		.run().lastInsertRowid;
	return Number(
		database.sqlite
			.prepare(
				`insert into plans (ambito_id, title, period, status, taxonomy_version_id, created_at)
				values (?, 'Piano di Zona', '2025-2027', 'drafting', '2025-2027', 1)`
			)
			.run(ambitoId).lastInsertRowid
	);
}

/**
 * Objective 1, «Casa», approved on 2025-12-15 with these indicators, written with the columns
 * `plan_objectives` had before 0014 (which adds `predecessor_id`); resolves with its id.
 */
export function seedApprovedObjective(
	database: Database,
	planId: number,
	indicators: unknown[] = []
): number {
	return Number(
		database.sqlite
			.prepare(
				`insert into plan_objectives (plan_id, number, title, template, fields, verbatim, macro_areas,
					key_points, leps, indicators, status, approved_at, created_at, updated_at)
				values (?, 1, 'Casa', '2025-2027', '{}', '{}', '["A"]', '{}', '[]', ?, 'approved', '2025-12-15', 1, 1)`
			)
			.run(planId, JSON.stringify(indicators)).lastInsertRowid
	);
}
