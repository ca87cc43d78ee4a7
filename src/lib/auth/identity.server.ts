import { validateGuestToken, type Guest } from '$lib/attendance/guest-session.server';
import type { Db } from '$lib/server/db/database';
import type { Actor } from './access';
import { loadActor } from './actor.server';
import { validateSessionToken, type ValidSession } from './auth-session.server';

export interface Identity {
	actor: Actor | null;
	session: ValidSession | null;
	guest: Guest | null;
}

/**
 * Who a request comes from, from its two possible cookies: an account session and
 * a guest session for one incontro. Used by the HTTP hooks and by the websocket
 * upgrade, so both answer the same.
 */
export function resolveIdentity(
	db: Db,
	tokens: { auth?: string; guest?: string },
	now: number
): Identity {
	const session = tokens.auth ? validateSessionToken(db, tokens.auth, now) : null;
	const guest = tokens.guest ? validateGuestToken(db, tokens.guest, now) : null;
	return { actor: session ? loadActor(db, session.user) : null, session, guest };
}

/**
 * What a request's session cookies need once resolved: the account session's cookie
 * cleared (unknown or expired) or renewed (its expiry slid), a stale guest cookie
 * dropped. The hooks write them; the live path leaves such a request to the hooks.
 */
export function cookieUpkeep(tokens: { auth?: string; guest?: string }, identity: Identity) {
	return {
		clearAuth: Boolean(tokens.auth) && !identity.session,
		renewAuth: Boolean(tokens.auth) && Boolean(identity.session?.renewed),
		dropGuest: Boolean(tokens.guest) && !identity.guest
	};
}
