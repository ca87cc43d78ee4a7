import { eq } from 'drizzle-orm';
import { normalizeJoinCode } from '$lib/board/board';
import { boards } from '$lib/board/board.schema';
import { inTransaction, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import type { JoinInput } from './attendance';
import { addAttendance } from './attendance-commands.server';
import { createGuestSession, GUEST_COOKIE } from './guest-session.server';

export { GUEST_COOKIE };

export interface Joined {
	boardId: string;
	meetingId: number;
	participantId: string;
	token: string;
	expiresAt: number;
}

/**
 * Joining an incontro without an account (SPEC J1-J2): the code of an open board,
 * a name, an organisation and consent give a guest session for that incontro and
 * a line on its foglio firme, in one transaction.
 */
export function joinWithCode(
	db: Db,
	input: JoinInput,
	now: number
): Result<Joined, 'unknown-code'> {
	const code = normalizeJoinCode(input.code);
	const board = db.select().from(boards).where(eq(boards.joinCode, code)).get();
	if (!board || !board.open) return { ok: false, reason: 'unknown-code' };
	return inTransaction(db, () => {
		const line = addAttendance(
			db,
			board.meetingId,
			{ name: input.name, organization: input.organization, source: 'code', consent: true },
			now
		);
		const session = createGuestSession(db, line.id, board.meetingId, now);
		return {
			ok: true,
			value: {
				boardId: board.id,
				meetingId: board.meetingId,
				participantId: line.id,
				token: session.token,
				expiresAt: session.expiresAt
			}
		} as const;
	});
}
