import type { Ballot, RoundOptions } from './voting';

/**
 * The ballot rules the server applies and the browser asks before offering a
 * change (SPEC V2, V3). Pure and free of zod, so the voting page can load them
 * without the input shapes of voting.ts, which imports only types from here.
 */
export const VoteMethod = { dot: 'dot', score: 'score', rank: 'rank' } as const;
export type VoteMethod = (typeof VoteMethod)[keyof typeof VoteMethod];
export const voteMethods = Object.values(VoteMethod) as [VoteMethod, ...VoteMethod[]];

export const RoundStatus = { open: 'open', closed: 'closed', revealed: 'revealed' } as const;
export type RoundStatus = (typeof RoundStatus)[keyof typeof RoundStatus];

export type BallotProblem =
	| 'wrong-method'
	| 'unknown-target'
	| 'over-budget'
	| 'over-cap'
	| 'unknown-criterion'
	| 'out-of-scale'
	| 'duplicate'
	| 'too-long';

/**
 * Checks a whole ballot against its round (V2): the method's shape, eligible
 * targets only, the budget and the per-item cap, criteria and scale, ranking
 * length and uniqueness. A ballot is always checked whole, so that two requests
 * from one voter can never add up past the budget.
 */
export function checkBallot(
	options: RoundOptions,
	targets: ReadonlySet<string>,
	ballot: Ballot
): BallotProblem | null {
	if ('allocations' in ballot) {
		if (options.method !== 'dot') return 'wrong-method';
		const seen = new Set<string>();
		let total = 0;
		for (const a of ballot.allocations) {
			if (!targets.has(a.targetId)) return 'unknown-target';
			if (seen.has(a.targetId)) return 'duplicate';
			seen.add(a.targetId);
			if (a.points > options.cap) return 'over-cap';
			total += a.points;
		}
		return total > options.budget ? 'over-budget' : null;
	}
	if ('scores' in ballot) {
		if (options.method !== 'score') return 'wrong-method';
		const seen = new Set<string>();
		for (const s of ballot.scores) {
			if (!targets.has(s.targetId)) return 'unknown-target';
			if (!options.criteria.includes(s.criterion)) return 'unknown-criterion';
			if (s.value < 1 || s.value > options.scale) return 'out-of-scale';
			const key = `${s.targetId}\u0000${s.criterion}`;
			if (seen.has(key)) return 'duplicate';
			seen.add(key);
		}
		return null;
	}
	if (options.method !== 'rank') return 'wrong-method';
	if (ballot.ranking.length > options.topK) return 'too-long';
	if (new Set(ballot.ranking).size !== ballot.ranking.length) return 'duplicate';
	return ballot.ranking.every((t) => targets.has(t)) ? null : 'unknown-target';
}

/** Dots still to place (V3): what a participant sees while the round is open. */
export function remainingBudget(options: RoundOptions, ballot: Ballot | null): number | null {
	if (options.method !== 'dot') return null;
	const used =
		ballot && 'allocations' in ballot
			? ballot.allocations.reduce((sum, a) => sum + a.points, 0)
			: 0;
	return options.budget - used;
}
