import { and, asc, desc, eq, gte, inArray, ne } from 'drizzle-orm';
import type { Actor } from '$lib/auth/access';
import { users } from '$lib/auth/auth.schema';
import type { Db } from '$lib/server/db/database';
import { subgroups, tavoli } from '$lib/tavolo/tavolo.schema';
import { meetingStatusChanges, meetings } from './meeting.schema';

export type MeetingRow = typeof meetings.$inferSelect;

export function getMeeting(db: Db, meetingId: number) {
	return db
		.select({
			meeting: meetings,
			tavoloName: tavoli.name,
			planId: tavoli.planId,
			subgroupName: subgroups.name
		})
		.from(meetings)
		.innerJoin(tavoli, eq(tavoli.id, meetings.tavoloId))
		.leftJoin(subgroups, eq(subgroups.id, meetings.subgroupId))
		.where(eq(meetings.id, meetingId))
		.get();
}

export function listMeetingsOfTavolo(db: Db, tavoloId: number): MeetingRow[] {
	return db
		.select()
		.from(meetings)
		.where(eq(meetings.tavoloId, tavoloId))
		.orderBy(asc(meetings.date), asc(meetings.startTime))
		.all();
}

/** Dates of a tavolo's incontri that count for its quarterly rule (tavolo SPEC T2): not cancelled. */
export function countedMeetingDates(db: Db, tavoloId: number): string[] {
	return db
		.select({ date: meetings.date })
		.from(meetings)
		.where(and(eq(meetings.tavoloId, tavoloId), ne(meetings.status, 'cancelled')))
		.all()
		.map((m) => m.date);
}

/** Upcoming incontri (today included) of the tavoli the actor may see. */
export function listUpcomingMeetings(db: Db, actor: Actor, today: string, limit = 10) {
	const visible = actor.role === 'admin' ? undefined : [...actor.tavoli.keys()];
	if (visible && visible.length === 0) return [];
	return db
		.select({ meeting: meetings, tavoloName: tavoli.name })
		.from(meetings)
		.innerJoin(tavoli, eq(tavoli.id, meetings.tavoloId))
		.where(
			and(gte(meetings.date, today), visible ? inArray(meetings.tavoloId, visible) : undefined)
		)
		.orderBy(asc(meetings.date), asc(meetings.startTime))
		.limit(limit)
		.all();
}

export function listStatusChanges(db: Db, meetingId: number) {
	return db
		.select({
			fromStatus: meetingStatusChanges.fromStatus,
			toStatus: meetingStatusChanges.toStatus,
			changedAt: meetingStatusChanges.changedAt,
			changedBy: users.displayName
		})
		.from(meetingStatusChanges)
		.leftJoin(users, eq(users.id, meetingStatusChanges.changedBy))
		.where(eq(meetingStatusChanges.meetingId, meetingId))
		.orderBy(desc(meetingStatusChanges.changedAt), desc(meetingStatusChanges.id))
		.all();
}
