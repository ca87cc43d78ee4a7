import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedPlanId, setPublished } from '$lib/monitoring/publication.server';
import { migrateDatabase, openDatabase, type Database } from '$lib/server/db/database';
import { addAmbito, addPlan } from '$lib/server/db/test-fixtures';
import { ensureTaxonomies } from '$lib/taxonomy/taxonomy-repo.server';

/**
 * [M13] drizzle/0011_public_results.sql on a database as 0010 left it: the plans are
 * there unpublished, and each can be published.
 */
const drizzle = fileURLToPath(new URL('../../drizzle', import.meta.url));
let dir: string;
let database: Database;
let planId: number;

/** The migrations folder as it was before `tag`. */
function migrationsBefore(tag: string): string {
	const folder = join(dir, 'before');
	cpSync(drizzle, folder, { recursive: true });
	const journalPath = join(folder, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
	const at = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
	journal.entries = journal.entries.slice(0, at);
	writeFileSync(journalPath, JSON.stringify(journal));
	return folder;
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'tavoli-migration-'));
	database = openDatabase(join(dir, 'tavoli.db'));
	migrateDatabase(database, migrationsBefore('0011_public_results'));
	const tables = database.sqlite
		.prepare("select name from sqlite_master where name = 'plan_publications'")
		.all();
	expect(tables, 'the publications table comes with 0011').toEqual([]);
	ensureTaxonomies(database.db);
	planId = addPlan(database.db, addAmbito(database.db));
	migrateDatabase(database, drizzle);
});

afterAll(() => {
	database.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('[M13] migration 0011', () => {
	it('leaves an existing plan unpublished and lets the UdP publish it', () => {
		expect(database.sqlite.prepare('select count(*) as n from plan_publications').get()).toEqual({
			n: 0
		});
		const published = setPublished(database.db, planId, true, { userId: null, now: 1 });
		if (!published.ok) throw new Error(published.reason);
		expect(publishedPlanId(database.db, published.value.slug)).toBe(planId);
	});
});
