import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { changePhase, type BoardServices, type Refusal } from '$lib/board/board-commands.server';
import { readBoard } from '$lib/board/board-doc';
import { boards } from '$lib/board/board.schema';
import { preparedOnce, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { voteRounds } from './voting.schema';
import { roundInput } from './voting';
import type { z } from 'zod';

/**
 * Voting use cases (SPEC V1-V9): a round's set-up and status. Ballots live in
 * SQLite only (`ballot-commands.server.ts`); a round's totals leave the server
 * only after the reveal, and then only as an aggregate.
 */
export type RoundRow = typeof voteRounds.$inferSelect;

function setActiveRound(s: BoardServices, boardId: string, roundId: number | null): void {
	s.db
		.update(boards)
		.set({ activeRoundId: roundId, updatedAt: s.clock.now() })
		.where(eq(boards.id, boardId))
		.run();
	s.hub.refreshMeta(boardId);
}

/** V1: the items a round may be on — the board's visible cards or its clusters. */
function roundTargets(s: BoardServices, boardId: string, kind: 'cards' | 'clusters') {
	const room = s.hub.room(boardId);
	if (!room) return [];
	const view = readBoard(room.doc);
	return kind === 'cards'
		? view.cards.filter((c) => !c.mergedInto).map((c) => ({ id: c.id, label: c.text }))
		: view.clusters.map((c) => ({ id: c.id, label: c.title }));
}

/**
 * V5: one round open at a time. A round left open behind a newer one would keep
 * taking ballots that no page shows, so opening or reopening one closes the others.
 */
function closeOtherRounds(s: BoardServices, boardId: string, keep: number | null): void {
	s.db
		.update(voteRounds)
		.set({ status: 'closed', closedAt: s.clock.now() })
		.where(
			and(
				eq(voteRounds.boardId, boardId),
				eq(voteRounds.status, 'open'),
				keep === null ? undefined : ne(voteRounds.id, keep)
			)
		)
		.run();
}

/** A round of this board (a round id of another board names nothing here). */
export function boardRound(db: Db, boardId: string, roundId: number): RoundRow | undefined {
	const round = getRound(db, roundId);
	return round?.boardId === boardId ? round : undefined;
}

/**
 * Opens a round: the board moves to the voting phase, so no card can be added (V1).
 * A run-off names its items and the round it follows: an id that is not one of the
 * board's visible cards or clusters (as the round's `targets` says), or a round of
 * another board, refuses the round and changes nothing.
 */
export function openRound(
	s: BoardServices,
	boardId: string,
	input: z.output<typeof roundInput>
): { ok: true; value: number } | Refusal<'no-targets' | 'unknown-target' | 'unknown-round'> {
	const { targetIds, runOffOf, ...options } = input;
	if (runOffOf !== undefined && !boardRound(s.db, boardId, runOffOf))
		return { ok: false, reason: 'unknown-round', unknown: [String(runOffOf)] };
	const all = roundTargets(s, boardId, options.targets);
	if (targetIds) {
		const known = new Set(all.map((t) => t.id));
		const unknown = [...new Set(targetIds.filter((id) => !known.has(id)))];
		if (unknown.length > 0) return { ok: false, reason: 'unknown-target', unknown };
	}
	const targets = targetIds ? all.filter((t) => targetIds.includes(t.id)) : all;
	if (targets.length === 0) return { ok: false, reason: 'no-targets' };
	closeOtherRounds(s, boardId, null);
	const id = s.db
		.insert(voteRounds)
		.values({
			boardId,
			options,
			targets,
			status: 'open',
			runOffOf: runOffOf ?? null,
			createdAt: s.clock.now()
		})
		.returning({ id: voteRounds.id })
		.get().id;
	changePhase(s, boardId, 'vote');
	setActiveRound(s, boardId, id);
	return { ok: true, value: id };
}

/** Every ballot runs this twice (the route, then its transaction): built once. */
const roundById = preparedOnce((db) =>
	db
		.select()
		.from(voteRounds)
		.where(eq(voteRounds.id, sql.placeholder('roundId')))
		.prepare()
);

export function getRound(db: Db, roundId: number): RoundRow | undefined {
	return roundById(db).get({ roundId });
}

export function listRounds(db: Db, boardId: string): RoundRow[] {
	return db
		.select()
		.from(voteRounds)
		.where(eq(voteRounds.boardId, boardId))
		.orderBy(asc(voteRounds.id))
		.all();
}

/** V5: close, reopen, reveal. Closing keeps the board in the voting phase until the facilitator moves on. */
export function setRoundStatus(
	s: BoardServices,
	round: RoundRow,
	action: 'close' | 'reopen' | 'reveal'
): Result<RoundRow, 'invalid-transition'> {
	const now = s.clock.now();
	const allowed = { close: ['open'], reopen: ['closed'], reveal: ['open', 'closed'] }[action];
	if (!allowed.includes(round.status)) return { ok: false, reason: 'invalid-transition' };
	if (action === 'reopen') closeOtherRounds(s, round.boardId, round.id);
	const set =
		action === 'close'
			? { status: 'closed' as const, closedAt: now }
			: action === 'reopen'
				? { status: 'open' as const, closedAt: null }
				: { status: 'revealed' as const, closedAt: round.closedAt ?? now, revealedAt: now };
	const row = s.db.update(voteRounds).set(set).where(eq(voteRounds.id, round.id)).returning().get();
	setActiveRound(s, round.boardId, row.status === 'open' ? row.id : null);
	return { ok: true, value: row };
}
