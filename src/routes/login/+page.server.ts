import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { loginInput } from '$lib/auth/account';
import { setAuthCookie } from '$lib/auth/auth-cookie.server';
import { logIn } from '$lib/auth/login.server';
import { parseForm } from '$lib/forms/form-data';
import { getRuntime } from '$lib/server/runtime';
import { safeNext } from '$lib/server/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next')) };
};

/** The login form: the credentials and where to go after (safeNext keeps it on this site). */
const loginForm = loginInput.extend({ next: z.string().max(2000).optional() });

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const parsed = parseForm(loginForm, form);
		const email = String(form.get('email') ?? '');
		if (!parsed.ok) return fail(400, { email, errors: parsed.errors });
		const { database, clock } = getRuntime();
		const outcome = await logIn(
			database.db,
			parsed.data.email,
			parsed.data.password,
			event.getClientAddress(),
			clock
		);
		if (!outcome.ok) {
			const status = outcome.reason === 'throttled' ? 429 : 400;
			const retryMinutes =
				outcome.reason === 'throttled' ? Math.ceil(outcome.retryAfterMs / 60_000) : 0;
			return fail(status, { email, failure: outcome.reason, retryMinutes });
		}
		setAuthCookie(event, outcome.token, outcome.expiresAt);
		redirect(303, safeNext(parsed.data.next ?? null));
	}
};
