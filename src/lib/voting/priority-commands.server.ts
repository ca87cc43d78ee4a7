import { and, asc, eq } from 'drizzle-orm';
import { boardItemIds, type BoardServices, type Refusal } from '$lib/board/board-commands.server';
import type { Db } from '$lib/server/db/database';
import { boardPriorities } from './voting.schema';
import { boardRound } from './round-commands.server';

/**
 * Promotes a card or cluster of this board to a priority, with the round it won, if any.
 * An item or round that names nothing on this board is refused and nothing is stored.
 */
export function promote(
	s: BoardServices,
	boardId: string,
	target: { type: 'card' | 'cluster'; id: string; roundId: number | null }
): { ok: true } | Refusal<'unknown-target' | 'unknown-round'> {
	const ids = boardItemIds(s, boardId);
	if (!(target.type === 'card' ? ids.cards : ids.clusters).has(target.id))
		return { ok: false, reason: 'unknown-target', unknown: [target.id] };
	if (target.roundId !== null && !boardRound(s.db, boardId, target.roundId))
		return { ok: false, reason: 'unknown-round', unknown: [String(target.roundId)] };
	s.db
		.insert(boardPriorities)
		.values({
			boardId,
			targetType: target.type,
			targetId: target.id,
			roundId: target.roundId,
			promotedAt: s.clock.now()
		})
		.onConflictDoNothing()
		.run();
	return { ok: true };
}

export function demote(db: Db, boardId: string, type: 'card' | 'cluster', id: string): boolean {
	return (
		db
			.delete(boardPriorities)
			.where(
				and(
					eq(boardPriorities.boardId, boardId),
					eq(boardPriorities.targetType, type),
					eq(boardPriorities.targetId, id)
				)
			)
			.run().changes > 0
	);
}

export function listPriorities(db: Db, boardId: string) {
	return db
		.select()
		.from(boardPriorities)
		.where(eq(boardPriorities.boardId, boardId))
		.orderBy(asc(boardPriorities.promotedAt))
		.all();
}
