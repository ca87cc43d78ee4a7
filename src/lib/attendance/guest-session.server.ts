import { and, eq, sql } from 'drizzle-orm';
import { generateSessionToken, sessionIdFromToken } from '$lib/auth/auth-session.server';
import { preparedOnce, type Db } from '$lib/server/db/database';
import { GUEST_SESSION_HOURS } from './attendance';
import { attendance, guestSessions } from './attendance.schema';

/**
 * A guest's session: created when someone joins with the code, valid for that
 * incontro only and for one working day (SPEC J2). Stored as the SHA-256 of the
 * cookie token, like account sessions.
 */
export const GUEST_COOKIE = 'tavoli_guest';

export interface Guest {
	sessionId: string;
	attendanceId: string;
	meetingId: number;
	name: string;
	organization: string;
}

export function createGuestSession(db: Db, attendanceId: string, meetingId: number, now: number) {
	const token = generateSessionToken();
	const expiresAt = now + GUEST_SESSION_HOURS * 3_600_000;
	db.insert(guestSessions)
		.values({ id: sessionIdFromToken(token), attendanceId, meetingId, expiresAt, createdAt: now })
		.run();
	return { token, expiresAt };
}

/** Every request with a guest cookie runs this: built once (preparedOnce). */
const sessionWithLine = preparedOnce((db) =>
	db
		.select({ session: guestSessions, line: attendance })
		.from(guestSessions)
		.innerJoin(attendance, eq(attendance.id, guestSessions.attendanceId))
		.where(eq(guestSessions.id, sql.placeholder('id')))
		.prepare()
);

/** The guest a token names while its session is valid and its line on the sheet, with when it ends. */
export function validateGuestToken(
	db: Db,
	token: string,
	now: number
): (Guest & { expiresAt: number }) | null {
	const id = sessionIdFromToken(token);
	const row = sessionWithLine(db).get({ id });
	if (!row) return null;
	if (now >= row.session.expiresAt || row.line.removedAt !== null) {
		db.delete(guestSessions).where(eq(guestSessions.id, id)).run();
		return null;
	}
	return {
		sessionId: id,
		attendanceId: row.line.id,
		meetingId: row.session.meetingId,
		name: row.line.name,
		organization: row.line.organizationName,
		expiresAt: row.session.expiresAt
	};
}

export function endGuestSession(db: Db, sessionId: string): void {
	db.delete(guestSessions).where(eq(guestSessions.id, sessionId)).run();
}

export function endGuestSessionsOf(db: Db, attendanceId: string, meetingId: number): void {
	db.delete(guestSessions)
		.where(
			and(eq(guestSessions.attendanceId, attendanceId), eq(guestSessions.meetingId, meetingId))
		)
		.run();
}
