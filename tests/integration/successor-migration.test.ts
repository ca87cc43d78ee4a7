import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuccessor } from '$lib/monitoring/successor-commands.server';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import { getPlan } from '$lib/plan/plan-repo.server';
import type { Database } from '$lib/server/db/database';
import { ensureTaxonomies } from '$lib/taxonomy/taxonomy-repo.server';
import { databaseBefore, seedPlan, seedApprovedObjective } from '../support/migrations';

/**
 * [M41–M43] drizzle/0014_plan_successor.sql on a database as the earlier migrations left
 * it: existing plans and objectives continue nothing and have nothing pending, and a plan
 * of before can be carried into a next one.
 */
let removeDatabase: () => void;
let database: Database;
let planId: number;
let objectiveId: number;

beforeAll(() => {
	const before = databaseBefore('0014_plan_successor');
	database = before.database;
	removeDatabase = before.remove;
	const columns = database.sqlite.prepare('pragma table_info(plan_objectives)').all() as {
		name: string;
	}[];
	expect(columns.map((c) => c.name)).not.toContain('predecessor_id');
	ensureTaxonomies(database.db);
	planId = seedPlan(database);
	objectiveId = seedApprovedObjective(database, planId);
	before.migrateRest();
});

afterAll(() => removeDatabase());

describe('[M41] migration 0014', () => {
	it('leaves existing plans and objectives without a predecessor and with nothing pending', () => {
		expect(getPlan(database.db, planId)!.predecessorId).toBeNull();
		const [casa] = listPlanObjectives(database.db, planId);
		expect(casa).toMatchObject({ id: objectiveId, predecessorId: null, pendingMapping: [] });
	});

	it('lets a plan of before be carried into the next one', () => {
		const done = createSuccessor(
			database.db,
			getPlan(database.db, planId)!,
			{
				title: 'Dopo',
				period: '2028-2030',
				taxonomyVersion: '2025-2027',
				objectiveIds: [objectiveId]
			},
			{ userId: null, now: 2 }
		);
		expect(done).toMatchObject({ ok: true, value: { carried: 1, needsMapping: [] } });
	});
});
