import { describe, expect, it } from 'vitest';
import { accountPolicy, afterFailure, lockRemaining, type ThrottleEntry } from './login-throttle';

function fail(times: number, start = 0, step = 1000) {
	let entry: ThrottleEntry | undefined;
	for (let i = 0; i < times; i++) entry = afterFailure(entry, start + i * step, accountPolicy);
	return entry!;
}

describe('login throttle', () => {
	it('lets the first failures through without a lock', () => {
		const entry = fail(accountPolicy.maxFailures - 1);
		expect(lockRemaining(entry, 5000)).toBe(0);
	});

	it('locks the key at the limit', () => {
		const entry = fail(accountPolicy.maxFailures);
		expect(lockRemaining(entry, entry.windowStartedAt + 4000)).toBeGreaterThan(0);
	});

	it('doubles the lock with every further failure', () => {
		const atLimit = fail(accountPolicy.maxFailures);
		const t = atLimit.lockedUntil;
		const next = afterFailure(atLimit, t, accountPolicy);
		expect(next.lockedUntil - t).toBe(accountPolicy.lockMs * 2);
	});

	it('starts a fresh window once the old one has passed and no lock holds', () => {
		const entry = fail(3);
		const later = afterFailure(
			entry,
			entry.windowStartedAt + accountPolicy.windowMs + 1,
			accountPolicy
		);
		expect(later.failures).toBe(1);
	});

	it('an unknown key is never locked', () => {
		expect(lockRemaining(undefined, 0)).toBe(0);
	});
});
