import { redirect } from '@sveltejs/kit';
import { clearAuthCookie } from '$lib/auth/auth-cookie.server';
import { invalidateAuthSession } from '$lib/auth/auth-session.server';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';
import { readEmptyForm } from '$lib/server/form-failure';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		await readEmptyForm(event.request);
		if (event.locals.authSessionId)
			invalidateAuthSession(getRuntime().database.db, event.locals.authSessionId);
		clearAuthCookie(event);
		redirect(303, '/login');
	}
};
