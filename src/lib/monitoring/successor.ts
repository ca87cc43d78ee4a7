import type { FieldValue, TemplateField } from '$lib/objectives/objective-template';
import type { PendingMapping } from '$lib/taxonomy/taxonomy-mapping';

/**
 * What of an objective's filled template a carried draft keeps (SPEC M42): pure, so
 * the rule is tested without a database.
 */

/** The template's answer that says an objective continues the previous plan. */
export const CONTINUITY_FIELD = 'continuityWithPreviousPlan';

const textTypes = new Set(['shortText', 'richText', 'money']);

/** Two fields hold the same kind of answer: both text, or the same choice type with the same values. */
function compatible(from: TemplateField, to: TemplateField): boolean {
	if (textTypes.has(from.type) && textTypes.has(to.type)) return true;
	// A siNo field of the 2021 template lists no values: its type says SI/NO.
	const sameValues = !from.values || !to.values || from.values.join('|') === to.values.join('|');
	return from.type === to.type && sameValues;
}

/**
 * [M42] The fields a carried draft keeps: those with the same key and kind of answer in
 * the new template (their verbatim text too), and «continuità con la programmazione
 * precedente» set to SI (no verbatim: it is our answer, not the old plan's text). A field
 * the new template lacks or asks differently is left empty for the UdP.
 */
export function carriedFields(
	from: readonly TemplateField[],
	to: readonly TemplateField[],
	o: { fields: Record<string, FieldValue>; verbatim: Record<string, string> }
): { fields: Record<string, FieldValue>; verbatim: Record<string, string> } {
	const fields: Record<string, FieldValue> = {};
	const verbatim: Record<string, string> = {};
	for (const field of to) {
		const old = from.find((f) => f.key === field.key);
		if (!old || !compatible(old, field) || field.key === CONTINUITY_FIELD) continue;
		const value = o.fields[field.key];
		if (value === undefined || value === null) continue;
		fields[field.key] = value;
		if (o.verbatim[field.key] !== undefined) verbatim[field.key] = o.verbatim[field.key]!;
	}
	if (to.some((f) => f.key === CONTINUITY_FIELD)) fields[CONTINUITY_FIELD] = 'SI';
	return { fields, verbatim };
}

/**
 * [M43] What of a carried draft's pending mapping is still open: an item is settled once
 * the objective has one of its candidates (a macro-area code, a punto chiave `code|label`);
 * an item without candidates stays, as the note of what was not carried.
 */
export function openMappings(
	pending: readonly PendingMapping[],
	o: { macroAreas: readonly string[]; keyPoints: Record<string, readonly string[]> }
): PendingMapping[] {
	const has = (p: PendingMapping, candidate: string) => {
		if (p.kind === 'macroArea') return o.macroAreas.includes(candidate);
		const [code = '', ...label] = candidate.split('|');
		return (o.keyPoints[code] ?? []).includes(label.join('|'));
	};
	return pending.filter((p) => !p.candidates.some((c) => has(p, c)));
}
