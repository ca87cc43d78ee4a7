import { z } from 'zod';
import { enumField, idList, inPlanYears, requiredText } from '$lib/forms/fields';
import { planStatuses } from './plan-status';

/** Form and API input for the plan set-up (SPEC P1-P4). */
export const ambitoInput = z.object({
	name: requiredText(200),
	leadBody: requiredText(200)
});

export const comuneInput = z.object({
	name: requiredText(120),
	population: z
		.union([z.literal(''), z.coerce.number({ error: 'invalid_number' })])
		.default('')
		.transform((v) => (v === '' ? null : v))
		.pipe(
			z
				.number()
				.int({ error: 'invalid_number' })
				.min(0, { error: 'invalid_number' })
				.max(10_000_000, { error: 'invalid_number' })
				.nullable()
		)
});

/** "2025-2027": three calendar years, as the regional guidelines set them. */
export const periodField = z
	.string({ error: 'required' })
	.trim()
	.regex(/^\d{4}-\d{4}$/, { error: 'invalid_period' })
	.refine((v) => Number(v.slice(5)) - Number(v.slice(0, 4)) === 2, { error: 'invalid_period' })
	.refine((v) => inPlanYears(Number(v.slice(0, 4))) && inPlanYears(Number(v.slice(5))), {
		error: 'invalid_period'
	});

export const planInput = z.object({
	title: requiredText(200),
	period: periodField,
	status: enumField(planStatuses),
	taxonomyVersionId: requiredText(20)
});

export const policyAreaInput = z.object({
	name: requiredText(200),
	macroAreaIds: idList
});
