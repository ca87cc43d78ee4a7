import type { RequestEvent } from '@sveltejs/kit';
import type { JoinInput } from './attendance';
import { setGuestCookie } from './guest-cookie.server';
import { GUEST_COOKIE } from './guest-session.server';
import { deviceId, deviceOf, keepDevice } from './device-cookie.server';
import { joinWithCode, type Joined } from './join.server';
import type { Result } from '$lib/server/result';
import { getRuntime } from '$lib/server/runtime';

type CookieEvent = Pick<RequestEvent, 'cookies' | 'url'>;

/**
 * A join from a browser (SPEC J1, J6), shared by POST /api/join and the join
 * form: the browser's device and guest cookies go in, the guest cookie (first,
 * so scripts reading the first Set-Cookie find it) and a new device's cookie come out.
 */
export function joinFromBrowser(
	event: CookieEvent,
	input: JoinInput
): Result<Joined, 'unknown-code'> {
	const { database, clock } = getRuntime();
	const device = deviceOf(event);
	const from = { deviceId: deviceId(device), guestToken: event.cookies.get(GUEST_COOKIE) ?? null };
	const result = joinWithCode(database.db, { ...input, from }, clock.now());
	if (!result.ok) return result;
	setGuestCookie(event, result.value.token, result.value.expiresAt);
	keepDevice(event, device);
	return result;
}
