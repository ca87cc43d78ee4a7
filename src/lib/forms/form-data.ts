import type { z } from 'zod';

/** Field name → error code (first problem per field). */
export type FieldErrors = Record<string, string>;

export type FormResult<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

/**
 * Reads a FormData into a plain object (fields listed in `arrays` keep every
 * value) and validates it. Files are ignored: uploads are read separately.
 */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData,
	arrays: readonly string[] = []
): FormResult<z.output<S>> {
	const values: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
		values[key] = arrays.includes(key) ? all : (all[0] ?? '');
	}
	for (const key of arrays) values[key] ??= [];
	return validate(schema, values);
}

export function validate<S extends z.ZodType>(
	schema: S,
	values: Record<string, unknown>
): FormResult<z.output<S>> {
	const parsed = schema.safeParse(values);
	if (parsed.success) return { ok: true, data: parsed.data };
	return { ok: false, errors: fieldErrors(parsed.error.issues), values };
}

export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const field = issue.path.length ? String(issue.path[0]) : '_form';
		errors[field] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
	}
	return errors;
}
