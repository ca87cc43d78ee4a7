import { z } from 'zod';
import { requiredText } from '$lib/forms/fields';
import { nameKey } from '$lib/forms/name-key';

/** Joining an incontro with its code (SPEC J1-J3). */
export const joinInput = z.object({
	code: z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required' })
		.max(20, { error: 'too_long' }),
	// A letter or a digit: the name is how a second join from the device finds its line (J6).
	name: requiredText(120).refine((name) => nameKey(name) !== '', { error: 'name_letters' }),
	organization: z.string().trim().max(200, { error: 'too_long' }).default(''),
	consent: z.literal(true, { error: 'consent_required' })
});
export type JoinInput = z.output<typeof joinInput>;

/** A line of the foglio firme written or corrected by the facilitator. */
export const attendanceLineInput = z.object({
	name: requiredText(120),
	organization: z.string().trim().max(200, { error: 'too_long' }).default('')
});

/** SPEC J7: the line that stays when the facilitator merges another into it. */
export const mergeInput = z.object({ into: z.string().trim().min(1).max(40) }).strict();

/** A random id for attendance lines (also the participant id on the board). */
export function newAttendanceId(): string {
	const bytes = new Uint8Array(9);
	crypto.getRandomValues(bytes);
	return (
		'p' +
		Array.from(bytes, (b) => b.toString(36).padStart(2, '0'))
			.join('')
			.slice(0, 14)
	);
}

export const GUEST_SESSION_HOURS = 18;

/** How a line holds its organisation's voice (SPEC J8). */
export type DelegateStanding = 'confirmed' | 'member' | null;

/**
 * SPEC J8: a line speaks for its organisation when the facilitator confirmed it
 * as delegate, or when its person belongs to that very organisation in the
 * directory — never because of a name typed when joining. A line without an
 * organisation has no organisation to speak for.
 */
export function delegateStanding(
	line: { organizationId: number | null; organizationName: string; delegateAt: number | null },
	personOrganizationId: number | null
): DelegateStanding {
	if (line.organizationId === null && !line.organizationName.trim()) return null;
	if (line.delegateAt !== null) return 'confirmed';
	if (line.organizationId !== null && personOrganizationId === line.organizationId) return 'member';
	return null;
}

/** SPEC J6: a join from a device names the same person again when the names match, whatever the case, accents or spacing. */
export function samePerson(typed: string, line: { name: string }): boolean {
	return nameKey(typed) !== '' && nameKey(typed) === nameKey(line.name);
}
