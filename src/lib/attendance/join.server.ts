import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { normalizeJoinCode } from '$lib/board/board';
import { boards } from '$lib/board/board.schema';
import { inTransaction, preparedOnce, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { samePerson, type JoinInput } from './attendance';
import { addAttendance } from './attendance-commands.server';
import { attendance, attendanceDevices } from './attendance.schema';
import { createGuestSession, GUEST_COOKIE, validateGuestToken } from './guest-session.server';

export { GUEST_COOKIE };

/** A join and the browser it comes from (SPEC J6). */
export interface JoinRequest extends JoinInput {
	/** The device's id (deviceId of device-cookie.server.ts) and the guest cookie it holds, if any. */
	from?: { deviceId: string | null; guestToken: string | null };
}

export interface Joined {
	boardId: string;
	meetingId: number;
	participantId: string;
	token: string;
	expiresAt: number;
	/** True when this browser already had the line (SPEC J6): nothing was added to the foglio firme. */
	rejoined: boolean;
}

const boardByCode = preparedOnce((db) =>
	db
		.select()
		.from(boards)
		.where(eq(boards.joinCode, sql.placeholder('code')))
		.prepare()
);

/**
 * Joining an incontro without an account (SPEC J1, J2, J6): the code of an open
 * board, a name, an organisation and consent give a guest session for that
 * incontro and a line on its foglio firme, in one transaction. A browser that
 * already joined under that name gets its line back, however many times or how
 * fast it submits: the check and the insert share the transaction, and SQLite
 * runs one at a time.
 */
export function joinWithCode(
	db: Db,
	request: JoinRequest,
	now: number
): Result<Joined, 'unknown-code'> {
	const code = normalizeJoinCode(request.code);
	const board = boardByCode(db).get({ code });
	if (!board || !board.open) return { ok: false, reason: 'unknown-code' };
	return inTransaction(db, () => {
		const known = knownLine(db, board.meetingId, request, now);
		const lineId =
			known?.id ??
			addAttendance(
				db,
				board.meetingId,
				{
					name: request.name,
					organization: request.organization,
					source: 'code',
					consent: true
				},
				now
			).id;
		const deviceId = request.from?.deviceId;
		if (deviceId)
			db.insert(attendanceDevices)
				.values({ deviceId, attendanceId: lineId, createdAt: now })
				.onConflictDoNothing()
				.run();
		const session = known?.session ?? createGuestSession(db, lineId, board.meetingId, now);
		return {
			ok: true,
			value: {
				boardId: board.id,
				meetingId: board.meetingId,
				participantId: lineId,
				token: session.token,
				expiresAt: session.expiresAt,
				rejoined: known !== undefined
			}
		} as const;
	});
}

/**
 * SPEC J6: the line this browser already holds on the incontro's foglio firme
 * under the name typed — the one its guest cookie names (whose session it keeps),
 * else the latest its device joined. Another name on the same device is another person.
 */
function knownLine(
	db: Db,
	meetingId: number,
	request: JoinRequest,
	now: number
): { id: string; session: { token: string; expiresAt: number } | null } | undefined {
	const token = request.from?.guestToken;
	const guest = token ? validateGuestToken(db, token, now) : null;
	if (token && guest && guest.meetingId === meetingId && samePerson(request.name, guest))
		return { id: guest.attendanceId, session: { token, expiresAt: guest.expiresAt } };
	const deviceId = request.from?.deviceId;
	if (!deviceId) return undefined;
	const line = db
		.select({ id: attendance.id, name: attendance.name })
		.from(attendanceDevices)
		.innerJoin(attendance, eq(attendance.id, attendanceDevices.attendanceId))
		.where(
			and(
				eq(attendanceDevices.deviceId, deviceId),
				eq(attendance.meetingId, meetingId),
				isNull(attendance.removedAt)
			)
		)
		.orderBy(desc(attendance.joinedAt))
		.all()
		.find((l) => samePerson(request.name, l));
	return line && { id: line.id, session: null };
}
