import { z } from 'zod';
import data20212023 from '$lib/taxonomy/data/2021-2023.json' with { type: 'json' };
import {
	templateFields,
	templateVersions,
	type FieldValue
} from '$lib/objectives/objective-template';
import type { InputProblem } from './input-problems';
import { EXPORT_FORMAT, type ExportedObjective, type PlanExport } from './plan-export';
import { footnoteKey } from './printed-answer';
import { isTextType } from './template-form';

/**
 * The domain reference's fixture files (the Seriate 2025-2027 and Valle Trompia
 * 2021-2023 objectives, /work/shared/domain/README.md) as an import (SPEC PO6).
 * Every object is strict: a key the reference does not use is refused by name.
 * Editorial keys (line numbers, notes, irregularities) are accepted and not read.
 */
const editorial = z.unknown().optional();
const printed = z.string().max(40_000);
const listText = z.union([z.string().max(20_000), z.array(z.string().max(5_000)).max(200)]);
const item = z.union([
	z.string().max(5_000),
	z.strictObject({ text: z.string().max(5_000), items: z.array(z.string().max(5_000)).max(200) })
]);
const items = z.array(item).max(200);

/** The shapes the reference normalises a value to: an answer, a set, or the text without tags. */
const normalizedShape = z.union([
	z.null(),
	z.string().max(20_000),
	z.array(z.string().max(300)).max(20),
	z.strictObject({
		answer: z.string().max(40).nullable().optional(),
		/** The macro-areas a 2021-2023 cross-cutting answer names, or all of them. */
		areas: z.union([z.literal('ALL'), z.array(z.string().max(4)).max(20)]).optional(),
		modes: editorial,
		modeTokens: editorial,
		amounts: editorial,
		text: z.string().max(20_000).nullable().optional(),
		verbatim: printed.optional(),
		lead: listText.optional(),
		items: items.optional(),
		tail: listText.optional()
	})
]);

const fixtureField = z.strictObject({
	label: z.string().max(2_000).nullable().optional(),
	verbatim: printed.optional(),
	lines: editorial,
	lead: listText.optional(),
	items: items.optional(),
	tail: listText.optional(),
	normalized: normalizedShape.optional(),
	/** The note printed under the grid that the answer's mark (SI*) refers to. */
	footnote: z
		.strictObject({
			marker: z.string().max(10).optional(),
			text: z.string().max(2_000),
			line: editorial
		})
		.optional(),
	segments: editorial
});
type FixtureField = z.output<typeof fixtureField>;

const heading = z.strictObject({
	verbatim: z.string().max(300).optional(),
	normalized: z.string().max(300).optional(),
	line: editorial
});

const fixtureObjective = z.strictObject({
	number: z.number().int().positive().max(9999),
	title: z.string().trim().min(1, { error: 'missing' }).max(500).optional(),
	titleNormalized: editorial,
	titleInObjectiveList: editorial,
	titleLines: editorial,
	shortTitles: editorial,
	sourceLines: editorial,
	irregularities: editorial,
	area: heading.optional(),
	areaHeading: heading.optional(),
	macroAreas: z.array(z.string().max(4)).max(20).optional(),
	macroArea: z.string().max(4).optional(),
	keyPoints: z.record(z.string().max(4), z.array(z.string().max(300)).max(40)).optional(),
	fields: z.record(z.string().max(100), fixtureField)
});
type FixtureObjective = z.output<typeof fixtureObjective>;

export const fixtureShape = z.strictObject({
	meta: z.strictObject({
		plan: z.string().max(300).optional(),
		fieldOrder: z.array(z.string().max(100)).max(50),
		document: editorial,
		regionalGuidelines: editorial,
		lineNumbers: editorial,
		verbatimRule: editorial,
		nonVerbatimKeys: editorial,
		objectiveCount: editorial,
		countsByMacroArea: editorial,
		segmentsNote: editorial
	}),
	policyAreas: z
		.array(
			z.strictObject({
				verbatim: z.string().max(300).optional(),
				normalized: z.string().max(300).optional(),
				line: editorial,
				objectives: editorial
			})
		)
		.max(100)
		.optional(),
	objectives: z.array(fixtureObjective).max(500),
	macroAreaMatrix: editorial,
	keyPointTables: editorial,
	tavoli: editorial
});
export type Fixture = z.output<typeof fixtureShape>;

/** The template a fixture follows: the one whose keys its `meta.fieldOrder` names most. */
export function fixtureVersion(fieldOrder: readonly string[]): string {
	const score = (version: string) =>
		templateFields(version).filter((f) => fieldOrder.includes(f.key)).length;
	return [...templateVersions].sort((a, b) => score(b) - score(a))[0]!;
}

/**
 * What the fixture names that its template does not have, or lacks: every
 * `meta.fieldOrder` entry and every objective's field key must be a field of
 * the template, and `meta.fieldOrder` must list each field once.
 */
export function fixtureKeyProblems(fixture: Fixture, version: string): InputProblem[] {
	const keys = templateFields(version).map((f) => f.key);
	const order = fixture.meta.fieldOrder;
	const problems: InputProblem[] = [];
	order.forEach((key, i) => {
		const at = `meta.fieldOrder[${i}]`;
		if (!keys.includes(key)) problems.push({ path: at, problem: `unknown-field ${key}` });
		else if (order.indexOf(key) !== i) problems.push({ path: at, problem: `repeated ${key}` });
	});
	for (const key of keys)
		if (!order.includes(key))
			problems.push({ path: 'meta.fieldOrder', problem: `missing-field ${key}` });
	fixture.objectives.forEach((o, i) => {
		for (const key of Object.keys(o.fields))
			if (!keys.includes(key))
				problems.push({ path: `objectives[${i}].fields.${key}`, problem: `unknown-field ${key}` });
	});
	return problems;
}

const lines = (v: string | readonly string[] | undefined) =>
	v === undefined ? [] : typeof v === 'string' ? [v] : [...v];

/** Plain text for a printed cell: its bullet items when the source listed them, tags removed otherwise. */
function textOf(field: Pick<FixtureField, 'verbatim' | 'lead' | 'items' | 'tail'>): string {
	if (field.items) {
		const bullets = field.items.flatMap((i) =>
			typeof i === 'string' ? [`• ${i}`] : [`• ${i.text}`, ...i.items.map((s) => `  – ${s}`)]
		);
		return [...lines(field.lead), ...bullets, ...lines(field.tail)].filter(Boolean).join('\n');
	}
	return (field.verbatim ?? '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** A choice's value: the answer the reference normalised it to, else the printed text (judged later). */
function choiceOf(field: FixtureField): FieldValue {
	const n = field.normalized;
	if (n === undefined) return textOf(field);
	if (n === null || typeof n === 'string' || Array.isArray(n)) return n;
	return n.answer !== undefined ? n.answer : textOf(field);
}

/** The 2021-2023 macro-areas, for a cross-cutting answer that names "tutte le aree". */
const allCodes20212023 = data20212023.macroAreas.map((a) => a.code);

/**
 * The objective's macro-areas: those the reference maps it to, then those its
 * 2021-2023 cross-cutting answer names ("Sì, è trasversale all'Area …"), so the
 * matrix shows every area the card says it serves; each once.
 */
function macroAreasOf(o: FixtureObjective): string[] {
	const own = o.macroAreas ?? (o.macroArea ? [o.macroArea] : []);
	const named = o.fields.crossCuttingIntegrated?.normalized;
	const areas = typeof named === 'object' && named && !Array.isArray(named) ? named.areas : [];
	const crossing = areas === 'ALL' ? allCodes20212023 : (areas ?? []);
	return [...new Set([...own, ...crossing])];
}

function objectiveOf(o: FixtureObjective, version: string): ExportedObjective {
	const fields: Record<string, FieldValue> = {};
	const verbatim: Record<string, string> = {};
	for (const f of templateFields(version)) {
		const field = o.fields[f.key];
		if (!field) continue;
		fields[f.key] = isTextType(f.type) ? textOf(field) : choiceOf(field);
		if (field.verbatim !== undefined) verbatim[f.key] = field.verbatim;
		if (field.footnote) verbatim[footnoteKey(f.key)] = field.footnote.text;
	}
	const title =
		o.title ??
		(typeof fields.title === 'string' && fields.title.trim()
			? fields.title
			: `Obiettivo ${o.number}`);
	return {
		number: o.number,
		title,
		policyArea: areaName(o),
		fields,
		verbatim,
		macroAreas: macroAreasOf(o),
		keyPoints: o.keyPoints ?? {},
		leps: [],
		indicators: [],
		// The printed plan was approved, but the reference gives no date of the
		// Assemblea's approval, which _approvato_ needs (SPEC PO1).
		status: 'consolidated',
		approvedAt: null
	};
}

function areaName(o: FixtureObjective): string | null {
	const name = o.area?.normalized ?? o.area?.verbatim ?? o.areaHeading?.verbatim ?? '';
	return name.trim() ? name : null;
}

/** A fixture, already checked against `fixtureShape`, in our import format; printed text kept verbatim. */
export function fromFixture(fixture: Fixture, version: string): PlanExport {
	const areas = fixture.policyAreas
		? fixture.policyAreas.map((a) => a.normalized ?? a.verbatim ?? '')
		: fixture.objectives.map(areaName);
	const names = [...new Set(areas.filter((a): a is string => !!a?.trim()))];
	return {
		format: EXPORT_FORMAT,
		version: 1,
		plan: {
			title: fixture.meta.plan ?? 'Piano di Zona',
			period: version,
			taxonomyVersion: version
		},
		policyAreas: names.map((name) => ({ name, macroAreas: [] })),
		objectives: fixture.objectives.map((o) => objectiveOf(o, version))
	};
}
