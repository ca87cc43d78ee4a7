import { count, eq, max } from 'drizzle-orm';
import { ambiti, plans } from '$lib/plan/plan.schema';
import type { PlanStatus } from '$lib/plan/plan-status';
import type { Db } from '$lib/server/db/database';
import type { PlanDocxCover } from './docx-frame.server';
import { planObjectiveRevisions, planObjectives } from './plan-objective.schema';

/** The plan's status as the cover says it; the document is Italian, as the plans are. */
const statusWords: Record<PlanStatus, string> = {
	drafting: 'in elaborazione',
	approved: 'approvato',
	in_force: 'in vigore',
	closed: 'concluso'
};

const romeDay = new Intl.DateTimeFormat('it-IT', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/Rome'
});

/**
 * What the DOCX cover prints (SPEC PO5a): the Ambito, the period, and which state of
 * the objectives it holds — the number of saved revisions and the day of the last
 * one, so two exports of the same state carry the same version and date.
 */
export function planCover(db: Db, planId: number): PlanDocxCover {
	const plan = db
		.select({
			ambito: ambiti.name,
			period: plans.period,
			status: plans.status,
			createdAt: plans.createdAt
		})
		.from(plans)
		.innerJoin(ambiti, eq(ambiti.id, plans.ambitoId))
		.where(eq(plans.id, planId))
		.get();
	if (!plan) throw new Error(`planCover: no plan ${planId}`);
	const revisions = db
		.select({ n: count(), last: max(planObjectiveRevisions.changedAt) })
		.from(planObjectiveRevisions)
		.innerJoin(planObjectives, eq(planObjectives.id, planObjectiveRevisions.objectiveId))
		.where(eq(planObjectives.planId, planId))
		.get();
	return {
		ambito: plan.ambito,
		period: plan.period,
		date: romeDay.format(new Date(revisions?.last ?? plan.createdAt)),
		version: `${revisions?.n ?? 0} · piano ${statusWords[plan.status]}`
	};
}
