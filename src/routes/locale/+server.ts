import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm } from '$lib/forms/form-data';
import { cookieMaxAge, cookieName, locales } from '$lib/paraglide/runtime';
import { safeNext } from '$lib/server/safe-next';
import type { RequestHandler } from './$types';

const localeForm = z.object({
	locale: z.enum(locales),
	next: z.string().max(2000).optional()
});

/**
 * Switches the interface language (a cookie) and goes back to the page the
 * reader was on; 400 for a language we do not have.
 */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const parsed = parseForm(localeForm, await request.formData());
	if (!parsed.ok) error(400, `Invalid form: ${Object.keys(parsed.errors).join(', ')}`);
	cookies.set(cookieName, parsed.data.locale, {
		path: '/',
		maxAge: cookieMaxAge,
		httpOnly: false,
		sameSite: 'lax'
	});
	redirect(303, safeNext(parsed.data.next ?? null));
};
