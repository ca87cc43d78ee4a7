import { and, eq, sql } from 'drizzle-orm';
import { delegateStanding } from '$lib/attendance/attendance';
import { attendance } from '$lib/attendance/attendance.schema';
import type { Participant } from '$lib/board/board-room.server';
import { nameKey } from '$lib/forms/name-key';
import { organizations, people } from '$lib/directory/directory.schema';
import { preparedOnce, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { ballots } from './voting.schema';
import { remainingBudget, voterKey, type Ballot, type RoundOptions } from './voting';
import type { RoundRow } from './round-commands.server';

// Voting reads (SPEC V3-V6): who votes, for whom, one's own ballot, a round's progress.

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
export function ballotKey(round: RoundRow, participantId: string, voter: Voter | undefined) {
	const organizationKey = voter?.organizationKey ?? null;
	if (round.options.voice === 'organization' && organizationKey !== null && !voter?.delegate)
		return { ok: false, reason: 'not-delegate' } as const;
	return {
		ok: true,
		value: voterKey(round.options.voice, participantId, organizationKey)
	} as const;
}

export type BallotOutcome = { ballot: Ballot; remaining: number | null; done: boolean };

/** Who may vote in a round (V3): present at the incontro, a participant — or a facilitator when they vote. */
export function mayVote(round: RoundRow, participant: Participant): boolean {
	const role = participant.writer.role;
	return role === 'participant' || (role === 'facilitator' && round.options.facilitatorsVote);
}

/** V4, V5: the key of one's own ballot in a round (or one's organisation's) and what it holds. */
export function ballotOf(db: Db, round: RoundRow, participantId: string) {
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

/** Progress of an open round, for the facilitator: counts only. */
export function roundProgress(db: Db, roundId: number) {
	const rows = db
		.select({ done: ballots.done })
		.from(ballots)
		.where(eq(ballots.roundId, roundId))
		.all();
	return { ballots: rows.length, done: rows.filter((r) => r.done).length };
}
