import { describe, expect, it } from 'vitest';
import { KeyedThrottle } from './throttle';

describe('KeyedThrottle', () => {
	it('lets a full bucket through, then asks to come back when a token has refilled', () => {
		const t = new KeyedThrottle({ capacity: 3, perSecond: 0.5 });
		for (let i = 0; i < 3; i++) expect(t.take('a', 1, 0)).toEqual({ ok: true });
		expect(t.take('a', 1, 0)).toEqual({ ok: false, retryAfterSeconds: 2 });
		expect(t.take('b', 1, 0)).toEqual({ ok: true });
		expect(t.take('a', 1, 2000)).toEqual({ ok: true });
	});

	it('charges after the fact, into debt: an expensive failure waits longer', () => {
		const t = new KeyedThrottle({ capacity: 10, perSecond: 1 });
		expect(t.check('a', 0).ok).toBe(true);
		t.charge('a', 25, 0);
		expect(t.check('a', 0)).toEqual({ ok: false, retryAfterSeconds: 16 });
		expect(t.check('a', 15_999).ok).toBe(false);
		expect(t.check('a', 16_000).ok).toBe(true);
	});

	it('never holds more than capacity, and forgets the least recently used key past maxKeys', () => {
		const t = new KeyedThrottle({ capacity: 2, perSecond: 1, maxKeys: 2 });
		t.charge('a', 2, 0);
		t.charge('b', 2, 0);
		t.check('a', 0); // a used again: b is now the oldest
		t.charge('c', 2, 0);
		expect(t.check('b', 0).ok).toBe(true); // forgotten, so full again
		expect(t.check('a', 1_000_000)).toEqual({ ok: true });
	});
});
