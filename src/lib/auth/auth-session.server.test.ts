import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, rowCount, type TestDatabase } from '$lib/server/db/test-database';
import { addUser, TEST_NOW } from '$lib/server/db/test-fixtures';
import { authSessions } from './auth.schema';
import {
	createAuthSession,
	generateSessionToken,
	SESSION_LIFETIME_MS,
	sessionIdFromToken,
	validateSessionToken
} from './auth-session.server';

const DAY = 24 * 60 * 60 * 1000;

let t: TestDatabase;
let userId: number;
beforeEach(async () => {
	t = createTestDatabase();
	userId = (await addUser(t.db, 'utente@example.org')).id;
});
afterEach(() => t.cleanup());

const storedSession = (id: string) =>
	t.db.select().from(authSessions).where(eq(authSessions.id, id)).get();

describe('auth sessions', () => {
	it('generates distinct lower-case base32 tokens', () => {
		const tokens = new Set(Array.from({ length: 20 }, generateSessionToken));
		expect(tokens.size).toBe(20);
		for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
	});

	it('derives the session id as the SHA-256 hex of the token', () => {
		const token = generateSessionToken();
		const expected = createHash('sha256').update(token).digest('hex');
		expect(sessionIdFromToken(token)).toBe(expected);
		expect(sessionIdFromToken(token)).toMatch(/^[0-9a-f]{64}$/);
		// The FIPS 180-2 vector: ids stored before any change of hashing code still match.
		expect(sessionIdFromToken('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('stores the hash and never the token itself', () => {
		const token = generateSessionToken();
		const session = createAuthSession(t.db, token, userId, TEST_NOW);
		expect(session.id).toBe(sessionIdFromToken(token));
		expect(storedSession(session.id)).toEqual({
			id: session.id,
			userId,
			expiresAt: TEST_NOW + SESSION_LIFETIME_MS,
			createdAt: TEST_NOW
		});
		const everyCell = t.database.sqlite.prepare('select * from auth_sessions').all();
		expect(JSON.stringify(everyCell)).not.toContain(token);
	});

	it('finds no session for an unknown token', () => {
		createAuthSession(t.db, generateSessionToken(), userId, TEST_NOW);
		expect(validateSessionToken(t.db, generateSessionToken(), TEST_NOW)).toBeNull();
	});

	it('returns the account of a valid session', () => {
		const token = generateSessionToken();
		createAuthSession(t.db, token, userId, TEST_NOW);
		const valid = validateSessionToken(t.db, token, TEST_NOW + 1);
		expect(valid?.user.email).toBe('utente@example.org');
		expect(valid?.sessionId).toBe(sessionIdFromToken(token));
	});

	it('deletes a session once it has expired', () => {
		const token = generateSessionToken();
		const session = createAuthSession(t.db, token, userId, TEST_NOW);
		expect(validateSessionToken(t.db, token, session.expiresAt)).toBeNull();
		expect(storedSession(session.id)).toBeUndefined();
		expect(rowCount(t.db, authSessions)).toBe(0);
	});

	it.each([
		['1 day in (29 days left)', DAY, false],
		['15 days in (exactly 15 left)', 15 * DAY, false],
		['just past 15 days (under 15 left)', 15 * DAY + 1, true],
		['29 days in (1 day left)', 29 * DAY, true]
	])('slides the expiry only when under 15 days remain: %s', (_, elapsed, renewed) => {
		const token = generateSessionToken();
		const created = createAuthSession(t.db, token, userId, TEST_NOW);
		const now = TEST_NOW + elapsed;
		const valid = validateSessionToken(t.db, token, now)!;
		const expected = renewed ? now + SESSION_LIFETIME_MS : created.expiresAt;
		expect(valid.renewed).toBe(renewed);
		expect(valid.expiresAt).toBe(expected);
		expect(storedSession(created.id)?.expiresAt).toBe(expected);
	});
});
