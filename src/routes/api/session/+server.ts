import { error, json } from '@sveltejs/kit';
import { loginInput } from '$lib/auth/account';
import { clearAuthCookie, setAuthCookie } from '$lib/auth/auth-cookie.server';
import { invalidateAuthSession } from '$lib/auth/auth-session.server';
import { logIn } from '$lib/auth/login.server';
import { readJson, readNoBody } from '$lib/server/read-json';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';
import { invalidInputJson } from '$lib/server/result';

/** Log-in for scripts and tests: {"email","password"} → 200 with the session cookie. */
export const POST: RequestHandler = async (event) => {
	const parsed = loginInput.strict().safeParse(await readJson(event.request));
	if (!parsed.success) {
		return invalidInputJson(parsed.error);
	}
	const { database, clock } = getRuntime();
	const outcome = await logIn(
		database.db,
		parsed.data.email,
		parsed.data.password,
		event.getClientAddress(),
		clock
	);
	if (!outcome.ok && outcome.reason === 'throttled') {
		const retryAfter = Math.ceil(outcome.retryAfterMs / 1000);
		return json(
			{ error: 'throttled', retryAfterSeconds: retryAfter },
			{ status: 429, headers: { 'Retry-After': String(retryAfter) } }
		);
	}
	if (!outcome.ok) return json({ error: 'invalid-credentials' }, { status: 401 });
	setAuthCookie(event, outcome.token, outcome.expiresAt);
	const actor = event.locals.actor;
	return json({
		ok: true,
		expiresAt: new Date(outcome.expiresAt).toISOString(),
		replacedSession: actor !== null
	});
};

/** Log-out: ends the session and clears the cookie. */
export const DELETE: RequestHandler = async (event) => {
	if (!event.locals.authSessionId) error(401, 'Autenticazione richiesta');
	await readNoBody(event.request);
	invalidateAuthSession(getRuntime().database.db, event.locals.authSessionId);
	clearAuthCookie(event);
	return new Response(null, { status: 204 });
};
