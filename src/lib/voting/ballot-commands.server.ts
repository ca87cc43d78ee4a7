import { and, eq, sql } from 'drizzle-orm';
import { inTransaction, preparedOnce, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { ballots } from './voting.schema';
import { checkBallot, remainingBudget, type Ballot, type BallotProblem } from './voting';
import { getRound } from './round-commands.server';
import { ballotKey, ballotOf, voterOf, type BallotOutcome } from './ballot-repo.server';

// Ballot use cases (SPEC V2-V4): a ballot, on screen or on paper, and "Ho finito".
// Ballots live in SQLite only.

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
