import { templateFields, type FieldValue } from '$lib/objectives/objective-template';

/**
 * The template's fields as HTML form controls, both ways: which choices a
 * control offers, and what a submitted form says. Used by the objective editor
 * and the merge editor, so both read a form the same way.
 *
 * A form changes nothing it did not send: a field whose control is absent is
 * left out, never read as empty. A group of checkboxes sends a hidden empty
 * input of its name, so "none ticked" (the empty input alone) differs from "no
 * such control" (the name missing).
 */
const textTypes = new Set(['richText', 'shortText', 'money']);

export const isTextType = (type: string) => textTypes.has(type);

/** The answers a single-choice control offers. */
export function fieldChoices(type: string, values: readonly string[] | undefined): string[] {
	if (type === 'siNo') return ['SI', 'NO'];
	if (type === 'siNoNd') return ['SI', 'NO', 'n/d'];
	return [...(values ?? [])];
}

/** The values of a checkbox group, less its empty sentinel. */
export function checkedValues(form: FormData, name: string): string[] {
	return form
		.getAll(name)
		.map(String)
		.filter((v) => v !== '');
}

/** Controls are named `field:<key>`; an empty choice means "not given", an absent control "unchanged". */
export function readTemplateFields(form: FormData, version: string): Record<string, FieldValue> {
	const fields: Record<string, FieldValue> = {};
	for (const f of templateFields(version)) {
		const name = `field:${f.key}`;
		if (!form.has(name)) continue;
		if (f.type === 'enumSet') fields[f.key] = checkedValues(form, name);
		else {
			// Browsers send a textarea's line breaks as CRLF; stored text has LF.
			const v = String(form.get(name)).replace(/\r\n?/g, '\n');
			fields[f.key] = v === '' && !isTextType(f.type) ? null : v;
		}
	}
	return fields;
}
