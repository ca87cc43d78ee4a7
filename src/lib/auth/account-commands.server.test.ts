import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, rowCount, type TestDatabase } from '$lib/server/db/test-database';
import { addUser, TEST_NOW } from '$lib/server/db/test-fixtures';
import type { NewAccountInput } from './account';
import { changePassword, createAccount } from './account-commands.server';
import { authSessions, users } from './auth.schema';
import { createAuthSession, generateSessionToken } from './auth-session.server';
import { verifyPassword } from './password.server';

let t: TestDatabase;
beforeEach(() => {
	t = createTestDatabase();
});
afterEach(() => t.cleanup());

const valid: NewAccountInput = {
	email: 'mario.rossi@example.org',
	role: 'facilitator',
	password: 'una-password-lunga',
	displayName: 'Mario Rossi'
};

describe('[A7] createAccount', () => {
	it('stores the e-mail trimmed and lower-cased, and a hash that verifies', async () => {
		const result = await createAccount(t.db, { ...valid, email: '  Mario.Rossi@Example.ORG ' }, 1);
		expect(result.ok).toBe(true);
		const row = t.db.select().from(users).get()!;
		expect(row).toMatchObject({
			email: 'mario.rossi@example.org',
			role: 'facilitator',
			displayName: 'Mario Rossi',
			personId: null,
			createdAt: 1,
			passwordChangedAt: 1
		});
		expect(row.passwordHash).not.toContain(valid.password);
		expect(await verifyPassword(row.passwordHash, valid.password)).toBe(true);
	});

	it('refuses an address already used, whatever its case', async () => {
		await createAccount(t.db, valid, TEST_NOW);
		const again = await createAccount(t.db, { ...valid, email: 'MARIO.ROSSI@example.org' }, 2);
		expect(again).toEqual({ ok: false, reason: 'email-taken' });
		expect(rowCount(t.db, users)).toBe(1);
	});

	it.each([
		[{ email: 'non-una-mail' }, 'email', 'invalid_email'],
		[{ email: '' }, 'email', 'required'],
		[{ password: 'corta' }, 'password', 'password_too_short'],
		[{ role: 'boss' }, 'role', 'invalid_choice'],
		[{ displayName: '   ' }, 'displayName', 'required']
	])('refuses %o with an issue on %s', async (change, field, code) => {
		const input = { ...valid, ...change } as NewAccountInput;
		const result = await createAccount(t.db, input, TEST_NOW);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.reason).toBe('invalid');
		expect(result.issues?.find((i) => i.path[0] === field)?.message).toBe(code);
		expect(rowCount(t.db, users)).toBe(0);
	});
});

describe('changePassword', () => {
	function openSessions(userId: number, n: number) {
		for (let i = 0; i < n; i++) createAuthSession(t.db, generateSessionToken(), userId, TEST_NOW);
	}
	const sessionsOf = (userId: number) =>
		t.db.select().from(authSessions).where(eq(authSessions.userId, userId)).all();

	it('refuses a wrong current password and changes nothing', async () => {
		const user = await addUser(t.db, 'a@example.org', { password: 'vecchia-password' });
		openSessions(user.id, 2);
		const result = await changePassword(t.db, user.id, 'sbagliata!!', 'nuova-password-1', 5);
		expect(result).toEqual({ ok: false, reason: 'wrong-password' });
		const row = t.db.select().from(users).where(eq(users.id, user.id)).get()!;
		expect(row.passwordHash).toBe(user.passwordHash);
		expect(sessionsOf(user.id)).toHaveLength(2);
	});

	it('answers not-found for an unknown account', async () => {
		expect(await changePassword(t.db, 999, 'x', 'nuova-password-1', 5)).toEqual({
			ok: false,
			reason: 'not-found'
		});
	});

	it('sets the new password and ends every session of that account only', async () => {
		const user = await addUser(t.db, 'a@example.org', { password: 'vecchia-password' });
		const other = await addUser(t.db, 'b@example.org');
		openSessions(user.id, 3);
		openSessions(other.id, 1);
		const now = TEST_NOW + 1000;
		const result = await changePassword(t.db, user.id, 'vecchia-password', 'nuova-password-1', now);
		expect(result).toEqual({ ok: true, value: undefined });
		const row = t.db.select().from(users).where(eq(users.id, user.id)).get()!;
		expect(row.passwordChangedAt).toBe(now);
		expect(await verifyPassword(row.passwordHash, 'nuova-password-1')).toBe(true);
		expect(await verifyPassword(row.passwordHash, 'vecchia-password')).toBe(false);
		expect(sessionsOf(user.id)).toHaveLength(0);
		expect(sessionsOf(other.id)).toHaveLength(1);
	});
});
