import { eq } from 'drizzle-orm';
import { attendance } from '$lib/attendance/attendance.schema';
import { boardOfMeeting, type BoardServices } from '$lib/board/board-commands.server';
import { readBoard } from '$lib/board/board-doc';
import { readObjectives } from '$lib/objectives/objective-doc';
import type { Db } from '$lib/server/db/database';
import { listPriorities } from '$lib/voting/priority-commands.server';
import { listRounds } from '$lib/voting/round-commands.server';
import { roundResults } from '$lib/voting/voting-results.server';
import { authorsFrom, readMeeting, type Authors, type RevealedRound } from './meeting-read';

/**
 * Loads the read model of an incontro (SPEC E4) from its stored board, revealed
 * rounds, priorities and foglio firme. Undefined when the incontro has no live
 * board. The board as read, its objective cards and the authors come along for
 * what maps further (the current phase, the phase snapshots), so no caller
 * decodes the document again.
 */
export function loadMeetingRead(s: BoardServices, meetingId: number) {
	const board = boardOfMeeting(s.db, meetingId);
	const room = board ? s.hub.room(board.id) : undefined;
	if (!board || !room) return undefined;
	const authors = meetingAuthors(s.db, meetingId);
	const objectives = readObjectives(room.doc);
	const view = readBoard(room.doc);
	const read = readMeeting({
		view,
		authors,
		rounds: revealedRounds(s.db, board.id),
		priorities: listPriorities(s.db, board.id).map((p) => ({ type: p.targetType, id: p.targetId })),
		objectiveSources: objectives.flatMap((o) => o.sources)
	});
	return { board, view, authors, objectives, read };
}

/** Removed and erased lines included: a card still traces to its author, or to no name. */
export function meetingAuthors(db: Db, meetingId: number): Authors {
	const lines = db.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
	return authorsFrom(
		lines.map((l) => ({ id: l.id, name: l.name, organization: l.organizationName }))
	);
}

/** Revealed rounds only: nobody sees totals before the reveal (voting V5). */
function revealedRounds(db: Db, boardId: string): RevealedRound[] {
	return listRounds(db, boardId).flatMap((round) => {
		const results = roundResults(db, round);
		if (!results) return [];
		return [
			{
				roundId: round.id,
				method: results.method,
				criteria: results.criteria,
				ballots: results.ballots,
				paperBallots: results.paperBallots,
				revealedAt: round.revealedAt,
				labels: results.labels,
				ranking: results.ranking,
				condorcetWinner: results.condorcetWinner
			}
		];
	});
}
