import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { nameKey } from '$lib/forms/name-key';
import { cleanJson } from '$lib/forms/plain-text';
import { templateFields } from '$lib/objectives/objective-template';
import { policyAreas } from '$lib/plan/plan.schema';
import { getPlan } from '$lib/plan/plan-repo.server';
import { inTransaction, type Db } from '$lib/server/db/database';
import { loadTaxonomy } from '$lib/taxonomy/taxonomy-repo.server';
import { fixtureKeyProblems, fixtureShape, fixtureVersion, fromFixture } from './fixture-format';
import { bounded, issueProblems, type InputProblem } from './input-problems';
import { EXPORT_FORMAT, type PlanExport } from './plan-export';
import { planExportShape } from './plan-export-schema';
import { planObjectives } from './plan-objective.schema';
import { recordRevision } from './plan-objective-repo.server';
import { verbatimField } from './printed-answer';
import {
	approvalProblem,
	fieldsProblems,
	taxonomyCodes,
	taxonomyProblems
} from './plan-objective-rules';

/**
 * Importing objectives into a plan (SPEC PO6): our export format or the domain
 * fixtures' format, detected. The whole document is checked before anything is
 * saved — its nesting and its text first, without recursion; then its shape, strictly; then
 * every value against the plan's template and taxonomy — and every problem is
 * reported with its path. With any problem, nothing is saved.
 */
export interface ImportProblem {
	/** The objective's number, when the problem is inside one that has a number. */
	objective: number | null;
	/** Where inside the objective (`fields.needType`), or the path when outside any. */
	field: string | null;
	problem: string;
	/** Where in the document sent: `objectives[3].fields.needType`. */
	path: string;
}

export type ImportOutcome =
	| { ok: true; imported: number; policyAreasCreated: number }
	| { ok: false; problems: ImportProblem[] };

type Checked = { ok: true; value: PlanExport } | { ok: false; problems: ImportProblem[] };

/** Each problem with the objective it is in, read from the document sent. */
function located(body: unknown, problems: readonly InputProblem[]): ImportProblem[] {
	const objectives = (body as { objectives?: unknown } | null)?.objectives;
	const numberAt = (i: number) => {
		const o: unknown = Array.isArray(objectives) ? objectives[i] : null;
		const n = typeof o === 'object' && o !== null ? (o as { number?: unknown }).number : null;
		return typeof n === 'number' && Number.isSafeInteger(n) ? n : null;
	};
	const all = problems.map(({ path, problem }): ImportProblem => {
		const m = /^objectives\[(\d+)\]\.?(.*)$/.exec(path);
		if (!m) return { objective: null, field: path || null, problem, path };
		return { objective: numberAt(Number(m[1])), field: m[2] || null, problem, path };
	});
	return bounded(all, (count) => ({
		objective: null,
		field: null,
		problem: `more ${count}`,
		path: ''
	}));
}

function shape<T>(schema: z.ZodType<T>, body: unknown) {
	const parsed = schema.safeParse(body);
	return parsed.success
		? ({ ok: true, value: parsed.data } as const)
		: ({ ok: false, problems: issueProblems(parsed.error.issues, body) } as const);
}

const unknownFormat = (body: unknown): Checked => ({
	ok: false,
	problems: located(body, [{ path: '', problem: 'unknown-format' }])
});

/** The body as our format, whatever accepted shape it came in: its shape only, not its values. */
export function parseImport(body: unknown): Checked {
	// As at the edge (forms/plain-text.ts): nesting past MAX_JSON_DEPTH and text nobody
	// types are refused, walking without recursion, before anything else reads the body.
	const clean = cleanJson(body);
	if (clean.ok) return parseShallow(clean.value);
	if (clean.fault === 'too-deep')
		return { ok: false, problems: located(null, [{ path: clean.path, problem: 'too-deep' }]) };
	if (clean.fault === 'reserved-key')
		return { ok: false, problems: located(body, [{ path: clean.path, problem: 'unknown-field' }]) };
	return { ok: false, problems: located(body, [{ path: clean.path, problem: 'invalid-text' }]) };
}

function parseShallow(body: unknown): Checked {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return unknownFormat(body);
	if ('format' in body) {
		if ((body as { format: unknown }).format !== EXPORT_FORMAT)
			return {
				ok: false,
				problems: located(body, [{ path: 'format', problem: 'unknown-format' }])
			};
		const ours = shape(planExportShape, body);
		return ours.ok ? ours : { ok: false, problems: located(body, ours.problems) };
	}
	if (!('meta' in body) && !('objectives' in body)) return unknownFormat(body);
	const fixture = shape(fixtureShape, body);
	if (!fixture.ok) return { ok: false, problems: located(body, fixture.problems) };
	const version = fixtureVersion(fixture.value.meta.fieldOrder);
	const keys = fixtureKeyProblems(fixture.value, version);
	if (keys.length) return { ok: false, problems: located(body, keys) };
	// The conversion is ours, but what it gives meets the same bounds as any import.
	const converted = fromFixture(fixture.value, version);
	const ours = shape(planExportShape, converted);
	return ours.ok ? ours : { ok: false, problems: located(converted, ours.problems) };
}

/** Every value the plan's template or taxonomy does not have, every number used twice. */
function checkObjectives(db: Db, planId: number, data: PlanExport): InputProblem[] {
	const plan = getPlan(db, planId)!;
	const version = data.plan.taxonomyVersion;
	if (version !== plan.taxonomyVersionId)
		return [{ path: 'plan.taxonomyVersion', problem: `taxonomy-mismatch ${version}` }];
	const problems: InputProblem[] = [];
	const codes = taxonomyCodes(loadTaxonomy(db, version));
	const keys = new Set(templateFields(version).map((f) => f.key));
	data.policyAreas.forEach((a, i) => {
		for (const p of taxonomyProblems(codes, { macroAreas: a.macroAreas }))
			problems.push({ path: `policyAreas[${i}].${p.field}`, problem: p.problem });
	});
	const taken = new Set(
		db
			.select({ n: planObjectives.number })
			.from(planObjectives)
			.where(eq(planObjectives.planId, planId))
			.all()
			.map((r) => r.n)
	);
	data.objectives.forEach((o, i) => {
		const at = (field: string, problem: string) =>
			problems.push({ path: `objectives[${i}].${field}`, problem });
		if (taken.has(o.number)) at('number', 'duplicate-number');
		taken.add(o.number);
		for (const p of fieldsProblems(version, o.fields)) at(`fields.${p.field}`, p.problem);
		// A footnote (`<field>.footnote`) belongs to its field's printed answer.
		for (const key of Object.keys(o.verbatim))
			if (!keys.has(verbatimField(key))) at(`verbatim.${key}`, 'unknown-field');
		for (const p of taxonomyProblems(codes, o)) at(p.field, p.problem);
		const approval = approvalProblem(o.status, o.approvedAt);
		if (approval) at(approval.field, approval.problem);
	});
	return problems;
}

/** Every problem an import would meet, without saving anything: the preview's check. */
export function validateImport(db: Db, planId: number, body: unknown): Checked {
	const parsed = parseImport(body);
	if (!parsed.ok) return parsed;
	const problems = checkObjectives(db, planId, parsed.value);
	return problems.length ? { ok: false, problems: located(parsed.value, problems) } : parsed;
}

/** As importObjectives, from the document's text: `invalid-json` when it does not parse. */
export function importObjectivesJson(
	db: Db,
	planId: number,
	text: string,
	userId: number | null,
	now: number
): ImportOutcome {
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return {
			ok: false,
			problems: [{ objective: null, field: null, problem: 'invalid-json', path: '' }]
		};
	}
	return importObjectives(db, planId, body, userId, now);
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
