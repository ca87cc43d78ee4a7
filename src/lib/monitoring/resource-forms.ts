import type { z } from 'zod';
import { controlFaults, type FieldErrors } from '$lib/forms/form-data';
import { getLocale } from '$lib/paraglide/runtime';
import {
	actionsInput,
	budgetInput,
	evaluationInput,
	type ActionsBody,
	type BudgetBody,
	type EvaluationBody
} from './monitoring-input';

/**
 * The objective page's forms read into the very bodies the API takes (SPEC M15–M17), then
 * checked by the API's schemas: one validation for both doors. A form of rows repeats each
 * field name once per row, in order; a row left wholly empty is a spare, not an entry.
 */

export type FormRead<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Typed number text: '' → null, `12`, `12.5` or `12,5` → the number; anything else stays text for the schema to refuse. */
export function numberText(text: string): number | string | null {
	const trimmed = text.trim();
	if (trimmed === '') return null;
	return /^-?\d+(?:[.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : trimmed;
}

/** The reader's decimal mark: a comma in Italian. */
export const decimalMark = (): ',' | '.' => (getLocale() === 'en' ? '.' : ',');

/**
 * A stored number as an input shows it for typing again: no grouping, the reader's decimal mark
 * (`1200,5` in Italian), which numberText reads back.
 */
export function numberInputText(value: number | null, decimalMark: ',' | '.'): string {
	return value === null ? '' : String(value).replace('.', decimalMark);
}

/** Each problem under its path (`actions.2.plannedOn`), so a row's error names the row. */
export function pathErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const key = issue.path.join('.') || '_form';
		errors[key] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
	}
	return errors;
}

function checked<T>(schema: z.ZodType<T>, body: unknown): FormRead<T> {
	const parsed = schema.safeParse(body);
	return parsed.success
		? { ok: true, data: parsed.data }
		: { ok: false, errors: pathErrors(parsed.error.issues) };
}

/** The rows a form sent: refused when a name is unknown, text is unclean or the columns differ in length. */
function readRows(form: FormData, names: readonly string[]): FormRead<Record<string, string>[]> {
	const faults = controlFaults(form, { has: (n) => names.includes(n), isList: () => true });
	if (Object.keys(faults).length) return { ok: false, errors: faults };
	const columns = names.map((n) => form.getAll(n).map(String));
	const length = columns[0]!.length;
	if (columns.some((c) => c.length !== length)) return { ok: false, errors: { _form: 'invalid' } };
	const rows = Array.from({ length }, (_, i) =>
		Object.fromEntries(names.map((n, c) => [n, columns[c]![i]!]))
	);
	return { ok: true, data: rows.filter((r) => Object.values(r).some((v) => v.trim() !== '')) };
}

/** [M15] The actions form (`title`, `plannedOn`, `doneOn` per row) as the API's body. */
export function actionsFromForm(form: FormData): FormRead<ActionsBody> {
	const rows = readRows(form, ['title', 'plannedOn', 'doneOn']);
	if (!rows.ok) return rows;
	const actions = rows.data.map((r) => ({
		title: r.title!,
		plannedOn: r.plannedOn!,
		doneOn: r.doneOn === '' ? null : r.doneOn!
	}));
	return checked(actionsInput, { actions });
}

/** [M16] The budget form (`year`, `planned`, `committed`, `paid` per row) as the API's body. */
export function budgetFromForm(form: FormData): FormRead<BudgetBody> {
	const rows = readRows(form, ['year', 'planned', 'committed', 'paid']);
	if (!rows.ok) return rows;
	const years = rows.data.map((r) => ({
		year: numberText(r.year!),
		planned: numberText(r.planned!),
		committed: numberText(r.committed!),
		paid: numberText(r.paid!)
	}));
	return checked(budgetInput, { years });
}

const evaluationNumbers = ['actionsPlanned', 'actionsDone', 'budgetPlanned', 'budgetPaid'];
const evaluationTexts = ['userEvaluation', 'resourceAdequacy', 'notes'];

/** [M17] The grid form as the API's evaluation body: every field sent once, '' read as null. */
export function evaluationFromForm(form: FormData): FormRead<EvaluationBody> {
	const names = [...evaluationNumbers, ...evaluationTexts];
	const faults = controlFaults(form, { has: (n) => names.includes(n), isList: () => false });
	if (Object.keys(faults).length) return { ok: false, errors: faults };
	const missing = names.filter((n) => !form.has(n));
	if (missing.length)
		return { ok: false, errors: Object.fromEntries(missing.map((n) => [n, 'required'])) };
	const body: Record<string, unknown> = {};
	for (const n of evaluationNumbers) body[n] = numberText(String(form.get(n)));
	for (const n of evaluationTexts) body[n] = String(form.get(n)).trim() || null;
	return checked(evaluationInput, body);
}
