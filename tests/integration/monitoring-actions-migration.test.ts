import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveEvaluation } from '$lib/monitoring/monitoring-commands.server';
import { actionsInput, budgetInput } from '$lib/monitoring/monitoring-input';
import { objectiveMonitoring } from '$lib/monitoring/monitoring-read.server';
import { saveActions, saveBudget, setCadence } from '$lib/monitoring/resources-commands.server';
import { getPlan } from '$lib/plan/plan-repo.server';
import type { Database } from '$lib/server/db/database';
import { addAmbito, addPlan } from '$lib/server/db/test-fixtures';
import { ensureTaxonomies } from '$lib/taxonomy/taxonomy-repo.server';
import { seedPlan, databaseBefore, seedApprovedObjective } from '../support/migrations';

/**
 * [M14–M16] drizzle/0012_monitoring_actions.sql on a database as 0011 left it: a plan
 * and its objective, measured and evaluated, keep everything; the plan is monitored by
 * semester (the cadence every plan had), and actions and budgets can be added.
 */
let removeDatabase: () => void;
let database: Database;
let planId: number;
let objectiveId: number;

beforeAll(() => {
	const before = databaseBefore('0012_monitoring_actions');
	database = before.database;
	removeDatabase = before.remove;
	const columns = database.sqlite.prepare('pragma table_info(plans)').all() as { name: string }[];
	expect(columns.map((c) => c.name)).not.toContain('monitoring_cadence');
	ensureTaxonomies(database.db);
	planId = seedPlan(database);
	objectiveId = seedApprovedObjective(database, planId);
	database.sqlite
		.prepare(
			`insert into indicator_measurements (objective_id, indicator_id, period, value, note, source,
				entered_at, history) values (?, 'i1', '2026-S1', 5, '', '', 1, '[]')`
		)
		.run(objectiveId);
	database.sqlite
		.prepare(
			`insert into objective_evaluations (objective_id, actions_planned, actions_done, updated_at)
			values (?, 4, 2, 1)`
		)
		.run(objectiveId);
	before.migrateRest();
});
afterAll(() => removeDatabase());

describe('[M14–M16] 0012: cadence, actions and budgets', () => {
	it('gives every existing plan the semester cadence and keeps its measurements and grid', () => {
		const plan = getPlan(database.db, planId)!;
		expect(plan).toMatchObject({ title: 'Piano di Zona', monitoringCadence: 'semester' });
		const read = objectiveMonitoring(database.db, plan, objectiveId)!;
		expect(read.evaluation).toMatchObject({ actionsPlanned: 4, actionsDone: 2 });
		expect(read.actions).toEqual([]);
		expect(setCadence(database.db, planId, 'year')).toEqual({
			ok: false,
			reason: 'cadence-has-measurements'
		});
	});

	it('stores actions and budgets for an objective written before it', () => {
		const ref = { planId, objectiveId };
		const actor = { userId: null, now: 2 };
		const actions = actionsInput.parse({
			actions: [{ title: 'Sportello', plannedOn: '2025-05-01', doneOn: '2025-06-01' }]
		});
		expect(saveActions(database.db, ref, actions, actor).ok).toBe(true);
		const years = budgetInput.parse({
			years: [{ year: 2025, planned: 100, committed: 100, paid: 100 }]
		});
		expect(saveBudget(database.db, ref, years, actor).ok).toBe(true);
		const evaluation = {
			actionsPlanned: 1,
			actionsDone: 1,
			budgetPlanned: 100,
			budgetPaid: 100,
			userEvaluation: null,
			resourceAdequacy: null,
			notes: null
		};
		expect(saveEvaluation(database.db, ref, evaluation, actor).ok).toBe(true);
		const plan = getPlan(database.db, planId)!;
		expect(objectiveMonitoring(database.db, plan, objectiveId)?.totals).toEqual({
			actionsPlanned: 1,
			actionsDone: 1,
			budgetPlanned: 100,
			budgetPaid: 100
		});
	});

	it('a new plan starts by semester', () => {
		const other = addPlan(database.db, addAmbito(database.db, 'Altro'));
		expect(getPlan(database.db, other)?.monitoringCadence).toBe('semester');
	});
});
