import { eq, sql } from 'drizzle-orm';
import { access, type Actor } from '$lib/auth/access';
import { attendanceOfAccount, findAccountLine } from '$lib/attendance/attendance-commands.server';
import type { Guest } from '$lib/attendance/guest-session.server';
import { meetings } from '$lib/meeting/meeting.schema';
import { preparedOnce, type Db } from '$lib/server/db/database';
import type { BoardRole } from './board';
import { participantOf, type Participant } from './board-room.server';
import type { BoardRow } from './board-store.server';

export type BoardAccess =
	{ ok: true; participant: Participant; tavoloId: number } | { ok: false; status: 401 | 403 | 404 };

/** Every board request runs this: built once (preparedOnce). */
const tavoloOfMeeting = preparedOnce((db) =>
	db
		.select({ tavoloId: meetings.tavoloId })
		.from(meetings)
		.where(eq(meetings.id, sql.placeholder('meetingId')))
		.prepare()
);

/**
 * Who the visitor is on a board (SPEC J4): facilitators of the tavolo (and the
 * UdP) drive it, its observers watch, its other members and the guests who joined
 * this incontro with the code write. Account holders sign the foglio firme by
 * opening the board.
 */
export function boardAccess(
	db: Db,
	board: BoardRow,
	who: { actor: Actor | null; guest: Guest | null },
	now: number
): BoardAccess {
	const meeting = tavoloOfMeeting(db).get({ meetingId: board.meetingId });
	if (!meeting) return { ok: false, status: 404 };
	const { actor, guest } = who;
	if (actor && access.viewTavolo(actor, meeting.tavoloId)) {
		const role = roleOf(actor, meeting.tavoloId);
		// Opening a live board signs the foglio firme; reading a closed one (a past
		// incontro's record) must not add a line to it.
		const line = board.open
			? attendanceOfAccount(db, board.meetingId, actor, now)
			: findAccountLine(db, board.meetingId, actor);
		return {
			ok: true,
			tavoloId: meeting.tavoloId,
			participant: line
				? participantOf({ role, participantId: line.id }, line.name, line.organizationName)
				: {
						...participantOf({ role, participantId: readerId(actor) }, '', ''),
						readOnly: true,
						onSheet: false
					}
		};
	}
	if (guest && guest.meetingId === board.meetingId && board.open) {
		return {
			ok: true,
			tavoloId: meeting.tavoloId,
			participant: participantOf(
				{ role: 'participant', participantId: guest.attendanceId },
				guest.name,
				guest.organization
			)
		};
	}
	return { ok: false, status: actor || guest ? 403 : 401 };
}

function roleOf(actor: Actor, tavoloId: number): BoardRole {
	if (access.manageTavolo(actor, tavoloId)) return 'facilitator';
	if (actor.role === 'observer' || actor.tavoli.get(tavoloId) === 'observer') return 'observer';
	return 'participant';
}

/** Who reads a closed board without a line on its sheet: no attendance id, never stored. */
const readerId = (actor: Actor) => `reader-${actor.userId}`;
