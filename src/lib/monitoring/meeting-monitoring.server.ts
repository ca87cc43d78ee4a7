import { and, asc, eq } from 'drizzle-orm';
import { getPlan } from '$lib/plan/plan-repo.server';
import { getPlanObjective } from '$lib/plan-objectives/plan-inbox.server';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import type { Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { meetingMonitoring } from './monitoring.schema';
import type { ObjectiveProgress } from './objective-progress';
import { objectivesProgress } from './objective-progress.server';
import { objectivesFromTavolo } from './tavolo-feedback.server';

/** The incontro an agenda belongs to, as `getMeeting` reads it. */
export interface AgendaMeeting {
	id: number;
	tavoloId: number;
	planId: number;
}

export type AgendaRefusal = 'objective-not-found' | 'already-on-agenda' | 'not-on-agenda';

/**
 * [M32] Puts a live objective of the incontro's own plan on its agenda; an objective of
 * another plan, an archived or unknown one is `objective-not-found`, a repeat
 * `already-on-agenda`. The caller has checked who may (the tavolo's facilitators, the UdP).
 */
export function addToAgenda(
	db: Db,
	meeting: AgendaMeeting,
	objectiveId: number,
	by: { userId: number | null; now: number }
): Result<{ objectiveId: number }, AgendaRefusal> {
	const objective = getPlanObjective(db, meeting.planId, objectiveId);
	if (!objective || objective.archivedAt !== null)
		return { ok: false, reason: 'objective-not-found' };
	const added = db
		.insert(meetingMonitoring)
		.values({ meetingId: meeting.id, objectiveId, addedBy: by.userId, addedAt: by.now })
		.onConflictDoNothing()
		.run();
	if (added.changes === 0) return { ok: false, reason: 'already-on-agenda' };
	return { ok: true, value: { objectiveId } };
}

/** [M32] Takes an objective off the incontro's agenda; `not-on-agenda` when it was not on it. */
export function removeFromAgenda(
	db: Db,
	meetingId: number,
	objectiveId: number
): Result<{ objectiveId: number }, AgendaRefusal> {
	const removed = db
		.delete(meetingMonitoring)
		.where(
			and(
				eq(meetingMonitoring.meetingId, meetingId),
				eq(meetingMonitoring.objectiveId, objectiveId)
			)
		)
		.run();
	if (removed.changes === 0) return { ok: false, reason: 'not-on-agenda' };
	return { ok: true, value: { objectiveId } };
}

/**
 * [M33] The objectives on the incontro's agenda, in the order they were put there, with
 * status and progress per indicator (M30); archived ones keep their place, marked.
 */
export function agendaMonitoring(db: Db, meeting: AgendaMeeting): ObjectiveProgress[] {
	const plan = getPlan(db, meeting.planId);
	if (!plan) return [];
	const ids = db
		.select({ objectiveId: meetingMonitoring.objectiveId })
		.from(meetingMonitoring)
		.where(eq(meetingMonitoring.meetingId, meeting.id))
		.orderBy(asc(meetingMonitoring.id))
		.all()
		.map((r) => r.objectiveId);
	const progress = objectivesProgress(db, plan, ids);
	return ids.flatMap((id) => progress.get(id) ?? []);
}

/**
 * [M32] What a facilitator may put on the agenda: the plan's live objectives not on it
 * yet, those the tavolo's cards went into first (flagged `fromTavolo`), then the others,
 * each group by number.
 */
export function agendaChoices(db: Db, meeting: AgendaMeeting) {
	const onAgenda = new Set(
		db
			.select({ id: meetingMonitoring.objectiveId })
			.from(meetingMonitoring)
			.where(eq(meetingMonitoring.meetingId, meeting.id))
			.all()
			.map((r) => r.id)
	);
	const fromTavolo = new Set(objectivesFromTavolo(db, meeting.tavoloId));
	return listPlanObjectives(db, meeting.planId)
		.filter((o) => !onAgenda.has(o.id))
		.map((o) => ({ id: o.id, number: o.number, title: o.title, fromTavolo: fromTavolo.has(o.id) }))
		.sort((a, b) => Number(b.fromTavolo) - Number(a.fromTavolo) || a.number - b.number);
}
