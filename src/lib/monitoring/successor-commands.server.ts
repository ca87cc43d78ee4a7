import { and, eq, inArray, isNull } from 'drizzle-orm';
import { templateFields } from '$lib/objectives/objective-template';
import { recordRevision } from '$lib/plan-objectives/plan-objective-repo.server';
import { planObjectives } from '$lib/plan-objectives/plan-objective.schema';
import { listPolicyAreas } from '$lib/plan/plan-repo.server';
import { plans, policyAreaMacroAreas, policyAreas } from '$lib/plan/plan.schema';
import { inTransaction, type Db } from '$lib/server/db/database';
import { loadTaxonomy } from '$lib/taxonomy/taxonomy-repo.server';
import { mapCodes, type MappingTarget, type PendingMapping } from '$lib/taxonomy/taxonomy-mapping';
import type { SuccessorInput } from './monitoring-input';
import { carriedFields } from './successor';

/**
 * «Crea il piano successivo» (SPEC M41–M44): a new plan of the same Ambito with the
 * chosen objectives as drafts *in continuità*, each linked to its predecessor; the
 * policy areas come along with their macro-areas mapped; what the taxonomy mapping
 * leaves open is returned and kept on the objective for the UdP. All or nothing.
 */

type PlanRow = typeof plans.$inferSelect;
type Refusal = 'unknown-taxonomy' | 'unknown-objective' | 'period-not-after';

export interface NeedsMapping extends PendingMapping {
	/** The carried draft in the new plan, and the objective it continues. */
	objectiveId: number;
	predecessorId: number;
	number: number;
	title: string;
}

export type SuccessorOutcome =
	| { ok: true; value: { id: number; carried: number; needsMapping: NeedsMapping[] } }
	| { ok: false; reason: Refusal; unknown?: string[] };

/** The plan's live objectives among `ids`, in the plan's order; the ids that are not one. */
function chosenObjectives(db: Db, planId: number, ids: readonly number[]) {
	const rows = db
		.select()
		.from(planObjectives)
		.where(
			and(
				eq(planObjectives.planId, planId),
				isNull(planObjectives.archivedAt),
				inArray(planObjectives.id, [...ids])
			)
		)
		.all()
		.sort((a, b) => a.number - b.number);
	const found = new Set(rows.map((r) => r.id));
	return { rows, unknown: ids.filter((id) => !found.has(id)).map(String) };
}

/** [M44] The policy areas, in order, with their macro-areas carried where the table settles them. */
function copyPolicyAreas(db: Db, from: PlanRow, to: number, target: LoadedTaxonomy) {
	const ids = new Map<number, number>();
	const codeIds = new Map(target.macroAreas.map((a) => [a.code, a.id]));
	for (const area of listPolicyAreas(db, from.id)) {
		const row = db
			.insert(policyAreas)
			.values({ planId: to, name: area.name, position: area.position })
			.returning()
			.get();
		ids.set(area.id, row.id);
		const codes = area.macroAreas.map((m) => m.code);
		const mapped = mapCodes(from.taxonomyVersionId, mappingTarget(target), {
			macroAreas: codes,
			keyPoints: {},
			leps: []
		});
		for (const code of mapped.macroAreas)
			db.insert(policyAreaMacroAreas)
				.values({ policyAreaId: row.id, macroAreaId: codeIds.get(code)! })
				.run();
	}
	return ids;
}

type LoadedTaxonomy = NonNullable<ReturnType<typeof loadTaxonomy>>;

const mappingTarget = (t: LoadedTaxonomy): MappingTarget => ({
	id: t.id,
	macroAreas: t.macroAreas.map((a) => ({
		code: a.code,
		keyPoints: a.keyPoints.map((k) => k.label)
	})),
	leps: t.leps
});

/**
 * [M41] The next plan starts once the previous one has ended: "2026-2028" after
 * "2025-2027" would be two plans for 2026 and 2027.
 */
const startsAfter = (period: string, previous: string) =>
	Number(period.slice(0, 4)) > Number(previous.slice(5));

export function createSuccessor(
	db: Db,
	from: PlanRow,
	input: SuccessorInput,
	actor: { userId: number | null; now: number }
): SuccessorOutcome {
	const taxonomy = loadTaxonomy(db, input.taxonomyVersion);
	if (!taxonomy) return { ok: false, reason: 'unknown-taxonomy' };
	if (!startsAfter(input.period, from.period)) return { ok: false, reason: 'period-not-after' };
	const chosen = chosenObjectives(db, from.id, input.objectiveIds);
	if (chosen.unknown.length)
		return { ok: false, reason: 'unknown-objective', unknown: chosen.unknown };
	const target = mappingTarget(taxonomy);
	return inTransaction(db, () => {
		const plan = db
			.insert(plans)
			.values({
				ambitoId: from.ambitoId,
				title: input.title,
				period: input.period,
				status: 'drafting',
				taxonomyVersionId: taxonomy.id,
				predecessorId: from.id,
				createdAt: actor.now
			})
			.returning()
			.get();
		const areaIds = copyPolicyAreas(db, from, plan.id, taxonomy);
		const needsMapping: NeedsMapping[] = [];
		chosen.rows.forEach((old, i) => {
			const codes = mapCodes(from.taxonomyVersionId, target, old);
			const row = db
				.insert(planObjectives)
				.values({
					planId: plan.id,
					number: i + 1,
					title: old.title,
					policyAreaId: old.policyAreaId === null ? null : (areaIds.get(old.policyAreaId) ?? null),
					template: taxonomy.id,
					...carriedFields(templateFields(old.template), templateFields(taxonomy.id), old),
					macroAreas: codes.macroAreas,
					keyPoints: codes.keyPoints,
					leps: codes.leps,
					indicators: old.indicators,
					status: 'draft',
					approvedAt: null,
					predecessorId: old.id,
					pendingMapping: codes.pending,
					createdAt: actor.now,
					updatedAt: actor.now
				})
				.returning()
				.get();
			recordRevision(db, row, ['*'], actor.userId, actor.now);
			for (const p of codes.pending)
				needsMapping.push({
					...p,
					objectiveId: row.id,
					predecessorId: old.id,
					number: row.number,
					title: row.title
				});
		});
		return {
			ok: true,
			value: { id: plan.id, carried: chosen.rows.length, needsMapping }
		} as const;
	});
}
