import { z } from 'zod';
import { userRoles } from './roles';

/** Shapes of account input, shared by the CLI, the forms and the API (SPEC A7). */
export const MIN_PASSWORD_LENGTH = 10;

export const emailField = z
	.string({ error: 'required' })
	.trim()
	.toLowerCase()
	.min(1, { error: 'required' })
	.max(254, { error: 'too_long' })
	.pipe(z.email({ error: 'invalid_email' }));

export const passwordField = z
	.string({ error: 'required' })
	.min(MIN_PASSWORD_LENGTH, { error: 'password_too_short' })
	.max(200, { error: 'too_long' });

export const newAccountInput = z.object({
	email: emailField,
	role: z.enum(userRoles, { error: 'invalid_choice' }),
	password: passwordField,
	displayName: z.string().trim().min(1, { error: 'required' }).max(120, { error: 'too_long' }),
	personId: z.number().int().positive().nullable().default(null)
});
export type NewAccountInput = z.input<typeof newAccountInput>;

export const loginInput = z.object({
	email: emailField,
	password: z
		.string({ error: 'required' })
		.min(1, { error: 'required' })
		.max(200, { error: 'too_long' })
});

export const passwordChangeInput = z
	.object({
		currentPassword: z.string({ error: 'required' }).min(1, { error: 'required' }),
		newPassword: passwordField,
		confirmPassword: z.string({ error: 'required' })
	})
	.refine((v) => v.newPassword === v.confirmPassword, {
		path: ['confirmPassword'],
		error: 'password_mismatch'
	});
