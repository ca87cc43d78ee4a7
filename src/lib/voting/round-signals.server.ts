import { everyone, facilitators, onlyParticipant } from '$lib/board/board-room.server';
import { boardOfMeeting, type BoardServices } from '$lib/board/board-commands.server';
import { roundProgress } from './ballot-repo.server';
import { type RoundRow } from './round-commands.server';
import { roundResults } from './voting-results.server';
import type { ResultsJson, RoundSignal } from './voting-api';

/**
 * How a board's pages learn what changed in its rounds, on their socket
 * (SPEC V12): no page polls. Ballots and totals never travel here before the
 * reveal (V5): everyone hears a round's status, with its results once revealed
 * (public from then on, as GET /results gives them); only facilitators hear how
 * many voted and finished.
 */

/** Counts go at most this often per round: a plenary's ballots would otherwise each cost a count. */
export const PROGRESS_EVERY_MS = 250;

/** A round closed, reopened or revealed: every page of the board hears it, with the results of a reveal. */
export function tellRoundStatus(s: BoardServices, round: RoundRow): void {
	s.hub.signal(round.boardId, everyone, (): RoundSignal => {
		// The same JSON as GET /results, whose stored ballots the client reads as `Ballot`.
		const results = (roundResults(s.db, round) ?? undefined) as ResultsJson | undefined;
		return { topic: 'round', roundId: round.id, status: round.status, results };
	});
}

/** A ballot or a «Ho finito» landed: the facilitators' pages hear the counts, soon and once. */
export function tellProgress(s: BoardServices, boardId: string, roundId: number): void {
	s.hub.signalSoon(boardId, `progress/${roundId}`, PROGRESS_EVERY_MS, () =>
		s.hub.signal(boardId, facilitators, (): RoundSignal => ({
			topic: 'progress',
			roundId,
			...roundProgress(s.db, roundId)
		}))
	);
}

/**
 * Whether one participant may vote changed (a delegate confirmed or withdrawn
 * on the incontro's foglio firme, V4): their pages re-read the rounds.
 */
export function tellVoterChanged(s: BoardServices, meetingId: number, participantId: string): void {
	const board = boardOfMeeting(s.db, meetingId);
	if (!board) return;
	s.hub.signal(board.id, onlyParticipant(participantId), (): RoundSignal => ({ topic: 'voter' }));
}
