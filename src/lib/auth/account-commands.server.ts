import { eq } from 'drizzle-orm';
import { inTransaction, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { people } from '$lib/directory/directory.schema';
import { users } from './auth.schema';
import { newAccountInput, type NewAccountInput } from './account';
import { invalidateUserSessions } from './auth-session.server';
import { hashPassword, verifyPassword } from './password.server';

/** Creates an account. Fails with `email-taken` if the address is already used. */
export async function createAccount(
	db: Db,
	input: NewAccountInput,
	now: number
): Promise<Result<{ userId: number }, 'invalid' | 'email-taken' | 'unknown-person'>> {
	const parsed = newAccountInput.safeParse(input);
	if (!parsed.success) return { ok: false, reason: 'invalid', issues: parsed.error.issues };
	const account = parsed.data;
	if (db.select({ id: users.id }).from(users).where(eq(users.email, account.email)).get()) {
		return { ok: false, reason: 'email-taken' };
	}
	if (
		account.personId !== null &&
		!db.select({ id: people.id }).from(people).where(eq(people.id, account.personId)).get()
	) {
		return { ok: false, reason: 'unknown-person' };
	}
	const passwordHash = await hashPassword(account.password);
	const row = db
		.insert(users)
		.values({
			email: account.email,
			displayName: account.displayName,
			passwordHash,
			role: account.role,
			personId: account.personId,
			createdAt: now,
			passwordChangedAt: now
		})
		.onConflictDoNothing()
		.returning({ id: users.id })
		.get();
	return row ? { ok: true, value: { userId: row.id } } : { ok: false, reason: 'email-taken' };
}

/**
 * Changes a password after checking the current one, and ends every session of
 * the account (the caller opens a fresh one for the device in use).
 */
export async function changePassword(
	db: Db,
	userId: number,
	currentPassword: string,
	newPassword: string,
	now: number
): Promise<Result<void, 'wrong-password' | 'not-found'>> {
	const user = db.select().from(users).where(eq(users.id, userId)).get();
	if (!user) return { ok: false, reason: 'not-found' };
	if (!(await verifyPassword(user.passwordHash, currentPassword))) {
		return { ok: false, reason: 'wrong-password' };
	}
	const passwordHash = await hashPassword(newPassword);
	inTransaction(db, () => {
		db.update(users)
			.set({ passwordHash, passwordChangedAt: now })
			.where(eq(users.id, userId))
			.run();
		invalidateUserSessions(db, userId);
	});
	return { ok: true, value: undefined };
}
