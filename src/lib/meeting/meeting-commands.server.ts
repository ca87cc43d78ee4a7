import { and, eq } from 'drizzle-orm';
import { inTransaction, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { subgroups } from '$lib/tavolo/tavolo.schema';
import type { MeetingInput } from './meeting';
import { meetingStatusChanges, meetings } from './meeting.schema';
import { canMoveTo, type MeetingStatus } from './meeting-status';

/** Plans a new incontro or edits one; a sub-group must be the tavolo's own. */
export function saveMeeting(
	db: Db,
	tavoloId: number,
	meetingId: number | null,
	input: MeetingInput,
	now: number
): Result<number, 'foreign-subgroup' | 'not-found' | 'minutes-approved'> {
	if (input.subgroupId !== null) {
		const group = db
			.select({ id: subgroups.id })
			.from(subgroups)
			.where(and(eq(subgroups.id, input.subgroupId), eq(subgroups.tavoloId, tavoloId)))
			.get();
		if (!group) return { ok: false, reason: 'foreign-subgroup' };
	}
	if (meetingId === null) {
		const row = db
			.insert(meetings)
			.values({ tavoloId, ...input, status: 'planned', createdAt: now, updatedAt: now })
			.returning()
			.get();
		return { ok: true, value: row.id };
	}
	// M1: an incontro whose verbale is approved is a record; its details no longer change.
	const current = db
		.select({ status: meetings.status })
		.from(meetings)
		.where(and(eq(meetings.id, meetingId), eq(meetings.tavoloId, tavoloId)))
		.get();
	if (!current) return { ok: false, reason: 'not-found' };
	if (current.status === 'minutes_approved') return { ok: false, reason: 'minutes-approved' };
	const changed = db
		.update(meetings)
		.set({ ...input, updatedAt: now })
		.where(and(eq(meetings.id, meetingId), eq(meetings.tavoloId, tavoloId)))
		.run();
	return changed.changes ? { ok: true, value: meetingId } : { ok: false, reason: 'not-found' };
}

/** Moves an incontro along its life (SPEC M1) and records who did it. */
export function changeMeetingStatus(
	db: Db,
	meetingId: number,
	to: MeetingStatus,
	userId: number,
	now: number
): Result<void, 'invalid-transition' | 'not-found'> {
	return inTransaction(db, () => {
		const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
		if (!meeting) return { ok: false, reason: 'not-found' } as const;
		if (!canMoveTo(meeting.status, to)) return { ok: false, reason: 'invalid-transition' } as const;
		db.update(meetings).set({ status: to, updatedAt: now }).where(eq(meetings.id, meetingId)).run();
		db.insert(meetingStatusChanges)
			.values({
				meetingId,
				fromStatus: meeting.status,
				toStatus: to,
				changedBy: userId,
				changedAt: now
			})
			.run();
		return { ok: true, value: undefined } as const;
	});
}
