import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isCalendarDate } from '$lib/forms/fields';
import { getPlan, getPolicyArea } from '$lib/plan/plan-repo.server';
import { inTransaction, type Db } from '$lib/server/db/database';
import { loadTaxonomy } from '$lib/taxonomy/taxonomy-repo.server';
import { planObjectiveRevisions, planObjectives } from './plan-objective.schema';
import { recordRevision, type PlanObjectiveRow } from './plan-objective-repo.server';
import { verbatimField } from './printed-answer';
import {
	approvalProblem,
	fieldsProblems,
	taxonomyCodes,
	taxonomyProblems,
	type PartProblem
} from './plan-objective-rules';

/**
 * The UdP edits an objective part by part, or brings back an earlier revision
 * (SPEC PO1, PO4). Every change is a new revision naming what changed; a
 * refused change stores nothing and names every problem.
 */

/** A field's value as sent: text, a set of the template's answers, or nothing. */
export const fieldValue = z.union([
	z.string().max(20_000),
	z.array(z.string().max(200)).max(20),
	z.null()
]);
/**
 * A change to an objective: only the parts it names change (a form that omits a
 * control leaves that part as it is). `fields` names the fields that change;
 * `keyPoints` names the macro-areas whose punti chiave change, an empty list
 * clearing one.
 */
export const objectivePatch = z
	.strictObject({
		title: z.string().trim().min(1, { error: 'missing' }).max(500),
		policyAreaId: z.number().int().positive().nullable(),
		fields: z.record(z.string().max(100), fieldValue),
		macroAreas: z.array(z.string().max(4)).max(20),
		keyPoints: z.record(z.string().max(4), z.array(z.string().max(300)).max(40)),
		leps: z.array(z.string().max(300)).max(20),
		status: z.enum(['draft', 'review', 'consolidated', 'approved']),
		approvedAt: z.string().refine(isCalendarDate, { error: 'invalid-date' }).nullable()
	})
	.partial();
export type ObjectivePatch = z.output<typeof objectivePatch>;

/** Why a change was refused; `problems` names each part and what is wrong with it. */
export type PatchOutcome =
	| { ok: true; value: PlanObjectiveRow }
	| { ok: false; reason: 'not-found' | 'invalid'; problems: PartProblem[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** An empty text, an empty set and "not given" are one answer: a form cannot tell them apart. */
const blank = (v: unknown) =>
	v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const sameField = (a: unknown, b: unknown) => (blank(a) && blank(b)) || same(a, b);

const parts = [
	'title',
	'policyAreaId',
	'macroAreas',
	'keyPoints',
	'leps',
	'indicators',
	'status',
	'approvedAt'
] as const;

/** The parts and fields that differ, as a revision names them (SPEC PO4). */
function changedParts(row: PlanObjectiveRow, next: PlanObjectiveRow): string[] {
	const keys = new Set([...Object.keys(row.fields), ...Object.keys(next.fields)]);
	return [
		...parts.filter((k) => !same(row[k], next[k])),
		...[...keys].filter((k) => !sameField(row.fields[k], next.fields[k])).map((k) => `fields.${k}`)
	];
}

function withPatch(row: PlanObjectiveRow, patch: ObjectivePatch): PlanObjectiveRow {
	const keyPoints = { ...row.keyPoints };
	for (const [code, points] of Object.entries(patch.keyPoints ?? {})) {
		if (points.length) keyPoints[code] = points;
		else delete keyPoints[code];
	}
	const { fields = {}, keyPoints: _k, ...rest } = patch;
	return { ...row, ...rest, fields: { ...row.fields, ...fields }, keyPoints };
}

/**
 * What a change adds that the plan does not allow. A stored value the change
 * leaves as it is is not judged again: an objective imported before a rule
 * existed can still be edited elsewhere.
 */
function patchProblems(db: Db, row: PlanObjectiveRow, next: PlanObjectiveRow): PartProblem[] {
	const plan = getPlan(db, row.planId)!;
	const codes = taxonomyCodes(loadTaxonomy(db, plan.taxonomyVersionId));
	const added = (now: readonly string[], before: readonly string[]) =>
		now.filter((v) => !before.includes(v));
	const changedFields = Object.fromEntries(
		Object.entries(next.fields).filter(([k, v]) => !sameField(row.fields[k], v))
	);
	const problems = [
		...fieldsProblems(row.template, changedFields),
		...taxonomyProblems(codes, {
			macroAreas: added(next.macroAreas, row.macroAreas),
			keyPoints: Object.fromEntries(
				Object.entries(next.keyPoints).map(([c, p]) => [c, added(p, row.keyPoints[c] ?? [])])
			),
			leps: added(next.leps, row.leps)
		})
	];
	if (next.policyAreaId !== row.policyAreaId && next.policyAreaId !== null) {
		const area = getPolicyArea(db, next.policyAreaId);
		if (area?.planId !== row.planId)
			problems.push({ field: 'policyAreaId', problem: `unknown-policy-area ${next.policyAreaId}` });
	}
	const approval = approvalProblem(next.status, next.approvedAt);
	// Checked when the status or its date change, so content edits never hang on it.
	if (approval && (next.status !== row.status || next.approvedAt !== row.approvedAt))
		problems.push(approval);
	return problems;
}

/** Stores the new state as the next revision, naming what changed; nothing when nothing did. */
function save(
	db: Db,
	row: PlanObjectiveRow,
	next: PlanObjectiveRow,
	userId: number | null,
	now: number
): PlanObjectiveRow {
	const changed = changedParts(row, next);
	if (!same(row.verbatim, next.verbatim) && !changed.some((c) => c.startsWith('fields.')))
		changed.push('verbatim');
	if (!changed.length) return row;
	const { id: _id, planId: _plan, createdAt: _c, ...values } = next;
	const saved = db
		.update(planObjectives)
		.set({ ...values, updatedAt: now })
		.where(eq(planObjectives.id, row.id))
		.returning()
		.get();
	recordRevision(db, saved, changed, userId, now);
	return saved;
}

function objectiveRow(db: Db, planId: number, objectiveId: number) {
	return db
		.select()
		.from(planObjectives)
		.where(and(eq(planObjectives.id, objectiveId), eq(planObjectives.planId, planId)))
		.get();
}

/**
 * Applies a patch as one new revision that names the parts it changed (SPEC
 * PO1, PO4). Refused, with every problem and nothing stored, when it sets a
 * value the template does not offer, a macro-area, punto chiave, LEPS or policy
 * area the plan does not have, or _approvato_ without a date.
 */
export function updatePlanObjective(
	db: Db,
	planId: number,
	objectiveId: number,
	patch: ObjectivePatch,
	userId: number | null,
	now: number
): PatchOutcome {
	return inTransaction(db, () => {
		const row = objectiveRow(db, planId, objectiveId);
		if (!row) return { ok: false, reason: 'not-found', problems: [] } as const;
		const next = withPatch(row, patch);
		// A field the UdP rewrote no longer matches the printed source, nor its footnote.
		next.verbatim = Object.fromEntries(
			Object.entries(row.verbatim).filter(([k]) => {
				const key = verbatimField(k);
				return sameField(row.fields[key], next.fields[key]);
			})
		);
		const problems = patchProblems(db, row, next);
		if (problems.length) return { ok: false, reason: 'invalid', problems } as const;
		return { ok: true, value: save(db, row, next, userId, now) } as const;
	});
}

/**
 * Brings back an earlier revision's content — title, policy area, fields with
 * their printed text, macro-areas, punti chiave, LEPS, indicators — as a new
 * revision, so nothing in between is lost (SPEC PO4). The status and approval
 * date stay as they are now: they record a decision about the objective, not its
 * content, so restoring works on every revision. A policy area removed since
 * comes back as none, as its removal left every objective in it.
 */
export function restoreRevision(
	db: Db,
	planId: number,
	objectiveId: number,
	revision: number,
	userId: number | null,
	now: number
): PatchOutcome {
	return inTransaction(db, () => {
		const row = objectiveRow(db, planId, objectiveId);
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
		if (!row || !old) return { ok: false, reason: 'not-found', problems: [] } as const;
		const s = old.snapshot as Partial<PlanObjectiveRow>;
		const areaId = s.policyAreaId ?? null;
		const area = areaId === null ? undefined : getPolicyArea(db, areaId);
		const next: PlanObjectiveRow = {
			...row,
			title: s.title ?? row.title,
			policyAreaId: area?.planId === planId ? areaId : null,
			fields: s.fields ?? {},
			verbatim: s.verbatim ?? {},
			macroAreas: s.macroAreas ?? [],
			keyPoints: s.keyPoints ?? {},
			leps: s.leps ?? [],
			indicators: s.indicators ?? []
		};
		return { ok: true, value: save(db, row, next, userId, now) } as const;
	});
}
