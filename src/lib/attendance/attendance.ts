import { z } from 'zod';
import { requiredText } from '$lib/forms/fields';

/** Joining an incontro with its code (SPEC J1-J3). */
export const joinInput = z.object({
	code: z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required' })
		.max(20, { error: 'too_long' }),
	name: requiredText(120),
	organization: z.string().trim().max(200, { error: 'too_long' }).default(''),
	consent: z.literal(true, { error: 'consent_required' })
});
export type JoinInput = z.output<typeof joinInput>;

/** A line of the foglio firme written or corrected by the facilitator. */
export const attendanceLineInput = z.object({
	name: requiredText(120),
	organization: z.string().trim().max(200, { error: 'too_long' }).default('')
});

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
