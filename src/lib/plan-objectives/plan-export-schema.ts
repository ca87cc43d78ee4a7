import { z } from 'zod';
import { isCalendarDate } from '$lib/forms/fields';
import { IndicatorKind, IndicatorLevel } from '$lib/objectives/objective-template';
import { EXPORT_FORMAT } from './plan-export';

/**
 * Our export format as an import must find it (SPEC PO5, PO6): every object
 * strict, so a key we do not know is refused by name rather than dropped; every
 * string and list bounded. What the values mean for the plan (template choices,
 * taxonomy codes) is checked after, against the plan (plan-import.server.ts).
 */
const fieldValue = z.union([
	z.string().max(20_000),
	z.array(z.string().max(200)).max(20),
	z.null()
]);
const named = (max: number) => z.string().trim().min(1, { error: 'missing' }).max(max);
const note = z.string().max(2000).optional();

const indicator = z.strictObject({
	level: z.enum(IndicatorLevel),
	kind: z.enum(IndicatorKind),
	description: z.string().max(2000),
	numerator: note,
	denominator: note,
	baseline: note,
	target: note
});

export const objectiveStatuses = ['draft', 'review', 'consolidated', 'approved'] as const;

export const exportedObjective = z.strictObject({
	number: z.number().int().positive().max(9999),
	title: named(500),
	policyArea: named(300).nullable(),
	fields: z.record(z.string().max(100), fieldValue),
	verbatim: z.record(z.string().max(100), z.string().max(40_000)),
	macroAreas: z.array(z.string().max(4)).max(20),
	keyPoints: z.record(z.string().max(4), z.array(z.string().max(300)).max(40)),
	leps: z.array(z.string().max(300)).max(20),
	indicators: z.array(indicator).max(40),
	status: z.enum(objectiveStatuses),
	approvedAt: z.string().refine(isCalendarDate, { error: 'invalid-date' }).nullable()
});

export const planExportShape = z.strictObject({
	format: z.literal(EXPORT_FORMAT),
	version: z.literal(1),
	plan: z.strictObject({
		title: z.string().max(300),
		period: z.string().max(20),
		taxonomyVersion: z.string().max(20)
	}),
	policyAreas: z
		.array(z.strictObject({ name: named(300), macroAreas: z.array(z.string().max(4)).max(20) }))
		.max(100),
	objectives: z.array(exportedObjective).max(500)
});
