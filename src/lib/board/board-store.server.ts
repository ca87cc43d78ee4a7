import { and, eq, inArray, sql } from 'drizzle-orm';
import { inTransaction, preparedOnce, type Db } from '$lib/server/db/database';
import type { BoardMeta } from './board-doc';
import {
	boardCards,
	boardClients,
	boardPhaseSnapshots,
	boards,
	pendingCards
} from './board.schema';
import type { BoardPhase } from './board';
import { meetings } from '$lib/meeting/meeting.schema';
import { policyAreas } from '$lib/plan/plan.schema';
import { tavoli } from '$lib/tavolo/tavolo.schema';

/**
 * Board rows and what the board room reads besides its document (which lives
 * in BoardDocumentStore): settings, phase snapshots for the minutes, the plan's
 * policy areas.
 */
export function savePhaseSnapshot(
	db: Db,
	boardId: string,
	phase: BoardPhase,
	state: Uint8Array,
	now: number
): void {
	db.insert(boardPhaseSnapshots)
		.values({ boardId, phase, state: Buffer.from(state), createdAt: now })
		.run();
}

export type BoardRow = typeof boards.$inferSelect;

/** Every board request runs this: built once (preparedOnce). */
const boardById = preparedOnce((db) =>
	db
		.select()
		.from(boards)
		.where(eq(boards.id, sql.placeholder('boardId')))
		.prepare()
);

export function getBoard(db: Db, boardId: string): BoardRow | undefined {
	return boardById(db).get({ boardId });
}

/** The open boards of the incontri held on `day` (Europe/Rome) and convened or under way. */
export function openBoardsOn(db: Db, day: string): string[] {
	return db
		.select({ id: boards.id })
		.from(boards)
		.innerJoin(meetings, eq(meetings.id, boards.meetingId))
		.where(
			and(
				eq(meetings.date, day),
				eq(boards.open, true),
				inArray(meetings.status, ['convened', 'in_progress'])
			)
		)
		.all()
		.map((row) => row.id);
}

/** The settings part of a board row, as the document mirrors them. */
export function metaOf(row: BoardRow): BoardMeta {
	return {
		phase: row.phase,
		locked: row.locked,
		anonymous: row.anonymous,
		privateWriting: row.privateWriting,
		participantsCanCluster: row.participantsCanCluster,
		timerEndsAt: row.timerEndsAt,
		spotlightCardId: row.spotlightCardId,
		follow: row.follow,
		roundId: row.activeRoundId,
		openFields: row.openFields,
		cardLimit: row.cardLimit
	};
}

/** The policy areas of the plan a board's incontro belongs to (card tags, B10). */
export function loadPolicyAreaIds(db: Db, boardId: string): Set<number> {
	const rows = db
		.select({ id: policyAreas.id })
		.from(boards)
		.innerJoin(meetings, eq(meetings.id, boards.meetingId))
		.innerJoin(tavoli, eq(tavoli.id, meetings.tavoloId))
		.innerJoin(policyAreas, eq(policyAreas.planId, tavoli.planId))
		.where(eq(boards.id, boardId))
		.all();
	return new Set(rows.map((r) => r.id));
}

/**
 * SPEC J7: the stored traces of one participant on a board — cards written,
 * Yjs client ids claimed, cards waiting off the board — become another's.
 */
export function reassignRecords(db: Db, boardId: string, from: string, into: string): void {
	inTransaction(db, () => {
		db.update(boardCards)
			.set({ participantId: into })
			.where(and(eq(boardCards.boardId, boardId), eq(boardCards.participantId, from)))
			.run();
		db.update(boardClients)
			.set({ participantId: into })
			.where(and(eq(boardClients.boardId, boardId), eq(boardClients.participantId, from)))
			.run();
		db.update(pendingCards)
			.set({ participantId: into })
			.where(and(eq(pendingCards.boardId, boardId), eq(pendingCards.participantId, from)))
			.run();
	});
}
