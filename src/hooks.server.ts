import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { loadActor } from '$lib/auth/actor.server';
import { AUTH_COOKIE, validateSessionToken } from '$lib/auth/auth-session.server';
import { clearAuthCookie, setAuthCookie } from '$lib/auth/auth-cookie.server';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getRuntime } from '$lib/server/runtime';

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

/** Reads the session cookie, slides its expiry, and sets `locals.actor`. */
const handleAuth: Handle = ({ event, resolve }) => {
	event.locals.actor = null;
	event.locals.authSessionId = null;
	const token = event.cookies.get(AUTH_COOKIE);
	if (token) {
		const { database, clock } = getRuntime();
		const session = validateSessionToken(database.db, token, clock.now());
		if (!session) {
			clearAuthCookie(event);
		} else {
			if (session.renewed) setAuthCookie(event, token, session.expiresAt);
			event.locals.actor = loadActor(database.db, session.user);
			event.locals.authSessionId = session.sessionId;
		}
	}
	return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	if (event.locals.actor) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handle = sequence(handleLocale, handleAuth, handleHeaders);
