import { controlFaults, type ControlFault, type FormControls } from '$lib/forms/form-data';
import { templateFields } from '$lib/objectives/objective-template';
import { bounded, issueProblems } from './input-problems';
import { objectivePatch, type ObjectivePatch } from './objective-edit-commands.server';
import { decisionInput, type DecisionInput } from './plan-objective-commands.server';
import type { PartProblem } from './plan-objective-rules';
import { checkedValues, readTemplateFields } from './template-form';

/**
 * The objective editor's form as a patch (SPEC PO1): only the parts whose
 * control the form sent. A part whose control is absent stays as stored; a
 * checkbox group with nothing ticked still sends its empty sentinel, and so
 * clears its part. Names the form does not have, single controls sent twice,
 * files and text with control characters are refused by name; a form with no
 * control at all changes nothing and is refused.
 */
const single = ['title', 'policyAreaId', 'status', 'approvedAt'] as const;
const groups = ['macroAreas', 'leps'] as const;

export function readObjectivePatch(
	form: FormData,
	version: string
): { ok: true; patch: ObjectivePatch } | { ok: false; problems: PartProblem[] } {
	const problems = unknownControls(form, version);
	const raw: Record<string, unknown> = {};
	for (const name of single) {
		if (!form.has(name)) continue;
		const value = String(form.get(name));
		if (name === 'policyAreaId') raw[name] = value === '' ? null : Number(value);
		else raw[name] = name === 'approvedAt' && value === '' ? null : value;
	}
	const fields = readTemplateFields(form, version);
	if (Object.keys(fields).length) raw.fields = fields;
	for (const name of groups) if (form.has(name)) raw[name] = checkedValues(form, name);
	const keyPoints: Record<string, string[]> = {};
	for (const name of new Set(form.keys()))
		if (name.startsWith('kp:')) keyPoints[name.slice(3)] = checkedValues(form, name);
	if (Object.keys(keyPoints).length) raw.keyPoints = keyPoints;
	if (Object.keys(raw).length === 0 && problems.length === 0)
		problems.push({ field: '', problem: 'nothing-to-change' });
	const parsed = objectivePatch.safeParse(raw);
	if (!parsed.success)
		for (const p of issueProblems(parsed.error.issues, raw))
			problems.push({ field: p.path, problem: p.problem });
	if (parsed.success && !problems.length) return { ok: true, patch: parsed.data };
	return { ok: false, problems: bounded(problems, (n) => ({ field: '', problem: `more ${n}` })) };
}

/** The template's `field:<key>` controls: one value each, or a list for a multiple choice. */
function fieldControls(version: string) {
	const fields = templateFields(version);
	const names = (list: boolean) =>
		fields.filter((f) => (f.type === 'enumSet') === list).map((f) => `field:${f.key}`);
	return { once: names(false), many: names(true) };
}

function unknownControls(form: FormData, version: string): PartProblem[] {
	const fields = fieldControls(version);
	const once = new Set<string>([...single, ...fields.once]);
	const many = new Set<string>([...groups, ...fields.many]);
	return controlProblems(form, {
		has: (name) => once.has(name) || many.has(name) || name.startsWith('kp:'),
		isList: (name) => !once.has(name)
	});
}

/** One problem per control the form should not have sent as it did (see controlFaults). */
function controlProblems(form: FormData, controls: FormControls): PartProblem[] {
	const faults = controlFaults(form, controls);
	const problems: PartProblem[] = [];
	for (const name of new Set(form.keys())) {
		// A file is no text either: String() would store "[object File]".
		const file = form.getAll(name).some((v) => typeof v !== 'string');
		const fault = file ? 'invalid_characters' : faults[name];
		if (fault) problems.push({ field: name, problem: faultProblem[fault](name) });
	}
	return problems;
}

const faultProblem: Record<ControlFault, (name: string) => string> = {
	invalid_characters: () => 'invalid-text',
	unknown_field: (name) => `unknown-key ${name}`,
	invalid: () => 'sent-twice'
};

/**
 * The side-by-side merge's form as a decision (SPEC PO2): the fields the UdP
 * settled on and a reason, held to the same rules as the objective editor —
 * controls the form does not have, single controls sent twice, files and text
 * with control characters are refused by name, as are values past their bounds
 * (a reason over 2000 characters, a text over 20,000).
 */
export function readMergeDecision(
	form: FormData,
	objective: { id: number; template: string }
): { ok: true; input: DecisionInput } | { ok: false; problems: PartProblem[] } {
	const fields = fieldControls(objective.template);
	const once = new Set(['card', 'into', 'reason', ...fields.once]);
	const many = new Set(fields.many);
	const problems = controlProblems(form, {
		has: (name) => once.has(name) || many.has(name),
		isList: (name) => many.has(name)
	});
	const raw = {
		decision: 'merged',
		planObjectiveId: objective.id,
		reason: String(form.get('reason') ?? ''),
		fields: readTemplateFields(form, objective.template)
	};
	const parsed = decisionInput.safeParse(raw);
	if (!parsed.success)
		for (const p of issueProblems(parsed.error.issues, raw))
			problems.push({ field: p.path, problem: p.problem });
	if (parsed.success && !problems.length) return { ok: true, input: parsed.data };
	return { ok: false, problems: bounded(problems, (n) => ({ field: '', problem: `more ${n}` })) };
}
