import type { RequestEvent } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';
import { AUTH_COOKIE } from './auth-session.server';

type CookieEvent = Pick<RequestEvent, 'cookies' | 'url'>;

/** Secure whenever the app is reached over https (ORIGIN, or a proxy's protocol header). */
function secure(event: CookieEvent): boolean {
	return getRuntime().secureCookies || event.url.protocol === 'https:';
}

/** The session cookie: HttpOnly, SameSite=Lax, Secure behind https. */
export function setAuthCookie(event: CookieEvent, token: string, expiresAt: number): void {
	event.cookies.set(AUTH_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secure(event),
		expires: new Date(expiresAt)
	});
}

export function clearAuthCookie(event: CookieEvent): void {
	event.cookies.delete(AUTH_COOKIE, { path: '/', secure: secure(event) });
}
