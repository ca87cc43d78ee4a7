import { and, eq, isNull } from 'drizzle-orm';
import { attendance } from '$lib/attendance/attendance.schema';
import { organizations } from '$lib/directory/directory.schema';
import { meetings } from '$lib/meeting/meeting.schema';
import type { Db } from '$lib/server/db/database';
import { tavoli } from '$lib/tavolo/tavolo.schema';
import { loadNeedsMatrix } from './needs-matrix.server';
import { planInbox } from './plan-inbox.server';
import { planSummary, type Proposal } from './plan-summary';

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
	// The newest version of each incontro's outcome speaks for it.
	const seen = new Set<number>();
	const proposals: Proposal[] = planInbox(db, planId)
		.filter((o) => !seen.has(o.meetingId) && seen.add(o.meetingId))
		.flatMap((o) =>
			o.cards.map(({ card, decision }) => ({
				tavoloId: o.tavolo.id,
				title: card.title,
				decision: decision?.decision ?? null
			}))
		);
	return planSummary(tavoloRows, lines, loadNeedsMatrix(db, planId), proposals);
}
