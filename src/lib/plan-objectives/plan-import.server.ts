import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { nameKey } from '$lib/forms/name-key';
import { templateFields } from '$lib/objectives/objective-template';
import { validFieldValue } from '$lib/objectives/objective-rules';
import { policyAreas, plans } from '$lib/plan/plan.schema';
import { inTransaction, type Db } from '$lib/server/db/database';
import { loadTaxonomy } from '$lib/taxonomy/taxonomy-repo.server';
import { detectFormat, EXPORT_FORMAT, fromFixture, type PlanExport } from './plan-export';
import { planObjectives } from './plan-objective.schema';
import { recordRevision } from './plan-objective-repo.server';
import { isTextType } from './template-form';

/**
 * Importing objectives into a plan (SPEC PO6): our export format or the domain
 * fixtures' format, detected. Every problem is reported; with any problem,
 * nothing is saved.
 */
const fieldValue = z.union([
	z.string().max(20_000),
	z.array(z.string().max(200)).max(20),
	z.null()
]);
const exportShape = z.object({
	format: z.literal(EXPORT_FORMAT),
	version: z.literal(1),
	plan: z.object({
		title: z.string().max(300),
		period: z.string().max(20),
		taxonomyVersion: z.string().max(20)
	}),
	policyAreas: z
		.array(
			z.object({ name: z.string().min(1).max(300), macroAreas: z.array(z.string().max(4)).max(20) })
		)
		.max(100),
	objectives: z
		.array(
			z.object({
				number: z.number().int().positive(),
				title: z.string().min(1).max(500),
				policyArea: z.string().max(300).nullable(),
				fields: z.record(z.string(), fieldValue),
				verbatim: z.record(z.string(), z.string().max(40_000)),
				macroAreas: z.array(z.string().max(4)).max(20),
				keyPoints: z.record(z.string(), z.array(z.string().max(300)).max(40)),
				leps: z.array(z.string().max(300)).max(20),
				indicators: z.array(z.record(z.string(), z.unknown())).max(40),
				status: z.enum(['draft', 'review', 'consolidated', 'approved']),
				approvedAt: z.string().max(40).nullable()
			})
		)
		.max(500)
});

export interface ImportProblem {
	objective: number | null;
	field: string | null;
	problem: string;
}

export type ImportOutcome =
	| { ok: true; imported: number; policyAreasCreated: number }
	| { ok: false; problems: ImportProblem[] };

/** The body as our format, whatever accepted shape it came in. */
export function parseImport(
	body: unknown
): { ok: true; value: PlanExport } | { ok: false; problems: ImportProblem[] } {
	const format = detectFormat(body);
	if (!format)
		return { ok: false, problems: [{ objective: null, field: null, problem: 'unknown-format' }] };
	const candidate =
		format === 'tavoli' ? body : fromFixture(body as Parameters<typeof fromFixture>[0], format);
	const parsed = exportShape.safeParse(candidate);
	if (!parsed.success) {
		return {
			ok: false,
			problems: parsed.error.issues
				.slice(0, 50)
				.map((i) => ({ objective: null, field: i.path.join('.'), problem: i.message }))
		};
	}
	return { ok: true, value: parsed.data as unknown as PlanExport };
}

function checkObjectives(db: Db, planId: number, data: PlanExport): ImportProblem[] {
	const plan = db.select().from(plans).where(eq(plans.id, planId)).get()!;
	const problems: ImportProblem[] = [];
	if (data.plan.taxonomyVersion !== plan.taxonomyVersionId)
		problems.push({ objective: null, field: 'taxonomyVersion', problem: 'taxonomy-mismatch' });
	const taxonomy = loadTaxonomy(db, plan.taxonomyVersionId);
	const keyPoints = new Map(
		taxonomy?.macroAreas.map((a) => [a.code, new Set(a.keyPoints.map((k) => k.label))]) ?? []
	);
	const fields = templateFields(plan.taxonomyVersionId);
	const types = new Map(fields.map((f) => [f.key, f.type]));
	const taken = new Set(
		db
			.select({ n: planObjectives.number })
			.from(planObjectives)
			.where(eq(planObjectives.planId, planId))
			.all()
			.map((r) => r.n)
	);
	for (const o of data.objectives) {
		const at = (field: string | null, problem: string) =>
			problems.push({ objective: o.number, field, problem });
		if (taken.has(o.number)) at('number', 'duplicate-number');
		taken.add(o.number);
		for (const [key, value] of Object.entries(o.fields)) {
			const type = types.get(key);
			if (!type) at(key, 'unknown-field');
			else if (isTextType(type)) {
				if (typeof value !== 'string' && value !== null) at(key, 'invalid-value');
			} else if (plan.taxonomyVersionId === '2025-2027' && !validFieldValue(key, value))
				at(key, 'invalid-value');
		}
		for (const code of [...o.macroAreas, ...Object.keys(o.keyPoints)])
			if (!keyPoints.has(code)) at('macroAreas', `unknown-macro-area ${code}`);
		for (const [code, points] of Object.entries(o.keyPoints)) {
			for (const p of points)
				if (keyPoints.has(code) && !keyPoints.get(code)!.has(p))
					at('keyPoints', `unknown-key-point ${code}: ${p}`);
		}
	}
	return problems;
}

/** Every problem an import would meet, without saving anything: the preview's check. */
export function validateImport(
	db: Db,
	planId: number,
	body: unknown
): { ok: true; value: PlanExport } | { ok: false; problems: ImportProblem[] } {
	const parsed = parseImport(body);
	if (!parsed.ok) return parsed;
	const problems = checkObjectives(db, planId, parsed.value);
	return problems.length ? { ok: false, problems } : parsed;
}

/** Imports all or nothing; policy areas the plan lacks are created under the imported names. */
export function importObjectives(
	db: Db,
	planId: number,
	body: unknown,
	userId: number | null,
	now: number
): ImportOutcome {
	const parsed = validateImport(db, planId, body);
	if (!parsed.ok) return parsed;
	return inTransaction(db, () => {
		const areas = new Map(
			db
				.select()
				.from(policyAreas)
				.where(eq(policyAreas.planId, planId))
				.all()
				.map((a) => [nameKey(a.name), a.id])
		);
		let created = 0;
		const areaId = (name: string | null) => {
			if (!name) return null;
			const key = nameKey(name);
			if (!areas.has(key)) {
				areas.set(
					key,
					db.insert(policyAreas).values({ planId, name, position: areas.size }).returning().get().id
				);
				created++;
			}
			return areas.get(key)!;
		};
		for (const a of parsed.value.policyAreas) areaId(a.name);
		for (const { policyArea, ...o } of parsed.value.objectives) {
			const row = db
				.insert(planObjectives)
				.values({
					planId,
					...o,
					policyAreaId: areaId(policyArea),
					template: parsed.value.plan.taxonomyVersion,
					createdAt: now,
					updatedAt: now
				})
				.returning()
				.get();
			recordRevision(db, row, ['*'], userId, now);
		}
		return {
			ok: true,
			imported: parsed.value.objectives.length,
			policyAreasCreated: created
		} as const;
	});
}
