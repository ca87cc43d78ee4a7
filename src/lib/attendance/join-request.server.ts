import type { RequestEvent } from '@sveltejs/kit';
import type { JoinInput } from './attendance';
import { setGuestCookie } from './guest-cookie.server';
import { GUEST_COOKIE } from './guest-session.server';
import { deviceId, deviceOf, keepDevice } from './device-cookie.server';
import { chargeJoin, joinAllowed } from './join-throttle.server';
import { joinWithCode, type Joined } from './join.server';
import { getRuntime } from '$lib/server/runtime';

type JoinEvent = Pick<RequestEvent, 'cookies' | 'url' | 'getClientAddress'>;

export type JoinRefusal =
	| { ok: false; reason: 'unknown-code' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * A join from a browser (SPEC J1, J6), shared by POST /api/join and the join
 * form: the browser's device and guest cookies go in, the guest cookie (first,
 * so scripts reading the first Set-Cookie find it) and a new device's cookie come out.
 * Attempts are throttled per address and per code (SPEC J9, join-throttle.server.ts).
 */
export function joinFromBrowser(
	event: JoinEvent,
	input: JoinInput
): { ok: true; value: Joined } | JoinRefusal {
	const runtime = getRuntime();
	const { database, clock } = runtime;
	const address = event.getClientAddress();
	const allowed = joinAllowed(runtime, address, input.code);
	if (!allowed.ok)
		return { ok: false, reason: 'throttled', retryAfterSeconds: allowed.retryAfterSeconds };
	const device = deviceOf(event);
	const from = { deviceId: deviceId(device), guestToken: event.cookies.get(GUEST_COOKIE) ?? null };
	const result = joinWithCode(database.db, { ...input, from }, clock.now());
	const outcome = !result.ok ? 'unknown-code' : result.value.rejoined ? 'same-line' : 'new-line';
	chargeJoin(runtime, address, input.code, outcome);
	if (!result.ok) return { ok: false, reason: 'unknown-code' };
	setGuestCookie(event, result.value.token, result.value.expiresAt);
	keepDevice(event, device);
	return result;
}
