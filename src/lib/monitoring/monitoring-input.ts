import { z } from 'zod';
import { idList, isCalendarDate, requiredText } from '$lib/forms/fields';
import { periodField } from '$lib/plan/plan';
import { resourceAdequacyScale } from './evaluation-grid';

/**
 * The JSON bodies of the monitoring API (SPEC M3, M6, M9), strict: an unknown key or a
 * wrong type is refused with its field named. Numbers are bounded so a sum or a
 * percentage of them stays exact in a double.
 */

/** Bigger than any count or budget of an Ambito; small enough for × 100 to stay exact. */
const MAX_NUMBER = 1e12;
/**
 * Numbers are kept to the decimals their kind has: 5e-324 passed the bounds and
 * printed as an empty percentage. An indicator's value (a count, a rate, euros)
 * is rounded to six, since a rate computed in a spreadsheet has sixteen; euros
 * must be typed in cents (a double's own error, 0.1 + 0.2, is rounded away).
 */
/** Rounded to `places` decimals; + 0 turns -0 (from -1e-7) into 0. */
const toPlaces = (places: number) => (v: number) => Math.round(v * 10 ** places) / 10 ** places + 0;
const withDecimals = (places: number) => (v: number) =>
	Math.abs(toPlaces(places)(v) - v) <= Math.abs(v) * 1e-12;
/** An indicator's value, rounded to six decimals. */
const amount = (min: number) =>
	z.number({ error: 'not_a_number' }).min(min).max(MAX_NUMBER).transform(toPlaces(6));

export const measurementInput = z.strictObject({
	indicatorId: z.string().min(1).max(40),
	period: z.string().max(20),
	value: amount(-MAX_NUMBER).nullable().optional(),
	numerator: amount(0).optional(),
	denominator: amount(0).optional(),
	note: z.string().trim().max(2000).default(''),
	source: z.string().trim().max(500).default('')
});
export type MeasurementInput = z.infer<typeof measurementInput>;

const count = z.number({ error: 'not_a_number' }).int().min(0).max(100000).nullable();
/** Euros and cents. */
const budget = z
	.number({ error: 'not_a_number' })
	.min(0)
	.max(MAX_NUMBER)
	.refine(withDecimals(2), { error: 'in_cents' })
	.transform(toPlaces(2))
	.nullable();

export const evaluationInput = z.strictObject({
	actionsPlanned: count,
	actionsDone: count,
	budgetPlanned: budget,
	budgetPaid: budget,
	userEvaluation: z.string().trim().max(2000).nullable(),
	resourceAdequacy: z
		.string()
		.refine((v) => resourceAdequacyScale.includes(v), { error: 'not_in_scale' })
		.nullable(),
	notes: z.string().trim().max(4000).nullable()
});
export type EvaluationBody = z.infer<typeof evaluationInput>;

/** Enough for any plan (the Seriate plan has 21 objectives); bounds the work of one request. */
const MAX_CARRIED = 500;

/** [M41] The next plan: its title, period (three years), taxonomy version and the objectives carried. */
export const successorInput = z.strictObject({
	title: z.string().trim().min(1, { error: 'required' }).max(200),
	period: periodField,
	taxonomyVersion: z.string().min(1, { error: 'required' }).max(20),
	objectiveIds: z
		.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER))
		.min(1, { error: 'no_objectives' })
		.max(MAX_CARRIED)
		.refine((ids) => new Set(ids).size === ids.length, { error: 'repeated_objective' })
});
export type SuccessorInput = z.infer<typeof successorInput>;

/** [M41] The same, from the page's form: texts and a checkbox group of objective ids. */
export const successorForm = z.object({
	title: requiredText(200),
	period: periodField,
	taxonomyVersion: requiredText(20),
	objectiveIds: idList
		.min(1, { error: 'no_objectives' })
		.max(MAX_CARRIED)
		.refine((ids) => new Set(ids).size === ids.length, { error: 'repeated_objective' })
});

/** An objective's actions are a plan's work over three years, not a task list: a bound on the body. */
export const MAX_ACTIONS = 200;
const day = z.string({ error: 'invalid_date' }).refine(isCalendarDate, { error: 'invalid_date' });

/** [M15] The whole list of an objective's actions, in the UdP's order. */
export const actionsInput = z.strictObject({
	actions: z
		.array(
			z.strictObject({
				title: z.string().trim().min(1, { error: 'required' }).max(300, { error: 'too_long' }),
				plannedOn: day,
				doneOn: day.nullable()
			})
		)
		.max(MAX_ACTIONS, { error: 'too_many' })
});
export type ActionsBody = z.infer<typeof actionsInput>;

/** [M16] The budget of an objective, one entry per year of the plan, in euros. */
export const budgetInput = z.strictObject({
	years: z
		.array(
			z.strictObject({
				year: z.number({ error: 'not_a_number' }).int().min(1900).max(2200),
				planned: budget,
				committed: budget,
				paid: budget
			})
		)
		.max(10, { error: 'too_many' })
});
export type BudgetBody = z.infer<typeof budgetInput>;
