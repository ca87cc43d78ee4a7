import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/database';
import { users } from './auth.schema';
import { createAuthSession, generateSessionToken } from './auth-session.server';
import {
	clearAccountFailures,
	loginWaitMs,
	recordLoginFailure
} from './login-throttle-repo.server';
import { decoyPasswordHash, verifyPassword } from './password.server';

export type LoginOutcome =
	| { ok: true; token: string; expiresAt: number }
	| { ok: false; reason: 'invalid-credentials' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Checks e-mail and password and opens a session (SPEC A7-A8). A wrong e-mail and
 * a wrong password look the same, in the answer and in the time it takes; every
 * failure counts against the account and the address.
 */
export async function logIn(
	db: Db,
	email: string,
	password: string,
	address: string,
	clock: { now(): number }
): Promise<LoginOutcome> {
	const wait = loginWaitMs(db, email, address, clock.now());
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
	const user = db.select().from(users).where(eq(users.email, email)).get();
	const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
	const now = clock.now();
	if (!user || !valid) {
		recordLoginFailure(db, email, address, now);
		return { ok: false, reason: 'invalid-credentials' };
	}
	clearAccountFailures(db, email);
	const token = generateSessionToken();
	const session = createAuthSession(db, token, user.id, now);
	return { ok: true, token, expiresAt: session.expiresAt };
}
