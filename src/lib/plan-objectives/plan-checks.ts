import { consistencyIssues, type ConsistencyIssue } from '$lib/objectives/consistency';
import {
	isFilled,
	templateFields,
	type FieldValue,
	type TemplateField
} from '$lib/objectives/objective-template';
import { footnoteKey, plainPrinted } from './printed-answer';
import { isTextType } from './template-form';

/**
 * The checks run on the whole plan (SPEC PO3): the objective-card checks of
 * each objective, as its cycle's form allows, and the checks that need the
 * other objectives or the printed source — text copied from another objective,
 * fields left empty or «n/d», answers that point to a footnote. They warn and
 * never block.
 */
export type PlanIssue =
	| ConsistencyIssue
	/** A text identical to one of an earlier objective: the same field copied, or another field. */
	| { code: 'copied-field'; field: string; other: number }
	| { code: 'repeated-text'; field: string; other: number; otherField: string }
	/** Template fields with no answer, or «n/d», by label. */
	| { code: 'fields-not-given'; fields: string[] }
	/** An answer with a mark (SI*) that refers to a note printed under the grid. */
	| { code: 'footnoted-answer'; field: string };

export interface CheckedObjective {
	id: number;
	number: number;
	title: string;
	/** The template (cycle) the objective follows. */
	template: string;
	fields: Record<string, FieldValue>;
	verbatim: Record<string, string>;
	macroAreas: string[];
	keyPoints: Record<string, string[]>;
}

export interface PlanWarning {
	objectiveId: number;
	number: number;
	title: string;
	issue: PlanIssue;
}

/**
 * Cycles whose objective form maps punti chiave. The 2021-2023 form has none, so
 * "macro-area without any punto chiave" would flag every objective of such a plan.
 */
const formMapsKeyPoints = (template: string) => template !== '2021-2023';

/**
 * Resources the same office legitimately shares between objectives (the staff of
 * the Ufficio di Piano, «n/d» budgets): identical text there is no copy.
 */
const sharedByNature = new Set(['budgetedResources', 'dedicatedStaff']);

const comparable = (text: string) =>
	text
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.replace(/[\s.;:,]+$/, '')
		.trim();

const notGiven = (value: FieldValue | undefined, printed: string | undefined) => {
	const given = (t: string) => t.trim() !== '' && t.trim().toLowerCase() !== 'n/d';
	if (printed !== undefined && given(plainPrinted(printed))) return false;
	if (!isFilled(value)) return true;
	return typeof value === 'string' && !given(value);
};

/** PO3b: texts (not shared resources) identical to an earlier objective's, by number. */
function copiedTexts(objectives: readonly CheckedObjective[]): Map<number, PlanIssue[]> {
	const first = new Map<string, { number: number; field: TemplateField }>();
	const found = new Map<number, PlanIssue[]>();
	for (const o of [...objectives].sort((a, b) => a.number - b.number)) {
		const issues: PlanIssue[] = [];
		for (const f of templateFields(o.template)) {
			const value = o.fields[f.key];
			if (!isTextType(f.type) || sharedByNature.has(f.key) || typeof value !== 'string') continue;
			const text = comparable(value);
			if (text.length < 3 || text === 'n/d') continue;
			const earlier = first.get(text);
			if (!earlier) first.set(text, { number: o.number, field: f });
			else if (earlier.number !== o.number)
				issues.push(
					earlier.field.key === f.key
						? { code: 'copied-field', field: f.label, other: earlier.number }
						: {
								code: 'repeated-text',
								field: f.label,
								other: earlier.number,
								otherField: earlier.field.label
							}
				);
		}
		found.set(o.number, issues);
	}
	return found;
}

/** PO3b: fields left empty or «n/d»; answers with a footnote mark. */
function sourceIssues(o: CheckedObjective): PlanIssue[] {
	const fields = templateFields(o.template);
	const missing = fields.filter((f) => notGiven(o.fields[f.key], o.verbatim[f.key]));
	const issues: PlanIssue[] = missing.length
		? [{ code: 'fields-not-given', fields: missing.map((f) => f.label) }]
		: [];
	for (const f of fields) {
		const printed = plainPrinted(o.verbatim[f.key] ?? '');
		if (o.verbatim[footnoteKey(f.key)] !== undefined || /\S\*$/.test(printed))
			issues.push({ code: 'footnoted-answer', field: f.label });
	}
	return issues;
}

/** Every warning of the plan, by objective in number order (SPEC PO3). */
export function planWarnings(objectives: readonly CheckedObjective[]): PlanWarning[] {
	const copies = copiedTexts(objectives);
	return [...objectives]
		.sort((a, b) => a.number - b.number)
		.flatMap((o) => {
			const kind = o.fields.objectiveKind;
			const card = consistencyIssues({
				fields: o.fields,
				macroAreas: o.macroAreas,
				keyPoints: o.keyPoints,
				kind: kind === 'INNOVATIVO' || kind === 'IN_CONTINUITA' ? kind : null
			}).filter((i) => i.code !== 'macro-area-without-key-points' || formMapsKeyPoints(o.template));
			const issues = [...card, ...(copies.get(o.number) ?? []), ...sourceIssues(o)];
			return issues.map((issue) => ({
				objectiveId: o.id,
				number: o.number,
				title: o.title,
				issue
			}));
		});
}
