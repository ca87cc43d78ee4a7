import { eq } from 'drizzle-orm';
import { attendance } from '$lib/attendance/attendance.schema';
import type { Db } from '$lib/server/db/database';
import { tally, type Tally } from './tally';
import { ballots } from './voting.schema';
import type { RoundRow } from './round-commands.server';

export interface RoundResults extends Tally {
	roundId: number;
	method: RoundRow['options']['method'];
	criteria?: [string, string];
	labels: Record<string, string>;
	paperBallots: number;
	/** Named rounds only: who chose what. Anonymous rounds never carry names (V5). */
	named?: { name: string; organization: string; ballot: unknown; paper: boolean }[];
}

/**
 * The aggregate of a revealed round (V5-V8), or null while it is not revealed:
 * nobody, facilitators included, gets totals before the reveal.
 */
export function roundResults(db: Db, round: RoundRow): RoundResults | null {
	if (round.status !== 'revealed') return null;
	const rows = db
		.select({ ballot: ballots, name: attendance.name, organization: attendance.organizationName })
		.from(ballots)
		.innerJoin(attendance, eq(attendance.id, ballots.participantId))
		.where(eq(ballots.roundId, round.id))
		.all();
	const counted = rows.map((r) => ({ ballot: r.ballot.content, sector: r.ballot.sector }));
	const result = tally(
		round.targets.map((t) => t.id),
		round.options,
		counted
	);
	return {
		...result,
		roundId: round.id,
		method: round.options.method,
		criteria: round.options.method === 'score' ? round.options.criteria : undefined,
		labels: Object.fromEntries(round.targets.map((t) => [t.id, t.label])),
		paperBallots: rows.filter((r) => r.ballot.paper).length,
		named: round.options.anonymous
			? undefined
			: rows.map((r) => ({
					name: round.options.voice === 'organization' ? r.organization || r.name : r.name,
					organization: r.organization,
					ballot: r.ballot.content,
					paper: r.ballot.paper
				}))
	};
}
