import { z } from 'zod';

/**
 * Reusable zod fields for form input. Error messages are codes, not sentences:
 * the UI turns a code into the reader's language (i18n/field-error.ts).
 */
/** Spaces, format characters (zero-width space, bidi controls) and combining marks: nothing a reader sees alone. */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{M}]/gu;

/** Text with something to read: "\u200b\u200b" or a lone accent is as empty as "". */
export const hasVisibleText = (text: string) => text.replace(INVISIBLE, '') !== '';

export const requiredText = (max = 200) =>
	z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required' })
		.max(max, { error: 'too_long' })
		.refine(hasVisibleText, { error: 'required' });

export const optionalText = (max = 2000) =>
	z.string({ error: 'invalid' }).trim().max(max, { error: 'too_long' }).default('');

/** Empty string → null; otherwise a valid e-mail, lower-cased. */
export const optionalEmail = z
	.string()
	.trim()
	.toLowerCase()
	.max(254, { error: 'too_long' })
	.default('')
	.transform((v) => (v === '' ? null : v))
	.pipe(z.email({ error: 'invalid_email' }).nullable());

export const optionalUrl = z
	.string()
	.trim()
	.max(500, { error: 'too_long' })
	.default('')
	.refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), { error: 'invalid_url' });

/** A form id field ("12") → 12. */
export const idField = z.coerce
	.number({ error: 'invalid_choice' })
	.int({ error: 'invalid_choice' })
	.positive({ error: 'invalid_choice' });

/** Optional id: "" → null. */
export const optionalIdField = z
	.union([z.literal(''), z.coerce.number().int().positive()], { error: 'invalid_choice' })
	.default('')
	.transform((v) => (v === '' ? null : v));

/**
 * The ids a checkbox group sends. Required: the group always sends its hidden
 * empty input (ui/CheckboxGroup.svelte), so a missing key is a form without the
 * control, refused rather than read as "none chosen".
 */
export const idList = z.array(idField, { error: 'required' });

export const enumField = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { error: 'invalid_choice' });

/**
 * The years Tavoli's dates live in: Piani di Zona began in 2000 (law 328/2000).
 * "0000-01-01" and "9999-12-31" are calendar days, but no incontro's or plan's.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

export const inPlanYears = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;

/** A real calendar day: "2024-02-30" parses in JavaScript (as 1 March), so it is read back. */
export function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const time = Date.parse(`${value}T00:00:00Z`);
	return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

export const isoDate = z
	.string({ error: 'required' })
	.refine((v) => isCalendarDate(v) && inPlanYears(Number(v.slice(0, 4))), {
		error: 'invalid_date'
	});

export const clockTime = z
	.string({ error: 'required' })
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalid_time' });
