import { z } from 'zod';
import { nameKey } from '$lib/forms/name-key';
import { voteMethods } from './ballot';

export {
	checkBallot,
	remainingBudget,
	RoundStatus,
	VoteMethod,
	voteMethods,
	type BallotProblem
} from './ballot';

/**
 * Rounds of voting on a board's cards or clusters (SPEC V1-V9). Pure: what a
 * round may be and what a ballot may hold (the checks themselves, which the
 * browser shares, are in ballot.ts). The server stores ballots in SQLite, never
 * in the shared document.
 */
const criterion = z.string().trim().min(1).max(40);

/** POST /api/boards/:id/rounds. Defaults follow common practice: 5 dots, 3 per item. */
export const roundInput = z
	.object({
		method: z.enum(voteMethods),
		targets: z.enum(['cards', 'clusters']),
		budget: z.number().int().min(1).max(50).default(5),
		cap: z.number().int().min(1).max(50).default(3),
		// Two axes of a matrix: the same criterion twice would leave one score per target.
		criteria: z
			.tuple([criterion, criterion])
			.refine(([a, b]) => nameKey(a) !== nameKey(b), { error: 'duplicate_name' })
			.default(['importanza', 'urgenza']),
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
