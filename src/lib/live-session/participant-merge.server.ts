import { linePair, foldLine, type MergeRefusal } from '$lib/attendance/line-merge.server';
import { boardOfMeeting, type BoardServices } from '$lib/board/board-commands.server';
import { reassignComments } from '$lib/minutes/minutes-commands.server';
import { inTransaction } from '$lib/server/db/database';
import { CloseCode } from '$lib/sync/protocol';
import { mergeVoters } from '$lib/voting/voter-merge.server';

export type MergeResult =
	{ ok: true; keptId: string } | { ok: false; reason: MergeRefusal; unknown?: string[] };

/**
 * SPEC J7: the facilitator merges two lines of an incontro's foglio firme that
 * are one person. In one transaction: their ballots become one (V10), their
 * comments on the verbale, cards, waiting cards and Yjs client ids become the
 * kept line's — in the live document too, so connected clients see the new
 * author — and the merged line's sessions and devices move to the kept line,
 * which alone stays on the sheet. The merged line's open sockets then close
 * (4411): its browsers reload as the kept line. Nothing changes when refused.
 */
export function mergeParticipants(
	s: BoardServices,
	meetingId: number,
	ids: { from: string; into: string }
): MergeResult {
	const board = boardOfMeeting(s.db, meetingId);
	const result = inTransaction(s.db, (): MergeResult => {
		const pair = linePair(s.db, meetingId, ids);
		if (!pair.ok) return { ok: false, reason: pair.reason, unknown: pair.unknown };
		mergeVoters(s.db, ids.from, ids.into);
		reassignComments(s.db, ids.from, ids.into);
		const kept = foldLine(s.db, pair.value, s.clock.now());
		if (board)
			s.hub.reassignParticipant(board.id, ids.from, {
				participantId: kept.id,
				name: kept.name,
				organization: kept.organizationName
			});
		return { ok: true, keptId: kept.id };
	});
	if (result.ok && board)
		s.hub.closeConnections(board.id, CloseCode.merged, 'merged into another line', ids.from);
	return result;
}
