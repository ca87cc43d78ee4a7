import { desc, eq } from 'drizzle-orm';
import { meetings } from '$lib/meeting/meeting.schema';
import { getOutcome } from '$lib/outcomes/outcome-commands.server';
import { outcomes } from '$lib/outcomes/outcome.schema';
import type { Db } from '$lib/server/db/database';
import { tavoli } from '$lib/tavolo/tavolo.schema';
import { adoptionsInOtherVersions } from './plan-objective-commands.server';
import { outcomeDecisions, planObjectives } from './plan-objective.schema';

export type Decision = typeof outcomeDecisions.$inferSelect;

/**
 * The UdP's inbox (SPEC PO2): every outcome of every tavolo of the plan, newest
 * first, with what changed since its previous version and the decision taken on
 * each proposed objective (or none yet).
 */
export function planInbox(db: Db, planId: number) {
	const rows = db
		.select({
			id: outcomes.id,
			meetingId: outcomes.meetingId,
			version: outcomes.version,
			tavolo: tavoli.name,
			tavoloId: tavoli.id
		})
		.from(outcomes)
		.innerJoin(meetings, eq(meetings.id, outcomes.meetingId))
		.innerJoin(tavoli, eq(tavoli.id, meetings.tavoloId))
		.where(eq(tavoli.planId, planId))
		.orderBy(desc(outcomes.createdAt), desc(outcomes.id))
		.all();
	return rows.map((r) => {
		const outcome = getOutcome(db, r.id)!;
		const decisions = new Map(
			db
				.select()
				.from(outcomeDecisions)
				.where(eq(outcomeDecisions.outcomeId, r.id))
				.all()
				.map((d) => [d.cardId, d])
		);
		const elsewhere = adoptionsInOtherVersions(db, r);
		return {
			...outcome,
			tavolo: { id: r.tavoloId, name: r.tavolo },
			cards: outcome.objectives.map((card) => {
				const decision = decisions.get(card.id) ?? null;
				// Undecided on this version, but already in the plan from another one.
				const inPlan = decision ? null : (elsewhere.get(card.id) ?? null);
				return { card, decision, inPlan };
			}),
			undecided: outcome.objectives.filter((c) => !decisions.has(c.id)).length
		};
	});
}

/**
 * Where a plan objective came from (SPEC PO4): each tavolo card adopted or merged
 * into it, with its incontro, its source sticky notes and their votes.
 */
export function provenance(db: Db, objectiveId: number) {
	return db
		.select({ decision: outcomeDecisions, content: outcomes.content, version: outcomes.version })
		.from(outcomeDecisions)
		.innerJoin(outcomes, eq(outcomes.id, outcomeDecisions.outcomeId))
		.where(eq(outcomeDecisions.planObjectiveId, objectiveId))
		.all()
		.map(({ decision, content, version }) => ({
			decision: decision.decision,
			decidedAt: decision.decidedAt,
			outcomeId: decision.outcomeId,
			version,
			meeting: content.meeting,
			card: content.objectives.find((o) => o.id === decision.cardId) ?? null
		}));
}

export function getPlanObjective(db: Db, planId: number, objectiveId: number) {
	const row = db.select().from(planObjectives).where(eq(planObjectives.id, objectiveId)).get();
	return row?.planId === planId ? row : undefined;
}
