import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/database';
import { loginThrottle } from './auth.schema';
import {
	accountPolicy,
	addressPolicy,
	afterFailure,
	lockRemaining,
	type ThrottleEntry
} from './login-throttle';

export const accountKey = (email: string) => `account:${email}`;
export const addressKey = (address: string) => `ip:${address}`;

function read(db: Db, key: string): ThrottleEntry | undefined {
	return db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
}

/** Milliseconds the caller must wait before another attempt for this account or address. */
export function loginWaitMs(db: Db, email: string, address: string, now: number): number {
	return Math.max(
		lockRemaining(read(db, accountKey(email)), now),
		lockRemaining(read(db, addressKey(address)), now)
	);
}

export function recordLoginFailure(db: Db, email: string, address: string, now: number): void {
	for (const [key, policy] of [
		[accountKey(email), accountPolicy],
		[addressKey(address), addressPolicy]
	] as const) {
		const next = afterFailure(read(db, key), now, policy);
		db.insert(loginThrottle)
			.values({ key, ...next })
			.onConflictDoUpdate({ target: loginThrottle.key, set: next })
			.run();
	}
}

export function clearAccountFailures(db: Db, email: string): void {
	db.delete(loginThrottle)
		.where(eq(loginThrottle.key, accountKey(email)))
		.run();
}
