import type { RequestEvent } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';
import { GUEST_COOKIE } from './guest-session.server';

/** The guest session cookie: HttpOnly, SameSite=Lax, Secure behind https, until the session ends. */
export function setGuestCookie(
	event: Pick<RequestEvent, 'cookies' | 'url'>,
	token: string,
	expiresAt: number
): void {
	event.cookies.set(GUEST_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: getRuntime().secureCookies || event.url.protocol === 'https:',
		expires: new Date(expiresAt)
	});
}
