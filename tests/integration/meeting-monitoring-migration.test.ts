import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToAgenda, agendaMonitoring } from '$lib/monitoring/meeting-monitoring.server';
import type { Database } from '$lib/server/db/database';
import { addMeeting, addTavolo } from '$lib/server/db/test-fixtures';
import { ensureTaxonomies } from '$lib/taxonomy/taxonomy-repo.server';
import { databaseBefore, seedPlan } from '../support/migrations';

/**
 * [M32] drizzle/0013_meeting_monitoring.sql on a database as the earlier migrations left
 * it: an incontro and a plan objective already there start with an empty agenda, and the
 * objective can be put on it.
 */
let removeDatabase: () => void;
let database: Database;
let meeting: { id: number; tavoloId: number; planId: number };
let objectiveId: number;

beforeAll(() => {
	const before = databaseBefore('0013_meeting_monitoring');
	database = before.database;
	removeDatabase = before.remove;
	const tables = database.sqlite
		.prepare("select name from sqlite_master where name = 'meeting_monitoring'")
		.all();
	expect(tables, 'the agenda table comes with 0013').toEqual([]);
	const { db } = database;
	ensureTaxonomies(db);
	// Plan and objective in the columns they had before 0014 (which adds to both tables).
	const planId = seedPlan(database);
	objectiveId = Number(
		database.sqlite
			.prepare(
				`insert into plan_objectives (plan_id, number, title, template, fields, verbatim, macro_areas,
					key_points, leps, indicators, status, created_at, updated_at)
				values (?, 1, 'Custodia sociale', '2025-2027', '{}', '{}', '["A"]', '{}', '[]', '[]', 'draft', 1, 1)`
			)
			.run(planId).lastInsertRowid
	);
	const tavoloId = addTavolo(db, planId, 'Anziani');
	meeting = { id: addMeeting(db, tavoloId, '2026-03-02'), tavoloId, planId };
	before.migrateRest();
});

afterAll(() => removeDatabase());

describe('[M32] migration 0013', () => {
	it('leaves every incontro with an empty agenda and lets a facilitator fill it', () => {
		const { db } = database;
		expect(agendaMonitoring(db, meeting)).toEqual([]);
		expect(addToAgenda(db, meeting, objectiveId, { userId: null, now: 1 }).ok).toBe(true);
		expect(agendaMonitoring(db, meeting).map((o) => o.title)).toEqual(['Custodia sociale']);
	});

	it('drops an incontro agenda with the incontro (cascade)', () => {
		database.sqlite.prepare('delete from meetings where id = ?').run(meeting.id);
		expect(database.sqlite.prepare('select count(*) as n from meeting_monitoring').get()).toEqual({
			n: 0
		});
	});
});
