import { AsyncLocalStorage } from 'node:async_hooks';
import { error, json, type Handle, type HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { GUEST_COOKIE } from '$lib/attendance/guest-session.server';
import { clearAuthCookie, setAuthCookie } from '$lib/auth/auth-cookie.server';
import { AUTH_COOKIE } from '$lib/auth/auth-session.server';
import { cookieUpkeep, resolveIdentity } from '$lib/auth/identity.server';
import {
	extractLocaleFromRequest,
	overwriteServerAsyncLocalStorage,
	type Locale
} from '$lib/paraglide/runtime';
import { changesState, crossSiteReason, guardFormData } from '$lib/server/request-guard';
import { getRuntime } from '$lib/server/runtime';
import { SECURITY_HEADERS, SESSION_CACHE_CONTROL } from '$lib/server/security-headers';
import { reportUnexpected } from '$lib/server/unexpected-error';

/**
 * CSRF for every state-changing request, JSON included: SvelteKit's own check
 * (which stays on, and answers first) covers form content types only.
 */
const handleOrigin: Handle = ({ event, resolve }) => {
	const reason = crossSiteReason(event.request, event.url.origin);
	if (reason) return json({ error: 'cross-origin', message: reason }, { status: 403 });
	return resolve(event);
};

/**
 * A form action posted as text/plain (or a broken form) answers 4xx, not 500.
 * SvelteKit finds the action `?/name` by reading `actions[name]`, so a name
 * such as `constructor` or `toString` reached Object.prototype: a 500, or a
 * "success" from a function that is no action. No action has such a name.
 */
const handleFormBodies: Handle = ({ event, resolve }) => {
	if (!changesState(event.request.method)) return resolve(event);
	const action = [...event.url.searchParams.keys()].find((key) => key.startsWith('/'));
	if (action !== undefined && action.slice(1) in Object.prototype)
		error(404, `No action named "${action.slice(1)}"`);
	guardFormData(event.request);
	return resolve(event);
};

/**
 * The reader's locale (the cookie, else Italian) for every message of the request.
 * Paraglide's own middleware does the same and also clones each request, body
 * included, to hand on a copy with a de-localised URL; our URLs carry no locale, so
 * the copy was the request itself, at ≈ 0.1 ms a request (docs/PERFORMANCE.md,
 * "Request path").
 */
const localeStorage = new AsyncLocalStorage<{
	locale?: Locale;
	origin?: string;
	messageCalls?: Set<string>;
}>();
overwriteServerAsyncLocalStorage(localeStorage);

const handleLocale: Handle = ({ event, resolve }) => {
	const locale = extractLocaleFromRequest(event.request);
	return localeStorage.run({ locale, origin: event.url.origin }, () =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		})
	);
};

/** Reads the session cookies, slides the account session's expiry, sets `locals`. */
const handleAuth: Handle = ({ event, resolve }) => {
	const tokens = { auth: event.cookies.get(AUTH_COOKIE), guest: event.cookies.get(GUEST_COOKIE) };
	const { database, clock } = getRuntime();
	const identity = resolveIdentity(database.db, tokens, clock.now());
	const upkeep = cookieUpkeep(tokens, identity);
	if (upkeep.clearAuth) clearAuthCookie(event);
	if (upkeep.renewAuth) setAuthCookie(event, tokens.auth!, identity.session!.expiresAt);
	if (upkeep.dropGuest) event.cookies.delete(GUEST_COOKIE, { path: '/' });
	event.locals.actor = identity.actor;
	event.locals.authSessionId = identity.session?.sessionId ?? null;
	event.locals.guest = identity.guest;
	return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	if (event.locals.actor || event.locals.guest)
		response.headers.set('Cache-Control', SESSION_CACHE_CONTROL);
	return response;
};

export const handle = sequence(
	handleHeaders,
	handleOrigin,
	handleLocale,
	handleAuth,
	handleFormBodies
);

/** Anything a route did not expect: a logged 500 with an id (unexpected-error.ts). */
export const handleError: HandleServerError = (input) => reportUnexpected(input);
