import type { RequestEvent } from '@sveltejs/kit';
import { generateSessionToken, sessionIdFromToken } from '$lib/auth/auth-session.server';
import { guestCookieOptions } from './guest-cookie.server';

/**
 * The device cookie (SPEC J6): a random token that says "this browser joined
 * before". The server stores only its SHA-256 beside the lines joined with it,
 * so nobody can name another device's lines without holding that device's cookie.
 * It carries no identity of its own: the guest session does.
 */
export const DEVICE_COOKIE = 'tavoli_device';
/** Long enough to span the incontri of a plan; browsers cap cookies at about 400 days. */
const DEVICE_DAYS = 180;
/** What generateSessionToken makes: 20 random bytes in lower-case base32. */
const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

type CookieEvent = Pick<RequestEvent, 'cookies' | 'url'>;

export interface Device {
	token: string;
	/** True when the request carried no usable cookie: it must be set. */
	fresh: boolean;
}

/** The request's device, or a new one when it has none (or a cookie of the wrong shape). */
export function deviceOf(event: CookieEvent): Device {
	const token = event.cookies.get(DEVICE_COOKIE);
	if (token && TOKEN_SHAPE.test(token)) return { token, fresh: false };
	return { token: generateSessionToken(), fresh: true };
}

/** The id stored for a device: the SHA-256 of its token, like session ids. */
export function deviceId(device: Device): string {
	return sessionIdFromToken(device.token);
}

/** Sends the cookie of a new device, with the guest cookie's options (guest-cookie.server.ts). */
export function keepDevice(event: CookieEvent, device: Device): void {
	if (!device.fresh) return;
	event.cookies.set(DEVICE_COOKIE, device.token, {
		...guestCookieOptions(event),
		maxAge: DEVICE_DAYS * 24 * 3600
	});
}
