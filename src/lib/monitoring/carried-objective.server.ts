import { eq } from 'drizzle-orm';
import { planObjectives } from '$lib/plan-objectives/plan-objective.schema';
import { plans } from '$lib/plan/plan.schema';
import type { Db } from '$lib/server/db/database';
import { planEvaluation } from './monitoring-read.server';
import { openMappings } from './successor';

type Objective = typeof planObjectives.$inferSelect;

/**
 * [M45] For a carried draft's page: the objective it continues (number, title, plan),
 * that objective's evaluation grid (M7) read through planEvaluation, and the mapping
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
			period: plans.period
		})
		.from(planObjectives)
		.innerJoin(plans, eq(plans.id, planObjectives.planId))
		.where(eq(planObjectives.id, objective.predecessorId))
		.get();
	if (!previous) return null;
	const evaluation = planEvaluation(db, previous.planId).find((o) => o.id === previous.id);
	return {
		previous,
		grid: evaluation?.evaluation ? evaluation.grid : null,
		open: openMappings(objective.pendingMapping, objective)
	};
}
