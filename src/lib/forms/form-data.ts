import { z } from 'zod';
import { textFault } from './plain-text';

/** Field name → error code (first problem per field). */
export type FieldErrors = Record<string, string>;

export type FormResult<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

/**
 * Reads a FormData into a plain object and validates it. A field listed in
 * `arrays` keeps every value, less the empty ones: a multi-select or a group of
 * checkboxes also sends a hidden empty input of its name, so "nothing chosen"
 * (the empty input alone) differs from "control absent" (the key missing),
 * which the schema refuses rather than reading as an empty choice. Other fields
 * take their one value; sent twice, they are refused.
 *
 * A form changes nothing it did not send: a browser sends every text input,
 * select and textarea even when empty, so a key the schema names but the form
 * lacks is a page without that control (an old page, an extension, a script)
 * and is refused as 'required', never read as "" — which would blank a stored
 * value. Only fields the schema marks `.optional()` (a lone checkbox, `next`)
 * may be absent. Keys the schema does not name are refused, as is text with
 * control characters (forms/plain-text.ts; server/request-guard.ts already
 * refused invalid UTF-8 and normalised to NFC). Files are ignored: uploads are
 * read separately.
 */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData,
	arrays: readonly string[] = []
): FormResult<z.output<S>> {
	const known = fieldNames(schema);
	const refused: FieldErrors = controlFaults(form, {
		has: (key) => !known || known.has(key),
		isList: (key) => arrays.includes(key)
	});
	const values: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const all = texts(form, key);
		values[key] = arrays.includes(key) ? all.filter((v) => v !== '') : (all[0] ?? '');
	}
	for (const key of mustBeSent(schema)) if (!(key in values)) refused[key] ??= 'required';
	const result = validate(schema, values);
	if (Object.keys(refused).length === 0) return result;
	return { ok: false, errors: { ...(result.ok ? {} : result.errors), ...refused }, values };
}

/** The controls a form has: which names, and which of them send a list (checkbox groups, multi-selects). */
export interface FormControls {
	has: (name: string) => boolean;
	isList: (name: string) => boolean;
}

export type ControlFault = 'invalid_characters' | 'unknown_field' | 'invalid';

/**
 * The first fault of each name a form sent, as parseForm refuses it: text with
 * control characters, a name the form does not have, a single control sent
 * twice. Files are not text: they are left out here, for the caller to refuse
 * or read.
 */
export function controlFaults(
	form: FormData,
	controls: FormControls
): Record<string, ControlFault> {
	const faults: Record<string, ControlFault> = {};
	for (const name of new Set(form.keys())) {
		const all = texts(form, name);
		if (all.some((v) => textFault(v) !== null)) faults[name] = 'invalid_characters';
		else if (!controls.has(name)) faults[name] = 'unknown_field';
		else if (!controls.isList(name) && all.length > 1) faults[name] = 'invalid';
	}
	return faults;
}

const texts = (form: FormData, name: string) =>
	form.getAll(name).filter((v): v is string => typeof v === 'string');

/** The keys an object schema (or a pipe or union of them) names; null when it names none. */
function fieldNames(schema: z.ZodType): Set<string> | null {
	if (schema instanceof z.ZodObject) return new Set(Object.keys(schema.shape));
	if (schema instanceof z.ZodPipe) return fieldNames(schema.in as z.ZodType);
	if (schema instanceof z.ZodUnion) {
		const names = new Set<string>();
		for (const option of schema.options as z.ZodType[]) {
			const own = fieldNames(option);
			if (!own) return null;
			for (const n of own) names.add(n);
		}
		return names;
	}
	return null;
}

/** The keys of an object schema (or a pipe from one) a form must send: all but `.optional()` ones. */
function mustBeSent(schema: z.ZodType): string[] {
	if (schema instanceof z.ZodPipe) return mustBeSent(schema.in as z.ZodType);
	if (!(schema instanceof z.ZodObject)) return [];
	return Object.entries(schema.shape as Record<string, z.ZodType>)
		.filter(([, field]) => !(field instanceof z.ZodOptional))
		.map(([key]) => key);
}

export function validate<S extends z.ZodType>(
	schema: S,
	values: Record<string, unknown>
): FormResult<z.output<S>> {
	const parsed = schema.safeParse(values);
	if (parsed.success) return { ok: true, data: parsed.data };
	return { ok: false, errors: fieldErrors(parsed.error.issues), values };
}

/** One code per field; a key the schema does not know is named with 'unknown_field'. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) errors[[...issue.path, key].join('.')] ??= 'unknown_field';
			continue;
		}
		const field = issue.path.length ? String(issue.path[0]) : '_form';
		errors[field] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
	}
	return errors;
}
