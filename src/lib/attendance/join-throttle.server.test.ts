import { describe, expect, it } from 'vitest';
import type { Runtime } from '$lib/server/runtime';
import { chargeJoin, joinAllowed, JOIN_RATE } from './join-throttle.server';

/** Only the clock and the identity of the runtime matter to the throttle. */
function runtime(start = 0) {
	let now = start;
	const r = { clock: { now: () => now } } as unknown as Runtime;
	return { r, advance: (ms: number) => (now += ms) };
}

function attempt(r: Runtime, address: string, code: string, right: boolean) {
	const verdict = joinAllowed(r, address, code);
	if (verdict.ok) chargeJoin(r, address, code, right ? 'new-line' : 'unknown-code');
	return verdict;
}

describe('join throttle (SPEC J9)', () => {
	it('lets 150 people behind one address join at once', () => {
		const { r } = runtime();
		for (let i = 0; i < 150; i++) expect(attempt(r, '10.0.0.1', 'ABC234', true).ok).toBe(true);
	});

	it('lets 900 behind one address in at once, and 1200 within a minute', () => {
		const { r, advance } = runtime();
		for (let i = 0; i < 900; i++)
			expect(attempt(r, '10.0.0.9', `CODE${i % 4}`, true).ok).toBe(true);
		const refused = Array.from({ length: 1200 }, (_, i) => {
			advance(50);
			return attempt(r, '10.0.0.1', `ROOM${i % 8}`, true).ok;
		}).filter((ok) => !ok);
		expect(refused).toEqual([]);
		const burst = Array.from({ length: 250 }, () => {
			advance(200);
			return attempt(r, '10.0.0.5', 'ABC234', true).ok;
		}).filter((ok) => !ok);
		expect(burst).toEqual([]);
	});

	it('makes a wrong code cost far more: about 10 guesses, then one every 10 s', () => {
		const { r, advance } = runtime();
		let guesses = 0;
		while (attempt(r, '10.0.0.2', `WRONG${guesses}`, false).ok) guesses++;
		expect(guesses).toBe(Math.ceil(JOIN_RATE.perAddress.capacity / JOIN_RATE.wrongCodeCost));
		const refused = joinAllowed(r, '10.0.0.2', 'ANY');
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
		let perMinute = 0;
		for (let s = 0; s < 60; s++) {
			advance(1000);
			if (attempt(r, '10.0.0.2', `AGAIN${s}`, false).ok) perMinute++;
		}
		expect(perMinute).toBeLessThanOrEqual(6);
		expect(attempt(r, '10.0.0.3', 'ABC234', true).ok).toBe(true);
	});

	it('bounds the new lines one code gives, not a device that joins again', () => {
		const { r } = runtime();
		for (let i = 0; i < JOIN_RATE.perCode.capacity; i++)
			expect(attempt(r, `10.1.${i >> 8}.${i & 255}`, 'abc-234', true).ok).toBe(true);
		expect(joinAllowed(r, '10.2.0.1', 'ABC234').ok).toBe(false);
		const other = runtime();
		for (let i = 0; i < 1000; i++) {
			expect(joinAllowed(other.r, '10.3.0.1', 'ABC234').ok).toBe(true);
			chargeJoin(other.r, '10.3.0.1', 'ABC234', 'same-line');
			other.advance(400);
		}
	});
});
