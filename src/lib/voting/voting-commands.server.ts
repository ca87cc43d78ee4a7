import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { delegateStanding } from '$lib/attendance/attendance';
import { attendance } from '$lib/attendance/attendance.schema';
import {
	boardItemIds,
	changePhase,
	type BoardServices,
	type Refusal
} from '$lib/board/board-commands.server';
import { readBoard } from '$lib/board/board-doc';
import type { Participant } from '$lib/board/board-room.server';
import { boards } from '$lib/board/board.schema';
import { nameKey } from '$lib/forms/name-key';
import { organizations, people } from '$lib/directory/directory.schema';
import { inTransaction, preparedOnce, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { ballots, boardPriorities, voteRounds } from './voting.schema';
import {
	checkBallot,
	remainingBudget,
	roundInput,
	voterKey,
	type Ballot,
	type BallotProblem,
	type RoundOptions
} from './voting';
import type { z } from 'zod';

/**
 * Voting use cases (SPEC V1-V9). Ballots live in SQLite only; a round's totals
 * leave the server only after the reveal, and then only as an aggregate.
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

interface Voter {
	participantId: string;
	organizationKey: string | null;
	sector: 'public' | 'third_sector' | null;
	/** V4, SPEC J8: speaks for `organizationKey` where the round gives one voice per organisation. */
	delegate: boolean;
}

const voterLine = preparedOnce((db) =>
	db
		.select({
			id: attendance.id,
			organizationId: attendance.organizationId,
			organizationName: attendance.organizationName,
			delegateAt: attendance.delegateAt,
			removedAt: attendance.removedAt,
			sector: organizations.sector,
			personOrganizationId: people.organizationId
		})
		.from(attendance)
		.leftJoin(organizations, eq(organizations.id, attendance.organizationId))
		.leftJoin(people, eq(people.id, attendance.personId))
		.where(eq(attendance.id, sql.placeholder('participantId')))
		.prepare()
);

/** The voter behind an attendance line: their organisation, its sector, whether they are its delegate (V4, V6). */
export function voterOf(db: Db, participantId: string): Voter | undefined {
	const line = voterLine(db).get({ participantId });
	if (!line || line.removedAt !== null) return undefined;
	const organizationKey =
		line.organizationId !== null
			? String(line.organizationId)
			: line.organizationName.trim()
				? nameKey(line.organizationName)
				: null;
	return {
		participantId: line.id,
		organizationKey,
		sector: line.sector ?? null,
		delegate: delegateStanding(line, line.personOrganizationId) !== null
	};
}

/**
 * V4: the ballot a voter reads and writes in a round — their own, or their
 * organisation's when the round gives one voice per organisation and they are
 * its delegate; anyone else of that organisation is refused with 'not-delegate'.
 * People without an organisation vote for themselves.
 */
function ballotKey(round: RoundRow, participantId: string, voter: Voter | undefined) {
	const organizationKey = voter?.organizationKey ?? null;
	if (round.options.voice === 'organization' && organizationKey !== null && !voter?.delegate)
		return { ok: false, reason: 'not-delegate' } as const;
	return {
		ok: true,
		value: voterKey(round.options.voice, participantId, organizationKey)
	} as const;
}

/** `excluded.<column>`: in an upsert, the value the insert brought. */
const excluded = (column: { name: string }) => sql`excluded.${sql.identifier(column.name)}`;

/** A ballot replaces the voter's last one (V2): built once, every click runs it. */
const upsertBallot = preparedOnce((db) =>
	db
		.insert(ballots)
		.values({
			roundId: sql.placeholder('roundId'),
			voterKey: sql.placeholder('voterKey'),
			participantId: sql.placeholder('participantId'),
			sector: sql.placeholder('sector'),
			content: sql.placeholder('content'),
			done: sql.placeholder('done'),
			paper: sql.placeholder('paper'),
			recordedBy: sql.placeholder('recordedBy'),
			updatedAt: sql.placeholder('updatedAt')
		})
		.onConflictDoUpdate({
			target: [ballots.roundId, ballots.voterKey],
			set: {
				participantId: excluded(ballots.participantId),
				sector: excluded(ballots.sector),
				content: excluded(ballots.content),
				done: excluded(ballots.done),
				paper: excluded(ballots.paper),
				recordedBy: excluded(ballots.recordedBy),
				updatedAt: excluded(ballots.updatedAt)
			}
		})
		.prepare()
);

export type BallotOutcome = { ballot: Ballot; remaining: number | null; done: boolean };

/** Who may vote in a round (V3): present at the incontro, a participant — or a facilitator when they vote. */
export function mayVote(round: RoundRow, participant: Participant): boolean {
	const role = participant.writer.role;
	return role === 'participant' || (role === 'facilitator' && round.options.facilitatorsVote);
}

/**
 * Stores a whole ballot (V2-V4): checked against the round, then written in one
 * IMMEDIATE transaction that re-reads the round and the voter's line, so a
 * ballot can never land in a closed round, two requests can never add up past
 * the budget, and only an organisation's delegate writes its ballot.
 */
export function castBallot(
	db: Db,
	roundId: number,
	participantId: string,
	ballot: Ballot,
	now: number,
	paper?: { recordedBy: string }
): Result<BallotOutcome, BallotProblem | 'round-closed' | 'not-present' | 'not-delegate'> {
	return inTransaction(db, () => {
		const round = getRound(db, roundId);
		if (!round || round.status !== 'open') return { ok: false, reason: 'round-closed' } as const;
		const voter = voterOf(db, participantId);
		if (!voter) return { ok: false, reason: 'not-present' } as const;
		const key = ballotKey(round, participantId, voter);
		if (!key.ok) return key;
		const problem = checkBallot(round.options, new Set(round.targets.map((t) => t.id)), ballot);
		if (problem) return { ok: false, reason: problem } as const;
		const values = {
			roundId,
			voterKey: key.value,
			participantId,
			sector: voter.sector,
			content: ballot,
			done: false,
			paper: paper !== undefined,
			recordedBy: paper?.recordedBy ?? null,
			updatedAt: now
		};
		upsertBallot(db).run(values);
		return {
			ok: true,
			value: { ballot, remaining: remainingBudget(round.options, ballot), done: false }
		} as const;
	});
}

/** V4, V5: the key of one's own ballot in a round (or one's organisation's) and what it holds. */
function ballotOf(db: Db, round: RoundRow, participantId: string) {
	const key = ballotKey(round, participantId, voterOf(db, participantId));
	if (!key.ok) return key;
	const row = db
		.select()
		.from(ballots)
		.where(and(eq(ballots.roundId, round.id), eq(ballots.voterKey, key.value)))
		.get();
	const ballot = row?.content ?? null;
	const outcome: BallotOutcome = {
		ballot: ballot ?? emptyBallot(round.options),
		remaining: remainingBudget(round.options, ballot),
		done: row?.done ?? false
	};
	return { ok: true, value: { key: key.value, outcome } } as const;
}

/**
 * One's own ballot (or one's organisation's, for its delegate), never anyone
 * else's (V4, V5): 'not-delegate' for the other people of an organisation.
 */
export function ownBallot(
	db: Db,
	round: RoundRow,
	participantId: string
): Result<BallotOutcome, 'not-delegate'> {
	const own = ballotOf(db, round, participantId);
	return own.ok ? { ok: true, value: own.value.outcome } : own;
}

export function emptyBallot(options: RoundOptions): Ballot {
	if (options.method === 'dot') return { allocations: [] };
	if (options.method === 'score') return { scores: [] };
	return { ranking: [] };
}

/**
 * "Ho finito": the facilitator then sees how many are done, never what they
 * chose. The ballot as it stands is stored again through castBallot (V2-V4) and
 * marked, all in one transaction, so a ballot sent meanwhile is not overwritten.
 */
export function markDone(
	db: Db,
	roundId: number,
	participantId: string,
	done: boolean,
	now: number
): Result<void, 'round-closed' | 'not-present' | 'not-delegate'> {
	return inTransaction(db, () => {
		const round = getRound(db, roundId);
		if (!round || round.status !== 'open') return { ok: false, reason: 'round-closed' } as const;
		const own = ballotOf(db, round, participantId);
		if (!own.ok) return own;
		const cast = castBallot(db, roundId, participantId, own.value.outcome.ballot, now);
		if (!cast.ok)
			return {
				ok: false,
				reason:
					cast.reason === 'not-present' || cast.reason === 'not-delegate'
						? cast.reason
						: 'round-closed'
			} as const;
		db.update(ballots)
			.set({ done })
			.where(and(eq(ballots.roundId, roundId), eq(ballots.voterKey, own.value.key)))
			.run();
		return { ok: true, value: undefined } as const;
	});
}

/** Progress of an open round, for the facilitator: counts only. */
export function roundProgress(db: Db, roundId: number) {
	const rows = db
		.select({ done: ballots.done })
		.from(ballots)
		.where(eq(ballots.roundId, roundId))
		.all();
	return { ballots: rows.length, done: rows.filter((r) => r.done).length };
}

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
