import { and, desc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { validFieldValue } from '$lib/objectives/objective-rules';
import { templateFields, type FieldValue } from '$lib/objectives/objective-template';
import { outcomes } from '$lib/outcomes/outcome.schema';
import type { OutcomeObjective } from '$lib/outcomes/outcome';
import { meetings } from '$lib/meeting/meeting.schema';
import { plans } from '$lib/plan/plan.schema';
import { inTransaction, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { tavoli } from '$lib/tavolo/tavolo.schema';
import { outcomeDecisions, planObjectiveRevisions, planObjectives } from './plan-objective.schema';
import { recordRevision, type PlanObjectiveRow } from './plan-objective-repo.server';
import { isTextType } from './template-form';

/**
 * What the UdP does with the plan's objectives (SPEC PO2-PO4): decide on each
 * card a tavolo proposed, edit an objective field by field, renumber, restore an
 * earlier version. Every change is a new revision; nothing is overwritten blind.
 */

const fieldValue = z.union([
	z.string().max(20_000),
	z.array(z.string().max(200)).max(20),
	z.null()
]);
export const objectivePatch = z
	.object({
		title: z.string().trim().min(1).max(500),
		policyAreaId: z.number().int().positive().nullable(),
		fields: z.record(z.string(), fieldValue),
		macroAreas: z.array(z.string().max(4)).max(20),
		keyPoints: z.record(z.string(), z.array(z.string().max(300)).max(40)),
		leps: z.array(z.string().max(300)).max(20),
		status: z.enum(['draft', 'review', 'consolidated', 'approved']),
		approvedAt: z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/)
			.nullable()
	})
	.partial();
export type ObjectivePatch = z.output<typeof objectivePatch>;

type PatchProblem = 'not-found' | 'invalid-field' | 'approval-date-required';

function checkFields(version: string, fields: Record<string, FieldValue>): boolean {
	const types = new Map(templateFields(version).map((f) => [f.key, f.type]));
	return Object.entries(fields).every(([key, value]) => {
		const type = types.get(key);
		if (!type) return false;
		if (isTextType(type)) return value === null || typeof value === 'string';
		return version !== '2025-2027' || validFieldValue(key, value);
	});
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** An empty text, an empty set and "not given" are one answer: a form cannot tell them apart. */
const blank = (v: unknown) =>
	v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const sameField = (a: unknown, b: unknown) => (blank(a) && blank(b)) || same(a, b);

/** Applies a patch as one new revision that names the parts it changed. */
export function updatePlanObjective(
	db: Db,
	planId: number,
	objectiveId: number,
	patch: ObjectivePatch,
	userId: number | null,
	now: number
): Result<PlanObjectiveRow, PatchProblem> {
	return inTransaction(db, () => {
		const row = db
			.select()
			.from(planObjectives)
			.where(and(eq(planObjectives.id, objectiveId), eq(planObjectives.planId, planId)))
			.get();
		if (!row) return { ok: false, reason: 'not-found' } as const;
		const fields = patch.fields ? { ...row.fields, ...patch.fields } : row.fields;
		if (patch.fields && !checkFields(row.template, patch.fields))
			return { ok: false, reason: 'invalid-field' } as const;
		const next = { ...row, ...patch, fields };
		if (next.status === 'approved' && !next.approvedAt)
			return { ok: false, reason: 'approval-date-required' } as const;
		const changed = [
			...(
				[
					'title',
					'policyAreaId',
					'macroAreas',
					'keyPoints',
					'leps',
					'status',
					'approvedAt'
				] as const
			).filter((k) => !same(row[k], next[k])),
			...Object.keys(fields)
				.filter((k) => !sameField(row.fields[k], fields[k]))
				.map((k) => `fields.${k}`)
		];
		if (!changed.length) return { ok: true, value: row } as const;
		// A field the UdP rewrote no longer matches the printed source.
		const verbatim = Object.fromEntries(
			Object.entries(row.verbatim).filter(([k]) => sameField(row.fields[k], fields[k]))
		);
		const { id: _id, planId: _plan, createdAt: _c, ...values } = next;
		const saved = db
			.update(planObjectives)
			.set({ ...values, verbatim, updatedAt: now })
			.where(eq(planObjectives.id, row.id))
			.returning()
			.get();
		recordRevision(db, saved, changed, userId, now);
		return { ok: true, value: saved } as const;
	});
}

/** Brings back an earlier revision's content, as a new revision (nothing in between is lost). */
export function restoreRevision(
	db: Db,
	planId: number,
	objectiveId: number,
	revision: number,
	userId: number | null,
	now: number
): Result<PlanObjectiveRow, PatchProblem> {
	const old = db
		.select()
		.from(planObjectiveRevisions)
		.where(
			and(
				eq(planObjectiveRevisions.objectiveId, objectiveId),
				eq(planObjectiveRevisions.revision, revision)
			)
		)
		.get();
	if (!old) return { ok: false, reason: 'not-found' };
	const s = old.snapshot as PlanObjectiveRow;
	return updatePlanObjective(
		db,
		planId,
		objectiveId,
		{
			title: s.title,
			policyAreaId: s.policyAreaId,
			fields: s.fields,
			macroAreas: s.macroAreas,
			keyPoints: s.keyPoints,
			leps: s.leps,
			status: s.status,
			approvedAt: s.approvedAt
		},
		userId,
		now
	);
}

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
	'not-found' | 'card-not-found' | 'already-decided' | 'objective-not-found' | PatchProblem;

function nextNumber(db: Db, planId: number): number {
	const last = db
		.select({ n: max(planObjectives.number) })
		.from(planObjectives)
		.where(eq(planObjectives.planId, planId))
		.get();
	return (last?.n ?? 0) + 1;
}

function adopt(db: Db, planId: number, card: OutcomeObjective, userId: number, now: number) {
	const plan = db.select().from(plans).where(eq(plans.id, planId)).get()!;
	const row = db
		.insert(planObjectives)
		.values({
			planId,
			number: nextNumber(db, planId),
			title: card.title,
			policyAreaId: null,
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
	return row.id;
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
): Result<{ planObjectiveId: number | null }, DecisionProblem> {
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
		if (input.decision === 'adopted') planObjectiveId = adopt(db, found.planId, card, userId, now);
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
					reason: merged.reason === 'not-found' ? 'objective-not-found' : merged.reason
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
