import { fail } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { passwordChangeInput } from '$lib/auth/account';
import { changePassword } from '$lib/auth/account-commands.server';
import { setAuthCookie } from '$lib/auth/auth-cookie.server';
import { createAuthSession, generateSessionToken } from '$lib/auth/auth-session.server';
import { requireAccess } from '$lib/auth/guard.server';
import { parseForm, type FieldErrors } from '$lib/forms/form-data';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireAccess(event, access.manageOwnAccount);
	return { account: { email: actor.email, displayName: actor.displayName, role: actor.role } };
};

export const actions: Actions = {
	password: async (event) => {
		const actor = requireAccess(event, access.manageOwnAccount);
		const parsed = parseForm(passwordChangeInput, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const { database, clock } = getRuntime();
		const { currentPassword, newPassword } = parsed.data;
		const result = await changePassword(
			database.db,
			actor.userId,
			currentPassword,
			newPassword,
			clock.now()
		);
		if (!result.ok)
			return fail(400, { errors: { currentPassword: 'wrong_password' } as FieldErrors });
		// Every session ended with the change; this device gets a fresh one.
		const token = generateSessionToken();
		const session = createAuthSession(database.db, token, actor.userId, clock.now());
		setAuthCookie(event, token, session.expiresAt);
		return { passwordChanged: true };
	}
};
