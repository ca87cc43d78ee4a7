import type { FieldValue, TemplateField } from '$lib/objectives/objective-template';

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
	return from.type === to.type && (from.values ?? []).join('|') === (to.values ?? []).join('|');
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
