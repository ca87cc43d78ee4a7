import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { attendance } from '$lib/attendance/attendance.schema';
import type { Db } from '$lib/server/db/database';
import { minutes, minutesComments } from './minutes.schema';

/** Queries of the verbale's versions and comments (SPEC M-V5..M-V7). */
export type MinutesRow = typeof minutes.$inferSelect;

export function latestVersion(db: Db, meetingId: number): MinutesRow | undefined {
	return db
		.select()
		.from(minutes)
		.where(eq(minutes.meetingId, meetingId))
		.orderBy(desc(minutes.version))
		.get();
}

/** M-V6: the newest version participants may read (shared or frozen), if any. */
export function latestReadableVersion(db: Db, meetingId: number): MinutesRow | undefined {
	return db
		.select()
		.from(minutes)
		.where(and(eq(minutes.meetingId, meetingId), inArray(minutes.status, ['shared', 'frozen'])))
		.orderBy(desc(minutes.version))
		.get();
}

export function getVersion(db: Db, meetingId: number, version: number): MinutesRow | undefined {
	return db
		.select()
		.from(minutes)
		.where(and(eq(minutes.meetingId, meetingId), eq(minutes.version, version)))
		.get();
}

export function listVersions(db: Db, meetingId: number) {
	return db
		.select({
			version: minutes.version,
			status: minutes.status,
			updatedAt: minutes.updatedAt,
			sharedAt: minutes.sharedAt,
			frozenAt: minutes.frozenAt
		})
		.from(minutes)
		.where(eq(minutes.meetingId, meetingId))
		.orderBy(desc(minutes.version))
		.all();
}

export interface CommentView {
	id: number;
	section: string;
	text: string;
	createdAt: number;
	participantId: string;
	author: string;
	organization: string;
}

/** Comments on a version, oldest first; only the author's own when `participantId` is given (M-V7). */
export function listComments(db: Db, minutesId: number, participantId?: string): CommentView[] {
	return db
		.select({
			id: minutesComments.id,
			section: minutesComments.section,
			text: minutesComments.text,
			createdAt: minutesComments.createdAt,
			participantId: minutesComments.participantId,
			author: attendance.name,
			organization: attendance.organizationName
		})
		.from(minutesComments)
		.innerJoin(attendance, eq(attendance.id, minutesComments.participantId))
		.where(
			and(
				eq(minutesComments.minutesId, minutesId),
				participantId ? eq(minutesComments.participantId, participantId) : undefined
			)
		)
		.orderBy(asc(minutesComments.createdAt), asc(minutesComments.id))
		.all();
}

/** An account's line on the foglio firme of an incontro, if they signed it (never creates one). */
export function accountLine(db: Db, meetingId: number, userId: number): string | null {
	const line = db
		.select({ id: attendance.id })
		.from(attendance)
		.where(
			and(
				eq(attendance.meetingId, meetingId),
				eq(attendance.userId, userId),
				isNull(attendance.removedAt)
			)
		)
		.get();
	return line?.id ?? null;
}
