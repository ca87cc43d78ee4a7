import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPlan } from '$lib/plan/plan-repo.server';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito, addObjectives, addPlan, exportedObjective } from '$lib/server/db/test-fixtures';
import { recordMeasurement, saveEvaluation } from './monitoring-commands.server';
import { actionsInput, budgetInput, measurementInput } from './monitoring-input';
import { objectiveMonitoring, objectivesWithIndicators } from './monitoring-read.server';
import { objectiveActions, objectiveBudgets, objectiveEvaluations } from './monitoring.schema';
import { actionsFromForm, budgetFromForm, evaluationFromForm } from './resource-forms';
import { saveActions, saveBudget, setCadence } from './resources-commands.server';

let t: TestDatabase;
beforeEach(() => {
	t = createTestDatabase();
});
afterEach(() => t.cleanup());

const actor = { userId: null, now: 100 };
const indicators = [
	{ level: 'output', kind: 'count', description: 'Famiglie', baseline: '40', target: '60' }
] as const;

function planWithObjective() {
	const planId = addPlan(t.db, addAmbito(t.db));
	addObjectives(t.db, planId, [
		exportedObjective(1, 'Casa', {
			indicators: [...indicators],
			status: 'approved',
			approvedAt: '2025-12-15'
		})
	]);
	const [casa] = objectivesWithIndicators(t.db, planId);
	return { planId, objectiveId: casa!.id, indicatorId: casa!.indicators[0]!.id };
}

const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
};
describe('[M15] actions', () => {
	it('replace the list whole, in order, and count planned and done for the grid', () => {
		const { planId, objectiveId } = planWithObjective();
		const ref = { planId, objectiveId };
		const body = actionsInput.parse({
			actions: [
				{ title: 'Sportello casa', plannedOn: '2025-03-01', doneOn: '2025-04-02' },
				{ title: 'Bando affitti', plannedOn: '2026-01-15', doneOn: null },
				{ title: 'Tavolo proprietari', plannedOn: '2027-12-31', doneOn: null }
			]
		});
		expect(saveActions(t.db, ref, body, actor)).toMatchObject({ ok: true });
		const again = actionsInput.parse({ actions: body.actions.slice(0, 2).reverse() });
		const saved = saveActions(t.db, ref, again, actor);
		expect(saved.ok && saved.value.map((a) => a.title)).toEqual([
			'Bando affitti',
			'Sportello casa'
		]);
		const plan = getPlan(t.db, planId)!;
		expect(objectiveMonitoring(t.db, plan, objectiveId)?.totals).toMatchObject({
			actionsPlanned: 2,
			actionsDone: 1
		});
	});

	it('refuse a planned date outside the plan’s years, and an unknown objective, saving nothing', () => {
		const { planId, objectiveId } = planWithObjective();
		const ok = { title: 'Prima', plannedOn: '2025-01-01', doneOn: null };
		saveActions(t.db, { planId, objectiveId }, actionsInput.parse({ actions: [ok] }), actor);
		for (const plannedOn of ['2024-12-31', '2028-01-01']) {
			const body = actionsInput.parse({ actions: [{ ...ok, title: 'Fuori', plannedOn }] });
			expect(saveActions(t.db, { planId, objectiveId }, body, actor)).toEqual({
				ok: false,
				reason: 'date-outside-plan'
			});
		}
		const other = addPlan(t.db, addAmbito(t.db, 'Altro ambito'));
		const empty = actionsInput.parse({ actions: [] });
		expect(saveActions(t.db, { planId: other, objectiveId }, empty, actor)).toMatchObject({
			reason: 'unknown-objective'
		});
		expect(
			t.db
				.select()
				.from(objectiveActions)
				.all()
				.map((a) => a.title)
		).toEqual(['Prima']);
	});

	it('refuse a malformed body through the API’s schema', () => {
		const bad = [
			{ actions: [{ title: '', plannedOn: '2025-01-01', doneOn: null }] },
			{ actions: [{ title: 'A', plannedOn: '2025-02-30', doneOn: null }] },
			{ actions: [{ title: 'A', plannedOn: '2025-02-01' }] },
			{ actions: [{ title: 'A', plannedOn: '2025-02-01', doneOn: null, extra: 1 }] },
			{ actions: 'none' },
			{
				actions: Array.from({ length: 201 }, () => ({
					title: 'A',
					plannedOn: '2025-02-01',
					doneOn: null
				}))
			}
		];
		for (const b of bad)
			expect(actionsInput.safeParse(b).success, JSON.stringify(b).slice(0, 80)).toBe(false);
	});

	it('read from a form of rows, spare empty rows left out, a bad row named by its index', () => {
		const read = actionsFromForm(
			form([
				['title', 'Sportello'],
				['plannedOn', '2025-03-01'],
				['doneOn', ''],
				['title', ''],
				['plannedOn', ''],
				['doneOn', '']
			])
		);
		expect(read).toEqual({
			ok: true,
			data: { actions: [{ title: 'Sportello', plannedOn: '2025-03-01', doneOn: null }] }
		});
		const bad = actionsFromForm(
			form([
				['title', 'A'],
				['plannedOn', '2025-03-01'],
				['doneOn', ''],
				['title', 'B'],
				['plannedOn', '1 marzo'],
				['doneOn', '']
			])
		);
		expect(bad).toEqual({ ok: false, errors: { 'actions.1.plannedOn': 'invalid_date' } });
		expect(actionsFromForm(form([['title', 'A']]))).toMatchObject({ ok: false });
		expect(actionsFromForm(form([['other', 'A']]))).toEqual({
			ok: false,
			errors: { other: 'unknown_field' }
		});
	});
});

describe('[M16] budget', () => {
	it('keeps a line per year of the plan, replaced whole, and sums for the grid', () => {
		const { planId, objectiveId } = planWithObjective();
		const body = budgetInput.parse({
			years: [
				{ year: 2025, planned: 10000, committed: 9000, paid: 8000 },
				{ year: 2026, planned: 10000, committed: null, paid: 2000.5 }
			]
		});
		expect(saveBudget(t.db, { planId, objectiveId }, body, actor)).toMatchObject({ ok: true });
		const plan = getPlan(t.db, planId)!;
		expect(objectiveMonitoring(t.db, plan, objectiveId)?.totals).toMatchObject({
			budgetPlanned: 20000,
			budgetPaid: 10000.5
		});
	});

	it('refuses a year outside the plan, a repeated year, a negative or textual amount, saving nothing', () => {
		const { planId, objectiveId } = planWithObjective();
		const ref = { planId, objectiveId };
		const line = { year: 2025, planned: 1, committed: null, paid: null };
		saveBudget(t.db, ref, budgetInput.parse({ years: [line] }), actor);
		expect(saveBudget(t.db, ref, { years: [{ ...line, year: 2028 }] }, actor)).toEqual({
			ok: false,
			reason: 'year-outside-plan'
		});
		expect(saveBudget(t.db, ref, { years: [line, { ...line, planned: 2 }] }, actor)).toEqual({
			ok: false,
			reason: 'year-repeated'
		});
		for (const bad of [
			{ ...line, planned: -1 },
			{ ...line, paid: '100' },
			{ ...line, year: 2025.5 },
			{ ...line, planned: 5e-324 },
			{ ...line, paid: 10.005 }
		])
			expect(budgetInput.safeParse({ years: [bad] }).success).toBe(false);
		expect(t.db.select().from(objectiveBudgets).all()).toEqual([
			expect.objectContaining({ year: 2025, planned: 1 })
		]);
	});

	it('reads a form with Italian decimal commas, and names a non-number', () => {
		const read = budgetFromForm(
			form([
				['year', '2025'],
				['planned', '1200,50'],
				['committed', ''],
				['paid', '300']
			])
		);
		expect(read).toEqual({
			ok: true,
			data: { years: [{ year: 2025, planned: 1200.5, committed: null, paid: 300 }] }
		});
		const bad = budgetFromForm(
			form([
				['year', '2025'],
				['planned', 'mille'],
				['committed', ''],
				['paid', '']
			])
		);
		expect(bad).toEqual({ ok: false, errors: { 'years.0.planned': 'not_a_number' } });
	});
});

describe('[M17] the grid form shares the API’s evaluation schema', () => {
	const fields = (over: Record<string, string> = {}) =>
		form(
			Object.entries({
				actionsPlanned: '5',
				actionsDone: '4',
				budgetPlanned: '1000',
				budgetPaid: '1000',
				userEvaluation: '',
				resourceAdequacy: 'Adeguato',
				notes: 'Ritardi nel bando',
				...over
			})
		);

	it('reads the form into the body the API takes, and saves it through the same command', () => {
		const { planId, objectiveId } = planWithObjective();
		const read = evaluationFromForm(fields());
		expect(read).toEqual({
			ok: true,
			data: {
				actionsPlanned: 5,
				actionsDone: 4,
				budgetPlanned: 1000,
				budgetPaid: 1000,
				userEvaluation: null,
				resourceAdequacy: 'Adeguato',
				notes: 'Ritardi nel bando'
			}
		});
		const saved = saveEvaluation(
			t.db,
			{ planId, objectiveId },
			read.ok ? read.data : never(),
			actor
		);
		expect(saved.ok && saved.value.map((r) => r.value)).toEqual([
			'buono',
			null,
			'Adeguato',
			'ottimo',
			'Ritardi nel bando'
		]);
	});

	it('refuses what the API refuses, naming the field', () => {
		expect(evaluationFromForm(fields({ actionsDone: 'tre' }))).toEqual({
			ok: false,
			errors: { actionsDone: 'not_a_number' }
		});
		expect(evaluationFromForm(fields({ budgetPaid: '999,999' }))).toEqual({
			ok: false,
			errors: { budgetPaid: 'in_cents' }
		});
		expect(evaluationFromForm(fields({ resourceAdequacy: 'Abbastanza' }))).toEqual({
			ok: false,
			errors: { resourceAdequacy: 'not_in_scale' }
		});
		const missing = fields();
		missing.delete('notes');
		expect(evaluationFromForm(missing)).toEqual({ ok: false, errors: { notes: 'required' } });
		expect(t.db.select().from(objectiveEvaluations).all()).toEqual([]);
	});
});

describe('[M14] cadence', () => {
	it('changes while nothing is measured; then periods follow it, and a change is refused', () => {
		const { planId, objectiveId, indicatorId } = planWithObjective();
		expect(getPlan(t.db, planId)?.monitoringCadence).toBe('semester');
		expect(setCadence(t.db, planId, 'quarter')).toEqual({ ok: true, value: { changed: true } });
		const ref = { planId, objectiveId };
		const measure = (period: string) =>
			recordMeasurement(
				t.db,
				ref,
				measurementInput.parse({ indicatorId, period, value: 50 }),
				actor
			);
		expect(measure('2026-S1')).toEqual({ ok: false, reason: 'period-malformed' });
		expect(measure('2026-Q3')).toMatchObject({ ok: true });
		expect(setCadence(t.db, planId, 'quarter')).toEqual({ ok: true, value: { changed: false } });
		expect(setCadence(t.db, planId, 'year')).toEqual({
			ok: false,
			reason: 'cadence-has-measurements'
		});
		expect(getPlan(t.db, planId)?.monitoringCadence).toBe('quarter');
		const plan = getPlan(t.db, planId)!;
		expect(objectiveMonitoring(t.db, plan, objectiveId)?.indicators[0]?.latest).toMatchObject({
			period: '2026-Q3'
		});
	});

	it('an unknown plan is refused', () => {
		expect(setCadence(t.db, 999, 'year')).toEqual({ ok: false, reason: 'unknown-plan' });
	});
});

function never(): never {
	throw new Error('unreachable');
}
