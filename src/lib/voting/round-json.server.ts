import type { Participant } from '$lib/board/board-room.server';
import type { Db } from '$lib/server/db/database';
import { mayVote, ownBallot, roundProgress } from './ballot-repo.server';
import { type RoundRow } from './round-commands.server';

/**
 * A round as one visitor may see it: its setup and targets, their own ballot and
 * remaining budget, and for facilitators how many have voted and finished —
 * never a total or anyone else's choice before the reveal (V5). With one voice
 * per organisation, the people of an organisation other than its delegate get
 * no ballot and `notDelegate` (V4), so the page can say who votes for them.
 */
export function roundJson(db: Db, round: RoundRow, participant: Participant) {
	const isFacilitator = participant.writer.role === 'facilitator';
	const voter = mayVote(round, participant);
	const mine = voter ? ownBallot(db, round, participant.writer.participantId) : null;
	return {
		roundId: round.id,
		boardId: round.boardId,
		status: round.status,
		options: round.options,
		targets: round.targets,
		runOffOf: round.runOffOf,
		mayVote: mine?.ok ?? false,
		notDelegate: mine?.ok === false,
		mine: mine?.ok ? mine.value : null,
		progress: isFacilitator ? roundProgress(db, round.id) : undefined
	};
}
