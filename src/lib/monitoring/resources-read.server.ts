import { asc, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/database';
import { objectiveActions, objectiveBudgets } from './monitoring.schema';
import type { ActionLine, BudgetLine } from './resources';

/** [M15] An objective's actions in the UdP's order. */
export function listActions(db: Db, objectiveId: number): ActionLine[] {
	return db
		.select({
			title: objectiveActions.title,
			plannedOn: objectiveActions.plannedOn,
			doneOn: objectiveActions.doneOn
		})
		.from(objectiveActions)
		.where(eq(objectiveActions.objectiveId, objectiveId))
		.orderBy(asc(objectiveActions.position))
		.all();
}

/** [M16] An objective's budget, year by year. */
export function listBudget(db: Db, objectiveId: number): BudgetLine[] {
	return db
		.select({
			year: objectiveBudgets.year,
			planned: objectiveBudgets.planned,
			committed: objectiveBudgets.committed,
			paid: objectiveBudgets.paid
		})
		.from(objectiveBudgets)
		.where(eq(objectiveBudgets.objectiveId, objectiveId))
		.orderBy(asc(objectiveBudgets.year))
		.all();
}
