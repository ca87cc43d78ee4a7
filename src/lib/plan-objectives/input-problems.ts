import type { z } from 'zod';

/**
 * What is wrong with something a person or a script sent (SPEC PO6): where, as a
 * path into what they sent (`objectives[3].fields.needType`), and a code the
 * reader's language turns into a sentence (`po_problem_<code>`); a detail after
 * the code's first space names the value (`unknown-macro-area Z`).
 */
export interface InputProblem {
	path: string;
	problem: string;
}

/** A problem list past this says nothing more to a reader, and would make the answer large. */
export const MAX_PROBLEMS = 200;

export function pathText(path: readonly PropertyKey[]): string {
	let text = '';
	for (const key of path) {
		if (typeof key === 'number') text += `[${key}]`;
		else text += text ? `.${String(key)}` : String(key);
	}
	return text;
}

/** One problem per zod issue, with a code a reader can be told; unknown keys are named one by one. */
export function issueProblems(issues: readonly z.core.$ZodIssue[], sent: unknown): InputProblem[] {
	const problems: InputProblem[] = [];
	for (const issue of issues) {
		const at = pathText(issue.path);
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys)
				problems.push({ path: pathText([...issue.path, key]), problem: `unknown-key ${key}` });
			continue;
		}
		problems.push({ path: at, problem: issueCode(issue, valueAt(sent, issue.path)) });
	}
	return problems;
}

/** A bound a string or a list broke; any other (a number's) is 'out-of-range'. */
const sizeCodes: Record<'too_big' | 'too_small', Partial<Record<string, string>>> = {
	too_big: { string: 'too-long', array: 'too-many' },
	too_small: { string: 'missing', array: 'too-few' }
};

function issueCode(issue: z.core.$ZodIssue, value: unknown): string {
	switch (issue.code) {
		case 'invalid_type':
			return value === undefined ? 'missing' : `invalid-type ${issue.expected}`;
		case 'too_big':
		case 'too_small':
			return sizeCodes[issue.code][issue.origin] ?? 'out-of-range';
		case 'custom':
			return /^[a-z-]+$/.test(issue.message) ? issue.message : 'invalid-value';
		default:
			return 'invalid-value';
	}
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
	let v = root;
	for (const key of path) {
		if (typeof v !== 'object' || v === null) return undefined;
		v = (v as Record<PropertyKey, unknown>)[key];
	}
	return v;
}

/** At most MAX_PROBLEMS, and a last one saying how many more there were. */
export function bounded<T>(problems: T[], more: (count: number) => T): T[] {
	if (problems.length <= MAX_PROBLEMS) return problems;
	return [...problems.slice(0, MAX_PROBLEMS), more(problems.length - MAX_PROBLEMS)];
}
