import { and, asc, desc, eq, isNull, max } from 'drizzle-orm';
import { policyAreas } from '$lib/plan/plan.schema';
import type { Db } from '$lib/server/db/database';
import { planObjectiveRevisions, planObjectives } from './plan-objective.schema';

export type PlanObjectiveRow = typeof planObjectives.$inferSelect;

/** The plan's objectives in number order, with their policy area's name; archived ones left out (PO8). */
export function listPlanObjectives(db: Db, planId: number) {
	return db
		.select({
			objective: planObjectives,
			policyArea: policyAreas.name,
			areaPosition: policyAreas.position
		})
		.from(planObjectives)
		.leftJoin(policyAreas, eq(policyAreas.id, planObjectives.policyAreaId))
		.where(and(eq(planObjectives.planId, planId), isNull(planObjectives.archivedAt)))
		.orderBy(asc(planObjectives.number))
		.all()
		.map((r) => ({ ...r.objective, policyArea: r.policyArea, areaPosition: r.areaPosition }));
}

/** The number after the plan's highest: where a new objective goes (adopted, or a sheet's first row). */
export function nextObjectiveNumber(db: Db, planId: number): number {
	const last = db
		.select({ n: max(planObjectives.number) })
		.from(planObjectives)
		.where(eq(planObjectives.planId, planId))
		.get();
	return (last?.n ?? 0) + 1;
}

/** Keeps the whole objective as it now stands, with the fields that changed (SPEC PO4). */
export function recordRevision(
	db: Db,
	row: PlanObjectiveRow,
	changed: string[],
	userId: number | null,
	now: number
): void {
	const last = db
		.select({ r: max(planObjectiveRevisions.revision) })
		.from(planObjectiveRevisions)
		.where(eq(planObjectiveRevisions.objectiveId, row.id))
		.get();
	db.insert(planObjectiveRevisions)
		.values({
			objectiveId: row.id,
			revision: (last?.r ?? 0) + 1,
			snapshot: { ...row },
			changed,
			changedBy: userId,
			changedAt: now
		})
		.run();
}

export function listRevisions(db: Db, objectiveId: number) {
	return db
		.select()
		.from(planObjectiveRevisions)
		.where(eq(planObjectiveRevisions.objectiveId, objectiveId))
		.orderBy(desc(planObjectiveRevisions.revision))
		.all();
}
