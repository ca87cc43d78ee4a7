import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import { planObjectives } from '$lib/plan-objectives/plan-objective.schema';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import type { PlanRow } from '$lib/plan/plan-repo.server';
import type { Db } from '$lib/server/db/database';
import { emptyEvaluation, evaluationGrid, type EvaluationInput } from './evaluation-grid';
import {
	indicatorIds,
	indicatorUnit,
	numberIn,
	periodOrder,
	planPeriods,
	progress
} from './monitoring';
import { indicatorMeasurements, objectiveEvaluations } from './monitoring.schema';
import { listActions, listBudget } from './resources-read.server';
import { resourceTotals } from './resources';

/**
 * What the monitoring API reads (SPEC M2, M4, M7, M10): a plan's live objectives with
 * their indicators under their ids, a period's measurements with progress, the grids.
 */

/** [M2, M3] The plan's live objectives, each indicator with its id and unit. */
export function objectivesWithIndicators(db: Db, planId: number) {
	return listPlanObjectives(db, planId).map((o) => {
		const ids = indicatorIds(o.indicators);
		return {
			id: o.id,
			number: o.number,
			title: o.title,
			status: o.status,
			indicators: o.indicators.map((i, n) => ({
				id: ids[n]!,
				name: i.description,
				level: i.level,
				kind: i.kind,
				baseline: i.baseline ?? null,
				target: i.target ?? null,
				unit: indicatorUnit(i.kind)
			}))
		};
	});
}

/** The measurements of the plan's live objectives up to a period, oldest period first. */
function measurementsUpTo(db: Db, planId: number, period: string) {
	return db
		.select({
			objectiveId: indicatorMeasurements.objectiveId,
			indicatorId: indicatorMeasurements.indicatorId,
			period: indicatorMeasurements.period,
			value: indicatorMeasurements.value,
			note: indicatorMeasurements.note,
			source: indicatorMeasurements.source
		})
		.from(indicatorMeasurements)
		.innerJoin(planObjectives, eq(planObjectives.id, indicatorMeasurements.objectiveId))
		.where(
			and(
				eq(planObjectives.planId, planId),
				isNull(planObjectives.archivedAt),
				lte(indicatorMeasurements.period, period)
			)
		)
		.all()
		.sort((a, b) => periodOrder(a.period, b.period));
}

/**
 * [M10] For a period already checked (M1): each objective's indicators with the latest
 * measurement up to it, progress from that (M4, null when it cannot be computed), and
 * the ids of the indicators with no measurement in that very period.
 */
export function monitoringOfPeriod(db: Db, planId: number, period: string) {
	const latest = new Map<string, ReturnType<typeof measurementsUpTo>[number]>();
	for (const m of measurementsUpTo(db, planId, period))
		latest.set(`${m.objectiveId}/${m.indicatorId}`, m);
	return objectivesWithIndicators(db, planId).map((o) => {
		const indicators = o.indicators.map((i) => {
			const m = latest.get(`${o.id}/${i.id}`);
			const value = m?.value ?? null;
			return {
				...i,
				latest: m ? { period: m.period, value, note: m.note, source: m.source } : null,
				progress: progress(
					numberIn(i.baseline ?? undefined),
					numberIn(i.target ?? undefined),
					value
				)
			};
		});
		const missing = indicators.filter((i) => i.latest?.period !== period).map((i) => i.id);
		return { id: o.id, number: o.number, title: o.title, indicators, missing };
	});
}

/** [M7] A saved evaluation row as its inputs and grid; no row is the empty grid. */
function evaluationOf(row: typeof objectiveEvaluations.$inferSelect | undefined) {
	const evaluation: EvaluationInput | null = row
		? {
				actionsPlanned: row.actionsPlanned,
				actionsDone: row.actionsDone,
				budgetPlanned: row.budgetPlanned,
				budgetPaid: row.budgetPaid,
				userEvaluation: row.userEvaluation,
				resourceAdequacy: row.resourceAdequacy,
				notes: row.notes
			}
		: null;
	return {
		evaluation,
		updatedAt: row?.updatedAt ?? null,
		grid: evaluationGrid(evaluation ?? emptyEvaluation)
	};
}

/** [M7] Every live objective's grid; an objective not yet evaluated has `evaluation: null`. */
export function planEvaluation(db: Db, planId: number) {
	const objectives = listPlanObjectives(db, planId);
	const ids = objectives.map((o) => o.id);
	const rows = ids.length
		? db
				.select()
				.from(objectiveEvaluations)
				.where(inArray(objectiveEvaluations.objectiveId, ids))
				.all()
		: [];
	const byObjective = new Map(rows.map((r) => [r.objectiveId, r]));
	return objectives.map((o) => ({
		id: o.id,
		number: o.number,
		title: o.title,
		...evaluationOf(byObjective.get(o.id))
	}));
}

/** [M7] One objective's grid, for a caller that has already checked the objective is live. */
export function objectiveEvaluation(db: Db, objectiveId: number) {
	return evaluationOf(
		db
			.select()
			.from(objectiveEvaluations)
			.where(eq(objectiveEvaluations.objectiveId, objectiveId))
			.get()
	);
}

/** The plan as its monitoring reads it: its years and how often it is measured (M1, M14). */
export type MonitoredPlan = Pick<PlanRow, 'id' | 'period' | 'monitoringCadence'>;

/**
 * [M10] Every live objective's monitoring at the plan's last period in its cadence, that is
 * each indicator's newest measurement, by objective id: what the objective page, the
 * tavoli, the public page and the Decidim CSV show.
 */
export function newestMonitoring(db: Db, plan: MonitoredPlan) {
	const last = planPeriods(plan.period, plan.monitoringCadence).at(-1);
	return new Map((last ? monitoringOfPeriod(db, plan.id, last) : []).map((o) => [o.id, o]));
}

/**
 * [M4, M7, M10, M15–M17] One objective's monitoring for its page: each indicator's newest
 * measurement and progress, its evaluation (saved inputs and grid), its actions and budget
 * and what they give the grid; null for an objective that is not a live one of the plan.
 */
export function objectiveMonitoring(db: Db, plan: MonitoredPlan, objectiveId: number) {
	const objective = newestMonitoring(db, plan).get(objectiveId);
	if (!objective) return null;
	const evaluation = objectiveEvaluation(db, objectiveId);
	const actions = listActions(db, objectiveId);
	const budget = listBudget(db, objectiveId);
	return {
		indicators: objective.indicators,
		evaluated: evaluation.evaluation !== null,
		evaluation: evaluation.evaluation,
		grid: evaluation.grid,
		actions,
		budget,
		totals: resourceTotals(actions, budget)
	};
}
