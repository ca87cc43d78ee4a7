import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedPlanId, setPublished } from '$lib/monitoring/publication.server';
import type { Database } from '$lib/server/db/database';
import { ensureTaxonomies } from '$lib/taxonomy/taxonomy-repo.server';
import { addPlanAsFirstWritten, databaseBefore } from '../support/migrations';

/**
 * [M13] drizzle/0011_public_results.sql on a database as 0010 left it: the plans are
 * there unpublished, and each can be published.
 */
let removeDatabase: () => void;
let database: Database;
let planId: number;

beforeAll(() => {
	const before = databaseBefore('0011_public_results');
	database = before.database;
	removeDatabase = before.remove;
	const tables = database.sqlite
		.prepare("select name from sqlite_master where name = 'plan_publications'")
		.all();
	expect(tables, 'the publications table comes with 0011').toEqual([]);
	ensureTaxonomies(database.db);
	planId = addPlanAsFirstWritten(database);
	before.migrateRest();
});

afterAll(() => removeDatabase());

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
