import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMeasurement, saveEvaluation } from '$lib/monitoring/monitoring-commands.server';
import { measurementInput } from '$lib/monitoring/monitoring-input';
import { objectivesWithIndicators } from '$lib/monitoring/monitoring-read.server';
import { planObjectives } from '$lib/plan-objectives/plan-objective.schema';
import type { Database } from '$lib/server/db/database';
import { ensureTaxonomies } from '$lib/taxonomy/taxonomy-repo.server';
import { databaseBefore, seedPlan, seedApprovedObjective } from '../support/migrations';

/**
 * [M8] drizzle/0010_monitoring.sql on a database as 0009 left it: the objectives and
 * their indicators are untouched, and the new tables take measurements and grids.
 */
let removeDatabase: () => void;
let database: Database;
let planId: number;
let objectiveId: number;

const indicators = [
	{
		level: 'output',
		kind: 'count',
		description: 'Famiglie prese in carico',
		baseline: '40',
		target: '60'
	}
];

beforeAll(() => {
	const before = databaseBefore('0010_monitoring');
	database = before.database;
	removeDatabase = before.remove;
	const tables = database.sqlite
		.prepare("select name from sqlite_master where name = 'indicator_measurements'")
		.all();
	expect(tables, 'the measurements table comes with 0010').toEqual([]);
	ensureTaxonomies(database.db);
	planId = seedPlan(database);
	objectiveId = seedApprovedObjective(database, planId, indicators);
	before.migrateRest();
});
afterAll(() => removeDatabase());

describe('[M8] 0010: measurements and evaluations', () => {
	it('leaves the objectives and their indicators as they were', () => {
		expect(database.db.select().from(planObjectives).all()).toEqual([
			expect.objectContaining({ id: objectiveId, title: 'Casa', indicators, updatedAt: 1 })
		]);
	});

	it('stores a measurement and a grid for an objective written before it', () => {
		const [objective] = objectivesWithIndicators(database.db, planId);
		const ref = { planId, objectiveId };
		const input = measurementInput.parse({
			indicatorId: objective!.indicators[0]!.id,
			period: '2026-S1',
			value: 50
		});
		expect(recordMeasurement(database.db, ref, input, { userId: null, now: 2 }).ok).toBe(true);
		const grid = {
			actionsPlanned: 2,
			actionsDone: 2,
			budgetPlanned: null,
			budgetPaid: null,
			userEvaluation: null,
			resourceAdequacy: null,
			notes: null
		};
		expect(saveEvaluation(database.db, ref, grid, { userId: null, now: 2 }).ok).toBe(true);
	});
});
