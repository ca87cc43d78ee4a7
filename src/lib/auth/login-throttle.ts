/**
 * Login throttling rules (pure). Failures are counted per account and per client
 * address within a window; past the limit the key is locked, and each further
 * failure doubles the lock, up to a day.
 */
export interface ThrottleEntry {
	failures: number;
	windowStartedAt: number;
	lockedUntil: number;
}

export interface ThrottlePolicy {
	maxFailures: number;
	windowMs: number;
	lockMs: number;
}

const MINUTE = 60_000;
export const accountPolicy: ThrottlePolicy = {
	maxFailures: 5,
	windowMs: 15 * MINUTE,
	lockMs: MINUTE
};
export const addressPolicy: ThrottlePolicy = {
	maxFailures: 30,
	windowMs: 15 * MINUTE,
	lockMs: 5 * MINUTE
};
const MAX_LOCK_MS = 24 * 60 * MINUTE;

/** Milliseconds until the key may try again, or 0. */
export function lockRemaining(entry: ThrottleEntry | undefined, now: number): number {
	return entry ? Math.max(0, entry.lockedUntil - now) : 0;
}

export function afterFailure(
	entry: ThrottleEntry | undefined,
	now: number,
	policy: ThrottlePolicy
): ThrottleEntry {
	const fresh =
		!entry || (now - entry.windowStartedAt > policy.windowMs && entry.lockedUntil <= now);
	const failures = fresh ? 1 : entry.failures + 1;
	const windowStartedAt = fresh ? now : entry.windowStartedAt;
	const over = failures - policy.maxFailures;
	const lockedUntil =
		over >= 0 ? now + Math.min(policy.lockMs * 2 ** over, MAX_LOCK_MS) : (entry?.lockedUntil ?? 0);
	return { failures, windowStartedAt, lockedUntil };
}
