import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { eq, sql } from 'drizzle-orm';
import { hash } from 'node:crypto';
import { preparedOnce, type Db } from '$lib/server/db/database';
import { authSessions, users } from './auth.schema';

/**
 * Sessions the Lucia way (https://lucia-auth.com/sessions/basic, SPEC A9): the cookie holds
 * a random token, the database holds only its SHA-256, and the expiry slides
 * forward while the session is used.
 */
export const AUTH_COOKIE = 'tavoli_auth';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WHEN_LEFT_MS = 15 * DAY;

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The SHA-256 of the token's UTF-8, in lower-case hex: what the database keeps (Node's one-shot native hash: every request runs it). */
export function sessionIdFromToken(token: string): string {
	return hash('sha256', token, 'hex');
}

export function createAuthSession(db: Db, token: string, userId: number, now: number) {
	const session = {
		id: sessionIdFromToken(token),
		userId,
		expiresAt: now + SESSION_LIFETIME_MS,
		createdAt: now
	};
	db.insert(authSessions).values(session).run();
	return session;
}

export type SessionUser = typeof users.$inferSelect;

export interface ValidSession {
	sessionId: string;
	expiresAt: number;
	/** True when the expiry moved: the cookie must be sent again. */
	renewed: boolean;
	user: SessionUser;
}

/** Every request with an account cookie runs this: built once (preparedOnce). */
const sessionWithUser = preparedOnce((db) =>
	db
		.select({ session: authSessions, user: users })
		.from(authSessions)
		.innerJoin(users, eq(users.id, authSessions.userId))
		.where(eq(authSessions.id, sql.placeholder('sessionId')))
		.prepare()
);

export function validateSessionToken(db: Db, token: string, now: number): ValidSession | null {
	const sessionId = sessionIdFromToken(token);
	const row = sessionWithUser(db).get({ sessionId });
	if (!row) return null;
	if (now >= row.session.expiresAt) {
		invalidateAuthSession(db, sessionId);
		return null;
	}
	if (row.session.expiresAt - now >= RENEW_WHEN_LEFT_MS) {
		return { sessionId, expiresAt: row.session.expiresAt, renewed: false, user: row.user };
	}
	const expiresAt = now + SESSION_LIFETIME_MS;
	db.update(authSessions).set({ expiresAt }).where(eq(authSessions.id, sessionId)).run();
	return { sessionId, expiresAt, renewed: true, user: row.user };
}

export function invalidateAuthSession(db: Db, sessionId: string): void {
	db.delete(authSessions).where(eq(authSessions.id, sessionId)).run();
}

export function invalidateUserSessions(db: Db, userId: number): void {
	db.delete(authSessions).where(eq(authSessions.userId, userId)).run();
}
