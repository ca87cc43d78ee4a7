import { templateFields, type FieldValue } from '$lib/objectives/objective-template';

/**
 * The template's fields as HTML form controls, both ways: which choices a
 * control offers, and what a submitted form says. Used by the objective editor
 * and the merge editor, so both read a form the same way.
 */
const textTypes = new Set(['richText', 'shortText', 'money']);

export const isTextType = (type: string) => textTypes.has(type);

/** The answers a single-choice control offers. */
export function fieldChoices(type: string, values: readonly string[] | undefined): string[] {
	if (type === 'siNo') return ['SI', 'NO'];
	if (type === 'siNoNd') return ['SI', 'NO', 'n/d'];
	return [...(values ?? [])];
}

/** Controls are named `field:<key>`; an empty choice means "not given". */
export function readTemplateFields(form: FormData, version: string): Record<string, FieldValue> {
	const fields: Record<string, FieldValue> = {};
	for (const f of templateFields(version)) {
		const name = `field:${f.key}`;
		if (f.type === 'enumSet') fields[f.key] = form.getAll(name).map(String);
		else {
			const v = String(form.get(name) ?? '');
			fields[f.key] = v === '' && !isTextType(f.type) ? null : v;
		}
	}
	return fields;
}
