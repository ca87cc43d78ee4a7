import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, rowCount, type TestDatabase } from '$lib/server/db/test-database';
import { addUser, TEST_NOW } from '$lib/server/db/test-fixtures';
import { authSessions, loginThrottle } from './auth.schema';
import { sessionIdFromToken, validateSessionToken } from './auth-session.server';
import { logIn } from './login.server';
import { accountKey } from './login-throttle-repo.server';

const EMAIL = 'utente@example.org';
const PASSWORD = 'password-giusta';
const ADDRESS = '192.0.2.10';

let t: TestDatabase;
let time: number;
const clock = { now: () => time };
beforeEach(async () => {
	t = createTestDatabase();
	time = TEST_NOW;
	await addUser(t.db, EMAIL, { password: PASSWORD });
});
afterEach(() => t.cleanup());

async function failTimes(n: number) {
	for (let i = 0; i < n; i++) {
		const outcome = await logIn(t.db, EMAIL, 'password-sbagliata', ADDRESS, clock);
		expect(outcome).toEqual({ ok: false, reason: 'invalid-credentials' });
		time += 1000;
	}
}

const accountEntry = () =>
	t.db
		.select()
		.from(loginThrottle)
		.where(eq(loginThrottle.key, accountKey(EMAIL)))
		.get();

describe('[A7-A8] logIn', () => {
	it('opens a session whose token validates', async () => {
		const outcome = await logIn(t.db, EMAIL, PASSWORD, ADDRESS, clock);
		if (!outcome.ok) throw new Error(`log-in refused: ${outcome.reason}`);
		expect(outcome.expiresAt).toBeGreaterThan(TEST_NOW);
		const valid = validateSessionToken(t.db, outcome.token, TEST_NOW);
		expect(valid?.sessionId).toBe(sessionIdFromToken(outcome.token));
		expect(valid?.user.email).toBe(EMAIL);
	});

	it.each([
		['an unknown e-mail', 'nessuno@example.org', PASSWORD],
		['a wrong password', EMAIL, 'password-sbagliata']
	])('answers invalid-credentials for %s, and opens no session', async (_, email, password) => {
		const outcome = await logIn(t.db, email, password, ADDRESS, clock);
		expect(outcome).toEqual({ ok: false, reason: 'invalid-credentials' });
		expect(rowCount(t.db, authSessions)).toBe(0);
	});

	it('still lets the right password in after 4 failures', async () => {
		await failTimes(4);
		expect((await logIn(t.db, EMAIL, PASSWORD, ADDRESS, clock)).ok).toBe(true);
	});

	it('throttles the account after 5 failures, even with the right password', async () => {
		await failTimes(5);
		const outcome = await logIn(t.db, EMAIL, PASSWORD, ADDRESS, clock);
		expect(outcome.ok).toBe(false);
		if (outcome.ok || outcome.reason !== 'throttled') throw new Error('expected throttled');
		expect(outcome.retryAfterMs).toBeGreaterThan(0);
		expect(outcome.retryAfterMs).toBeLessThanOrEqual(60_000);
		expect(rowCount(t.db, authSessions)).toBe(0);
	});

	it('throttles the account from another address too', async () => {
		await failTimes(5);
		const outcome = await logIn(t.db, EMAIL, PASSWORD, '198.51.100.7', clock);
		expect(outcome).toMatchObject({ ok: false, reason: 'throttled' });
	});

	it('lets the right password in once the lock has passed', async () => {
		await failTimes(5);
		time += 61_000;
		expect((await logIn(t.db, EMAIL, PASSWORD, ADDRESS, clock)).ok).toBe(true);
	});

	it('clears the account failures on success, so the count starts again', async () => {
		await failTimes(3);
		expect(accountEntry()?.failures).toBe(3);
		expect((await logIn(t.db, EMAIL, PASSWORD, ADDRESS, clock)).ok).toBe(true);
		expect(accountEntry()).toBeUndefined();
		await failTimes(4);
		expect((await logIn(t.db, EMAIL, PASSWORD, ADDRESS, clock)).ok).toBe(true);
	});
});
