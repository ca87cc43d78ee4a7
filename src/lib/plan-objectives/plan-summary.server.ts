import { and, eq, isNull } from 'drizzle-orm';
import { attendance } from '$lib/attendance/attendance.schema';
import { organizations } from '$lib/directory/directory.schema';
import { meetings } from '$lib/meeting/meeting.schema';
import type { Db } from '$lib/server/db/database';
import { tavoli } from '$lib/tavolo/tavolo.schema';
import { latestOutcomes, loadNeedsMatrix } from './needs-matrix.server';
import { planSummary, priorityLines, type Proposal } from './plan-summary';

/** The figures of the slide di sintesi for a plan, from the foglio firme, outcomes and decisions. */
export function loadPlanSummary(db: Db, planId: number) {
	const tavoloRows = db
		.select({ id: tavoli.id, name: tavoli.name })
		.from(tavoli)
		.where(eq(tavoli.planId, planId))
		.orderBy(tavoli.name)
		.all();
	const lines = db
		.select({
			tavoloId: meetings.tavoloId,
			meetingId: attendance.meetingId,
			person: attendance.name,
			organization: attendance.organizationName,
			sector: organizations.sector
		})
		.from(attendance)
		.innerJoin(meetings, eq(meetings.id, attendance.meetingId))
		.innerJoin(tavoli, eq(tavoli.id, meetings.tavoloId))
		.leftJoin(organizations, eq(organizations.id, attendance.organizationId))
		.where(and(eq(tavoli.planId, planId), isNull(attendance.removedAt)))
		.all();
	const latest = latestOutcomes(db, planId);
	const proposals: Proposal[] = latest.flatMap((r) => {
		const decided = new Map(r.decisions.map((d) => [d.cardId, d.decision]));
		return r.outcome.content.objectives.map((card) => ({
			tavoloId: r.tavoloId,
			title: card.title,
			decision: decided.get(card.id) ?? null
		}));
	});
	const priorities = latest.flatMap((r) => priorityLines(r.tavoloId, r.outcome.content));
	return planSummary(tavoloRows, lines, loadNeedsMatrix(db, planId), proposals, priorities);
}
