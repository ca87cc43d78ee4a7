import { eq } from 'drizzle-orm';
import { planObjectives } from '$lib/plan-objectives/plan-objective.schema';
import { plans } from '$lib/plan/plan.schema';
import type { Db } from '$lib/server/db/database';
import { objectiveEvaluation } from './monitoring-read.server';
import { openMappings } from './successor';

type Objective = typeof planObjectives.$inferSelect;

/**
 * [M45] For a carried draft's page: the objective it continues (number, title, plan),
 * that objective's evaluation grid (M7) read through objectiveEvaluation, and the mapping
 * items still open (M43). Null for an objective that continues nothing.
 */
export function carriedFrom(db: Db, objective: Objective) {
	if (objective.predecessorId === null) return null;
	const previous = db
		.select({
			id: planObjectives.id,
			number: planObjectives.number,
			title: planObjectives.title,
			planId: plans.id,
			planTitle: plans.title,
			period: plans.period,
			archivedAt: planObjectives.archivedAt
		})
		.from(planObjectives)
		.innerJoin(plans, eq(plans.id, planObjectives.planId))
		.where(eq(planObjectives.id, objective.predecessorId))
		.get();
	if (!previous) return null;
	const { archivedAt, ...shown } = previous;
	// An archived predecessor's grid is not shown, as the plan's evaluation leaves it out (M7).
	const evaluation = archivedAt === null ? objectiveEvaluation(db, previous.id) : null;
	return {
		previous: shown,
		grid: evaluation?.evaluation ? evaluation.grid : null,
		open: openMappings(objective.pendingMapping, objective)
	};
}
