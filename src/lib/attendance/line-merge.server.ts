import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { getAttendance, type AttendanceLine } from './attendance-commands.server';
import { attendance, attendanceDevices, guestSessions } from './attendance.schema';

/** Two lines of one incontro's foglio firme that are one person: `from` goes, `into` stays. */
export interface LinePair {
	from: AttendanceLine;
	into: AttendanceLine;
}

export type MergeRefusal = 'same-line' | 'unknown-line' | 'different-accounts';

/**
 * SPEC J7: the two lines a merge names, or why it cannot happen: the same line
 * twice, a line that is not on this incontro's foglio firme (another incontro's
 * included; `unknown` names it), or two lines of two different accounts, which
 * are two people.
 */
export function linePair(
	db: Db,
	meetingId: number,
	ids: { from: string; into: string }
): Result<LinePair, MergeRefusal> & { unknown?: string[] } {
	if (ids.from === ids.into) return { ok: false, reason: 'same-line' };
	const from = getAttendance(db, meetingId, ids.from);
	const into = getAttendance(db, meetingId, ids.into);
	if (!from || !into) {
		const unknown = [from ? null : ids.from, into ? null : ids.into].filter((id) => id !== null);
		return { ok: false, reason: 'unknown-line', unknown };
	}
	if (from.userId !== null && into.userId !== null && from.userId !== into.userId)
		return { ok: false, reason: 'different-accounts' };
	return { ok: true, value: { from, into } };
}

/**
 * SPEC J7, the foglio firme's part of a merge: the merged line's guest sessions
 * and devices move to the kept line (its browsers go on as the kept line), the
 * kept line takes the account and directory person it lacked, the earlier
 * arrival and the consent; the merged line leaves the sheet, marked with the
 * line it went into. The kept line's name, organisation and delegate standing
 * are the facilitator's choice, so they stay as they are.
 */
export function foldLine(db: Db, pair: LinePair, now: number): AttendanceLine {
	const { from, into } = pair;
	db.update(guestSessions)
		.set({ attendanceId: into.id })
		.where(eq(guestSessions.attendanceId, from.id))
		.run();
	const devices = db
		.select({ deviceId: attendanceDevices.deviceId })
		.from(attendanceDevices)
		.where(eq(attendanceDevices.attendanceId, from.id))
		.all();
	for (const { deviceId } of devices)
		db.insert(attendanceDevices)
			.values({ deviceId, attendanceId: into.id, createdAt: now })
			.onConflictDoNothing()
			.run();
	db.delete(attendanceDevices).where(eq(attendanceDevices.attendanceId, from.id)).run();
	db.update(attendance)
		.set({ removedAt: now, mergedInto: into.id, updatedAt: now })
		.where(eq(attendance.id, from.id))
		.run();
	return db
		.update(attendance)
		.set({
			userId: into.userId ?? from.userId,
			personId: into.personId ?? from.personId,
			joinedAt: Math.min(into.joinedAt, from.joinedAt),
			consentAt: earliest(into.consentAt, from.consentAt),
			updatedAt: now
		})
		.where(eq(attendance.id, into.id))
		.returning()
		.get();
}

function earliest(a: number | null, b: number | null): number | null {
	if (a === null) return b;
	if (b === null) return a;
	return Math.min(a, b);
}
