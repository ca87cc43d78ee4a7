import { templateFields, type FieldValue } from '$lib/objectives/objective-template';
import { fieldChoices, isTextType } from './template-form';

/**
 * What a plan objective may hold (SPEC PO1), for every way in: the edit form,
 * a merge, an import. Pure: the caller hands over the plan's taxonomy.
 */

/** The parts of the regional taxonomy an objective can name. */
export interface TaxonomyCodes {
	/** Macro-area code → the labels of its punti chiave. */
	macroAreas: ReadonlyMap<string, ReadonlySet<string>>;
	/** LEPS, by the name the objectives store. */
	leps: ReadonlySet<string>;
}

export function taxonomyCodes(
	taxonomy:
		| {
				macroAreas: readonly { code: string; keyPoints: readonly { label: string }[] }[];
				leps: readonly { name: string }[];
		  }
		| undefined
): TaxonomyCodes {
	return {
		macroAreas: new Map(
			(taxonomy?.macroAreas ?? []).map((a) => [a.code, new Set(a.keyPoints.map((k) => k.label))])
		),
		leps: new Set((taxonomy?.leps ?? []).map((l) => l.name))
	};
}

/**
 * Whether a value fits a field of the template of `version`: text (or nothing)
 * for text fields, one of the template's answers for a choice, a set of them
 * without repeats for a multiple choice. Null when it fits.
 */
export function fieldProblem(
	version: string,
	key: string,
	value: unknown
): 'unknown-field' | 'invalid-value' | null {
	const field = templateFields(version).find((f) => f.key === key);
	if (!field) return 'unknown-field';
	if (value === null) return null;
	if (isTextType(field.type)) return typeof value === 'string' ? null : 'invalid-value';
	const allowed = fieldChoices(field.type, field.values);
	if (field.type === 'enumSet') {
		const fits =
			Array.isArray(value) &&
			value.every((v) => allowed.includes(v as string)) &&
			new Set(value).size === value.length;
		return fits ? null : 'invalid-value';
	}
	return typeof value === 'string' && allowed.includes(value) ? null : 'invalid-value';
}

/** A problem with a part of an objective: which part, and what (see input-problems.ts). */
export interface PartProblem {
	field: string;
	problem: string;
}

/** Every field value that does not fit the template, by field. */
export function fieldsProblems(
	version: string,
	fields: Readonly<Record<string, FieldValue | unknown>>
): PartProblem[] {
	return Object.entries(fields).flatMap(([key, value]) => {
		const problem = fieldProblem(version, key, value);
		return problem ? [{ field: key, problem }] : [];
	});
}

export interface TaxonomyParts {
	macroAreas?: readonly string[];
	keyPoints?: Readonly<Record<string, readonly string[]>>;
	leps?: readonly string[];
}

/**
 * Every macro-area, punto chiave and LEPS the taxonomy does not have, and every
 * one named twice, each named in its problem.
 */
export function taxonomyProblems(codes: TaxonomyCodes, parts: TaxonomyParts): PartProblem[] {
	const problems: PartProblem[] = [];
	const at = (field: string, problem: string) => problems.push({ field, problem });
	const repeated = (list: readonly string[]) => list.filter((v, i) => list.indexOf(v) !== i);
	for (const code of parts.macroAreas ?? [])
		if (!codes.macroAreas.has(code)) at('macroAreas', `unknown-macro-area ${code}`);
	for (const code of repeated(parts.macroAreas ?? [])) at('macroAreas', `repeated ${code}`);
	for (const [code, points] of Object.entries(parts.keyPoints ?? {})) {
		const known = codes.macroAreas.get(code);
		if (!known) at(`keyPoints.${code}`, `unknown-macro-area ${code}`);
		else
			for (const p of points) if (!known.has(p)) at(`keyPoints.${code}`, `unknown-key-point ${p}`);
		for (const p of repeated(points)) at(`keyPoints.${code}`, `repeated ${p}`);
	}
	for (const name of parts.leps ?? [])
		if (!codes.leps.has(name)) at('leps', `unknown-leps ${name}`);
	for (const name of repeated(parts.leps ?? [])) at('leps', `repeated ${name}`);
	return problems;
}

/** PO1: _approvato_ needs the Assemblea's approval date. */
export function approvalProblem(status: string, approvedAt: string | null): PartProblem | null {
	return status === 'approved' && !approvedAt
		? { field: 'approvedAt', problem: 'approval-date-required' }
		: null;
}
