import type { RequestEvent } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';
import { GUEST_COOKIE } from './guest-session.server';

type CookieEvent = Pick<RequestEvent, 'cookies' | 'url'>;

/** What the guest's cookies share: the whole site, HttpOnly, SameSite=Lax, Secure behind https. */
export function guestCookieOptions(event: CookieEvent) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: getRuntime().secureCookies || event.url.protocol === 'https:'
	} as const;
}

/** The guest session cookie, until the session ends. */
export function setGuestCookie(event: CookieEvent, token: string, expiresAt: number): void {
	event.cookies.set(GUEST_COOKIE, token, {
		...guestCookieOptions(event),
		expires: new Date(expiresAt)
	});
}
