import { z } from 'zod';

/**
 * Rounds of voting on a board's cards or clusters (SPEC V1-V9). Pure: what a
 * round may be, what a ballot may hold, and the budget that remains. The server
 * stores ballots in SQLite, never in the shared document.
 */
export const VoteMethod = { dot: 'dot', score: 'score', rank: 'rank' } as const;
export type VoteMethod = (typeof VoteMethod)[keyof typeof VoteMethod];
export const voteMethods = Object.values(VoteMethod) as [VoteMethod, ...VoteMethod[]];

export const RoundStatus = { open: 'open', closed: 'closed', revealed: 'revealed' } as const;
export type RoundStatus = (typeof RoundStatus)[keyof typeof RoundStatus];

const criterion = z.string().trim().min(1).max(40);

/** POST /api/boards/:id/rounds. Defaults follow common practice: 5 dots, 3 per item. */
export const roundInput = z
	.object({
		method: z.enum(voteMethods),
		targets: z.enum(['cards', 'clusters']),
		budget: z.number().int().min(1).max(50).default(5),
		cap: z.number().int().min(1).max(50).default(3),
		criteria: z.tuple([criterion, criterion]).default(['importanza', 'urgenza']),
		scale: z.number().int().min(3).max(10).default(5),
		topK: z.number().int().min(2).max(20).default(3),
		voice: z.enum(['person', 'organization']).default('person'),
		anonymous: z.boolean().default(true),
		facilitatorsVote: z.boolean().default(false),
		/** Only these targets (a run-off between tied items); all of the board otherwise. */
		targetIds: z.array(z.string().min(1).max(40)).max(500).optional(),
		runOffOf: z.number().int().positive().optional()
	})
	.strict()
	.refine((r) => r.cap <= r.budget, { path: ['cap'], message: 'cap_over_budget' });
export type RoundInput = z.input<typeof roundInput>;
export type RoundOptions = Omit<z.output<typeof roundInput>, 'targetIds' | 'runOffOf'>;

export const ballotInput = z.union([
	z
		.object({
			allocations: z
				.array(
					z
						.object({ targetId: z.string().max(40), points: z.number().int().min(0).max(50) })
						.strict()
				)
				.max(500)
		})
		.strict(),
	z
		.object({
			scores: z
				.array(
					z.object({ targetId: z.string().max(40), criterion, value: z.number().int() }).strict()
				)
				.max(1000)
		})
		.strict(),
	z.object({ ranking: z.array(z.string().max(40)).max(20) }).strict()
]);
export type Ballot = z.output<typeof ballotInput>;

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

/** The key a ballot is stored under: the person, or their organisation when it has one voice (V4). */
export function voterKey(
	voice: RoundOptions['voice'],
	participantId: string,
	organizationKey: string | null
): string {
	return voice === 'organization' && organizationKey
		? `org:${organizationKey}`
		: `person:${participantId}`;
}
