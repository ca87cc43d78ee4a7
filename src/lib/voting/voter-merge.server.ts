import { eq, inArray } from 'drizzle-orm';
import type { Db } from '$lib/server/db/database';
import { voterKey } from './voting';
import { ballots } from './voting.schema';

/**
 * V10 (attendance SPEC J7): when two lines of the foglio firme turn out to be one
 * person, their ballots become one. In each round where both voted for
 * themselves, the ballot changed last wins (the kept line's on a tie) and the
 * other is deleted; a ballot written for an organisation stays the
 * organisation's, with the kept line as its last writer. Run inside the merge's
 * transaction.
 */
export function mergeVoters(db: Db, from: string, into: string): void {
	const fromKey = voterKey('person', from, null);
	const intoKey = voterKey('person', into, null);
	const rows = db
		.select({
			id: ballots.id,
			roundId: ballots.roundId,
			voterKey: ballots.voterKey,
			updatedAt: ballots.updatedAt
		})
		.from(ballots)
		.where(inArray(ballots.voterKey, [fromKey, intoKey]))
		.all()
		.sort(
			(a, b) =>
				b.updatedAt - a.updatedAt || Number(b.voterKey === intoKey) - Number(a.voterKey === intoKey)
		);
	const kept = new Map<number, number>();
	for (const row of rows) if (!kept.has(row.roundId)) kept.set(row.roundId, row.id);
	const losers = rows.filter((r) => kept.get(r.roundId) !== r.id).map((r) => r.id);
	if (losers.length) db.delete(ballots).where(inArray(ballots.id, losers)).run();
	const winners = [...kept.values()];
	if (winners.length)
		db.update(ballots)
			.set({ voterKey: intoKey, participantId: into })
			.where(inArray(ballots.id, winners))
			.run();
	db.update(ballots).set({ participantId: into }).where(eq(ballots.participantId, from)).run();
	db.update(ballots).set({ recordedBy: into }).where(eq(ballots.recordedBy, from)).run();
}
