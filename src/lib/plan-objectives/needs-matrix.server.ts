import { and, desc, eq, isNull } from 'drizzle-orm';
import { meetings } from '$lib/meeting/meeting.schema';
import { outcomes } from '$lib/outcomes/outcome.schema';
import { listPolicyAreas } from '$lib/plan/plan-repo.server';
import type { Db } from '$lib/server/db/database';
import { tavoli, tavoloPolicyAreas } from '$lib/tavolo/tavolo.schema';
import { needsMatrix, type MatrixSource, type NeedRow } from './needs-matrix';
import { outcomeDecisions, planObjectives } from './plan-objective.schema';

/**
 * The newest version of each incontro's outcome in the plan (it speaks for the
 * incontro), with its tavolo and the UdP's decisions on its cards. The needs
 * matrix and the summary slides both start here.
 */
export function latestOutcomes(db: Db, planId: number) {
	const rows = db
		.select({ outcome: outcomes, tavoloId: tavoli.id, tavolo: tavoli.name })
		.from(outcomes)
		.innerJoin(meetings, eq(meetings.id, outcomes.meetingId))
		.innerJoin(tavoli, eq(tavoli.id, meetings.tavoloId))
		.where(eq(tavoli.planId, planId))
		.orderBy(desc(outcomes.version), desc(outcomes.id))
		.all();
	const latest = new Map<number, (typeof rows)[number]>();
	for (const r of rows) if (!latest.has(r.outcome.meetingId)) latest.set(r.outcome.meetingId, r);
	return [...latest.values()].map((r) => ({
		...r,
		decisions: db
			.select()
			.from(outcomeDecisions)
			.where(eq(outcomeDecisions.outcomeId, r.outcome.id))
			.all()
	}));
}

/** The latest outcome of every incontro of the plan, with the UdP's decisions, as matrix rows. */
export function loadNeedsMatrix(db: Db, planId: number): NeedRow[] {
	const areas = new Map(
		listPolicyAreas(db, planId).map((a) => [
			a.id,
			{ name: a.name, macroAreas: a.macroAreas.map((m) => m.code) }
		])
	);
	const objectives = new Map(
		db
			.select()
			.from(planObjectives)
			// An archived objective answers no need any more (PO8).
			.where(and(eq(planObjectives.planId, planId), isNull(planObjectives.archivedAt)))
			.all()
			.map((o) => [o.id, { id: o.id, number: o.number, title: o.title, macroAreas: o.macroAreas }])
	);
	const sources: MatrixSource[] = latestOutcomes(db, planId).map((r) => {
		const decided = r.decisions.filter((d) => d.decision === 'adopted' || d.decision === 'merged');
		const areaIds = db
			.select({ id: tavoloPolicyAreas.policyAreaId })
			.from(tavoloPolicyAreas)
			.where(eq(tavoloPolicyAreas.tavoloId, r.tavoloId))
			.all();
		return {
			outcome: r.outcome.content,
			tavolo: {
				id: r.tavoloId,
				name: r.tavolo,
				policyAreas: areaIds.map((a) => areas.get(a.id)).filter((a) => a !== undefined)
			},
			answeredBy: new Map(
				decided
					.filter((d) => d.planObjectiveId && objectives.has(d.planObjectiveId))
					.map((d) => [d.cardId, objectives.get(d.planObjectiveId!)!])
			)
		};
	});
	return needsMatrix(sources);
}
