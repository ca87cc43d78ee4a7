import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { outcomes } from '$lib/outcomes/outcome.schema';
import type { OutcomeObjective } from '$lib/outcomes/outcome';
import { meetings } from '$lib/meeting/meeting.schema';
import { getPlan, listPolicyAreas } from '$lib/plan/plan-repo.server';
import { inTransaction, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { loadTaxonomy } from '$lib/taxonomy/taxonomy-repo.server';
import { tavoli, tavoloPolicyAreas } from '$lib/tavolo/tavolo.schema';
import { adoptedPolicyArea } from './adoption-area';
import { outcomeDecisions, planObjectives } from './plan-objective.schema';
import { nextObjectiveNumber, recordRevision } from './plan-objective-repo.server';
import { fieldValue, updatePlanObjective } from './objective-edit-commands.server';
import {
	fieldsProblems,
	taxonomyCodes,
	taxonomyProblems,
	type PartProblem
} from './plan-objective-rules';

/**
 * What the UdP does with the plan's objectives (SPEC PO2, PO4): decide on each
 * card a tavolo proposed, renumber. Editing and restoring an objective are in
 * objective-edit-commands.server.ts. Every change is a new revision; nothing is
 * overwritten blind.
 */

/**
 * Moves an objective to another number, shifting the ones in between. Links
 * (decisions, revisions) hold ids, not numbers, so every reference stays intact.
 */
export function renumberObjective(
	db: Db,
	planId: number,
	objectiveId: number,
	to: number
): Result<null, 'not-found' | 'out-of-range'> {
	return inTransaction(db, () => {
		const rows = db
			.select()
			.from(planObjectives)
			.where(eq(planObjectives.planId, planId))
			.orderBy(planObjectives.number)
			.all();
		const moving = rows.find((r) => r.id === objectiveId);
		if (!moving) return { ok: false, reason: 'not-found' } as const;
		if (!Number.isInteger(to) || to < 1 || to > rows.length)
			return { ok: false, reason: 'out-of-range' } as const;
		const order = rows.filter((r) => r.id !== objectiveId);
		order.splice(to - 1, 0, moving);
		// Two passes, so the unique (plan, number) index never sees a duplicate.
		for (const [i, r] of order.entries())
			db.update(planObjectives)
				.set({ number: -(i + 1) })
				.where(eq(planObjectives.id, r.id))
				.run();
		for (const [i, r] of order.entries())
			db.update(planObjectives)
				.set({ number: i + 1 })
				.where(eq(planObjectives.id, r.id))
				.run();
		return { ok: true, value: null } as const;
	});
}

/** An outcome with the plan it belongs to, or undefined. */
export function outcomeInPlan(db: Db, outcomeId: number) {
	return db
		.select({ outcome: outcomes, planId: tavoli.planId, tavoloId: tavoli.id })
		.from(outcomes)
		.innerJoin(meetings, eq(meetings.id, outcomes.meetingId))
		.innerJoin(tavoli, eq(tavoli.id, meetings.tavoloId))
		.where(eq(outcomes.id, outcomeId))
		.get();
}

export const decisionInput = z.discriminatedUnion('decision', [
	z.object({ decision: z.literal('adopted'), reason: z.string().trim().max(2000).default('') }),
	z.object({
		decision: z.literal('merged'),
		planObjectiveId: z.number().int().positive(),
		reason: z.string().trim().max(2000).default(''),
		/** The combined fields the UdP settled on in the side-by-side editor. */
		fields: z.record(z.string(), fieldValue).optional()
	}),
	z.object({ decision: z.literal('sent_back'), reason: z.string().trim().min(1).max(2000) }),
	z.object({ decision: z.literal('parked'), reason: z.string().trim().max(2000).default('') })
]);
export type DecisionInput = z.output<typeof decisionInput>;

type DecisionProblem =
	| 'not-found'
	| 'card-not-found'
	| 'already-decided'
	| 'already-in-plan'
	| 'objective-not-found'
	| 'invalid';

export type AdoptedElsewhere = { planObjectiveId: number; number: number; version: number };

/**
 * By card id, the plan objective another version of the same incontro's outcome
 * (earlier or later: the inbox lists them all) made of the card, adopted or
 * merged into, while it is in the plan and not archived; the newest version's
 * when several did. A resubmitted card is the same proposal: its changes are
 * merged into that objective, never adopted twice. One query per outcome.
 */
export function adoptionsInOtherVersions(
	db: Db,
	outcome: { id: number; meetingId: number }
): Map<string, AdoptedElsewhere> {
	const rows = db
		.select({
			cardId: outcomeDecisions.cardId,
			planObjectiveId: planObjectives.id,
			number: planObjectives.number,
			version: outcomes.version
		})
		.from(outcomeDecisions)
		.innerJoin(outcomes, eq(outcomes.id, outcomeDecisions.outcomeId))
		.innerJoin(planObjectives, eq(planObjectives.id, outcomeDecisions.planObjectiveId))
		.where(
			and(
				eq(outcomes.meetingId, outcome.meetingId),
				ne(outcomes.id, outcome.id),
				inArray(outcomeDecisions.decision, ['adopted', 'merged']),
				isNull(planObjectives.archivedAt)
			)
		)
		.orderBy(desc(outcomes.version))
		.all();
	const byCard = new Map<string, AdoptedElsewhere>();
	for (const { cardId, ...adopted } of rows) if (!byCard.has(cardId)) byCard.set(cardId, adopted);
	return byCard;
}

/** What a card holds that the plan's template or taxonomy does not (SPEC PO1a). */
function cardProblems(db: Db, version: string, card: OutcomeObjective): PartProblem[] {
	const codes = taxonomyCodes(loadTaxonomy(db, version));
	return [...fieldsProblems(version, card.fields), ...taxonomyProblems(codes, card)];
}

/** SPEC PO2a: the tavolo's policy area, or the one of its areas the card's macro-areas point to. */
function policyAreaOf(db: Db, planId: number, tavoloId: number, card: OutcomeObjective) {
	const own = new Set(
		db
			.select({ id: tavoloPolicyAreas.policyAreaId })
			.from(tavoloPolicyAreas)
			.where(eq(tavoloPolicyAreas.tavoloId, tavoloId))
			.all()
			.map((a) => a.id)
	);
	const areas = listPolicyAreas(db, planId)
		.filter((a) => own.has(a.id))
		.map((a) => ({ id: a.id, macroAreas: a.macroAreas.map((m) => m.code) }));
	return adoptedPolicyArea(areas, card.macroAreas);
}

function adopt(
	db: Db,
	from: { planId: number; tavoloId: number },
	card: OutcomeObjective,
	userId: number,
	now: number
): { ok: true; id: number } | { ok: false; problems: PartProblem[] } {
	const { planId } = from;
	const plan = getPlan(db, planId)!;
	const problems = cardProblems(db, plan.taxonomyVersionId, card);
	if (problems.length) return { ok: false, problems };
	const row = db
		.insert(planObjectives)
		.values({
			planId,
			number: nextObjectiveNumber(db, planId),
			title: card.title,
			policyAreaId: policyAreaOf(db, planId, from.tavoloId, card),
			template: plan.taxonomyVersionId,
			fields: card.fields,
			verbatim: {},
			macroAreas: card.macroAreas,
			keyPoints: card.keyPoints,
			leps: card.leps,
			indicators: card.indicators,
			status: 'draft',
			approvedAt: null,
			createdAt: now,
			updatedAt: now
		})
		.returning()
		.get();
	recordRevision(db, row, ['*'], userId, now);
	return { ok: true, id: row.id };
}

/**
 * The UdP's decision on one proposed objective of an outcome (SPEC PO2). Each
 * card gets exactly one decision per outcome version, with who, when and why.
 */
export function decideOnCard(
	db: Db,
	outcomeId: number,
	cardId: string,
	input: DecisionInput,
	userId: number,
	now: number
):
	| { ok: true; value: { planObjectiveId: number | null } }
	| { ok: false; reason: DecisionProblem; problems?: PartProblem[] } {
	return inTransaction(db, () => {
		const found = outcomeInPlan(db, outcomeId);
		if (!found) return { ok: false, reason: 'not-found' } as const;
		const card = found.outcome.content.objectives.find((o) => o.id === cardId);
		if (!card) return { ok: false, reason: 'card-not-found' } as const;
		const prior = db
			.select()
			.from(outcomeDecisions)
			.where(and(eq(outcomeDecisions.outcomeId, outcomeId), eq(outcomeDecisions.cardId, cardId)))
			.get();
		if (prior) return { ok: false, reason: 'already-decided' } as const;
		let planObjectiveId: number | null = null;
		if (input.decision === 'adopted') {
			if (adoptionsInOtherVersions(db, found.outcome).has(cardId))
				return { ok: false, reason: 'already-in-plan' } as const;
			const adopted = adopt(db, found, card, userId, now);
			if (!adopted.ok) return { ok: false, reason: 'invalid', problems: adopted.problems } as const;
			planObjectiveId = adopted.id;
		}
		if (input.decision === 'merged') {
			const merged = updatePlanObjective(
				db,
				found.planId,
				input.planObjectiveId,
				{ fields: input.fields ?? {} },
				userId,
				now
			);
			if (!merged.ok)
				return {
					ok: false,
					reason: merged.reason === 'not-found' ? 'objective-not-found' : merged.reason,
					problems: merged.problems
				} as const;
			planObjectiveId = input.planObjectiveId;
		}
		db.insert(outcomeDecisions)
			.values({
				outcomeId,
				cardId,
				decision: input.decision,
				planObjectiveId,
				reason: input.reason,
				decidedBy: userId,
				decidedAt: now
			})
			.run();
		return { ok: true, value: { planObjectiveId } } as const;
	});
}

/** The decisions on a tavolo's outcomes that it must see: cards sent back, with the reason. */
export function sentBackToTavolo(db: Db, tavoloId: number) {
	return db
		.select({
			outcomeId: outcomeDecisions.outcomeId,
			cardId: outcomeDecisions.cardId,
			reason: outcomeDecisions.reason,
			decidedAt: outcomeDecisions.decidedAt,
			content: outcomes.content,
			version: outcomes.version
		})
		.from(outcomeDecisions)
		.innerJoin(outcomes, eq(outcomes.id, outcomeDecisions.outcomeId))
		.innerJoin(meetings, eq(meetings.id, outcomes.meetingId))
		.where(and(eq(meetings.tavoloId, tavoloId), eq(outcomeDecisions.decision, 'sent_back')))
		.orderBy(desc(outcomeDecisions.decidedAt))
		.all()
		.map(({ content, ...d }) => ({
			...d,
			title: content.objectives.find((o) => o.id === d.cardId)?.title ?? d.cardId,
			meeting: content.meeting.title
		}));
}
