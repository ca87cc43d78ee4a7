import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox';
import { readMessage } from './protocol';

const presence = Uint8Array.of(1, 0);
const update = (n: number) => ({ update: Uint8Array.of(n), origin: `u${n}` });
/** What `release` gives, by origin (p<n> for presence, u<n> for an update), updates checked as such. */
const names = (out: { message: Uint8Array; origin: unknown }[]) =>
	out.map(({ message, origin }) => {
		if (String(origin).startsWith('u')) expect(readMessage(message).type).toBe('update');
		return String(origin);
	});

describe('[B12] Outbox: presence keeps its place among the updates', () => {
	it('lets presence go at once while no update waits', () => {
		expect(new Outbox().hold(presence, 'p1')).toBe(false);
	});

	it('releases each update after the presence that came before it', () => {
		const box = new Outbox();
		box.took();
		expect(box.hold(presence, 'p1')).toBe(true);
		box.took();
		expect(box.hold(presence, 'p2')).toBe(true);
		expect(names(box.release([update(1)]))).toEqual(['u1', 'p1']);
		expect(names(box.release([update(2)]))).toEqual(['u2', 'p2']);
		expect(box.hold(presence, 'p3')).toBe(false);
	});
});
