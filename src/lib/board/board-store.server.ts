import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/database';
import type { BoardMeta } from './board-doc';
import { boardPhaseSnapshots, boards } from './board.schema';
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

export function getBoard(db: Db, boardId: string): BoardRow | undefined {
	return db.select().from(boards).where(eq(boards.id, boardId)).get();
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
