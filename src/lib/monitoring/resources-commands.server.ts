import { eq, inArray } from 'drizzle-orm';
import type { MonitoringCadence } from '$lib/plan/monitoring-cadence';
import { planObjectives } from '$lib/plan-objectives/plan-objective.schema';
import { plans } from '$lib/plan/plan.schema';
import { getPlan } from '$lib/plan/plan-repo.server';
import type { Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { planYears } from './monitoring';
import { indicatorMeasurements, objectiveActions, objectiveBudgets } from './monitoring.schema';
import type { ActionsBody, BudgetBody } from './monitoring-input';
import { liveObjective, type Actor, type ObjectiveRef } from './monitoring-commands.server';
import type { ActionLine, BudgetLine } from './resources';
import { listActions, listBudget } from './resources-read.server';

/** Use cases of a plan's cadence and an objective's actions and budget (SPEC M14–M16). */

export type ResourceRefusal =
	'unknown-objective' | 'date-outside-plan' | 'year-outside-plan' | 'year-repeated';

/** The plan's years for an objective of it, or null when the objective is not a live one of the plan. */
function objectiveYears(db: Db, ref: ObjectiveRef) {
	const plan = getPlan(db, ref.planId);
	if (!plan || !liveObjective(db, ref)) return null;
	return planYears(plan.period);
}

const inYears = (year: number, years: { from: number; to: number } | null) =>
	years !== null && year >= years.from && year <= years.to;

/**
 * [M15] Replaces an objective's actions with the list given, in its order. An action is
 * planned inside the plan's years (its year is the one it counts in); refusals save nothing.
 */
export function saveActions(
	db: Db,
	ref: ObjectiveRef,
	input: ActionsBody,
	actor: Actor
): Result<ActionLine[], ResourceRefusal> {
	const years = objectiveYears(db, ref);
	if (!years) return { ok: false, reason: 'unknown-objective' };
	if (input.actions.some((a) => !inYears(Number(a.plannedOn.slice(0, 4)), years)))
		return { ok: false, reason: 'date-outside-plan' };
	db.transaction((tx) => {
		tx.delete(objectiveActions).where(eq(objectiveActions.objectiveId, ref.objectiveId)).run();
		if (input.actions.length === 0) return;
		tx.insert(objectiveActions)
			.values(
				input.actions.map((a, position) => ({
					objectiveId: ref.objectiveId,
					position,
					...a,
					updatedBy: actor.userId,
					updatedAt: actor.now
				}))
			)
			.run();
	});
	return { ok: true, value: listActions(db, ref.objectiveId) };
}

/**
 * [M16] Replaces an objective's budget with the years given: each a year of the plan, at
 * most once. Refusals save nothing.
 */
export function saveBudget(
	db: Db,
	ref: ObjectiveRef,
	input: BudgetBody,
	actor: Actor
): Result<BudgetLine[], ResourceRefusal> {
	const years = objectiveYears(db, ref);
	if (!years) return { ok: false, reason: 'unknown-objective' };
	if (input.years.some((y) => !inYears(y.year, years)))
		return { ok: false, reason: 'year-outside-plan' };
	if (new Set(input.years.map((y) => y.year)).size !== input.years.length)
		return { ok: false, reason: 'year-repeated' };
	db.transaction((tx) => {
		tx.delete(objectiveBudgets).where(eq(objectiveBudgets.objectiveId, ref.objectiveId)).run();
		if (input.years.length === 0) return;
		tx.insert(objectiveBudgets)
			.values(
				input.years.map((y) => ({
					objectiveId: ref.objectiveId,
					...y,
					updatedBy: actor.userId,
					updatedAt: actor.now
				}))
			)
			.run();
	});
	return { ok: true, value: listBudget(db, ref.objectiveId) };
}

export type CadenceRefusal = 'unknown-plan' | 'cadence-has-measurements';

/**
 * [M14] Sets how often the plan is measured. Refused while any objective of the plan
 * (archived ones too: they can come back) has a measurement: those periods are written
 * in the old cadence and no rule turns a semester into quarters without inventing
 * values. The same cadence again changes nothing.
 */
export function setCadence(
	db: Db,
	planId: number,
	cadence: MonitoringCadence
): Result<{ changed: boolean }, CadenceRefusal> {
	const plan = getPlan(db, planId);
	if (!plan) return { ok: false, reason: 'unknown-plan' };
	if (plan.monitoringCadence === cadence) return { ok: true, value: { changed: false } };
	const objectiveIds = db
		.select({ id: planObjectives.id })
		.from(planObjectives)
		.where(eq(planObjectives.planId, planId));
	const measured = db
		.select({ id: indicatorMeasurements.id })
		.from(indicatorMeasurements)
		.where(inArray(indicatorMeasurements.objectiveId, objectiveIds))
		.limit(1)
		.get();
	if (measured) return { ok: false, reason: 'cadence-has-measurements' };
	db.update(plans).set({ monitoringCadence: cadence }).where(eq(plans.id, planId)).run();
	return { ok: true, value: { changed: true } };
}
