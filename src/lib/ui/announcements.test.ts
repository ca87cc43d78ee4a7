import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnnouncementQueue } from './announcements';

describe('AnnouncementQueue', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	const cards = (n: number) => (n === 1 ? '1 nuova scheda' : `${n} nuove schede`);

	it('says a burst of cards once, counted', () => {
		const said: string[] = [];
		const queue = new AnnouncementQueue((t) => said.push(t), 1000);
		for (let i = 0; i < 3; i++) {
			queue.say('cards', cards);
			vi.advanceTimersByTime(300);
		}
		expect(said).toEqual([]);
		vi.advanceTimersByTime(1000);
		expect(said).toEqual(['3 nuove schede']);
	});

	it('joins different events in arrival order; the latest sentence of a key wins', () => {
		const said: string[] = [];
		const queue = new AnnouncementQueue((t) => said.push(t), 1000);
		queue.say('phase', () => 'Fase: Raccolta.');
		queue.say('cards', cards, 2);
		queue.say('phase', () => 'Fase: Votazione.');
		vi.advanceTimersByTime(1000);
		expect(said).toEqual(['Fase: Votazione. 2 nuove schede']);
	});

	it('makes a repeated announcement differ, so the live region speaks again', () => {
		const said: string[] = [];
		const queue = new AnnouncementQueue((t) => said.push(t), 10);
		queue.say('cards', cards);
		queue.flush();
		queue.say('cards', cards);
		queue.flush();
		expect(said[0]).toBe('1 nuova scheda');
		expect(said[1]).not.toBe(said[0]);
		expect(said[1]!.trim()).toBe('1 nuova scheda');
	});

	it('says nothing after destroy', () => {
		const said: string[] = [];
		const queue = new AnnouncementQueue((t) => said.push(t), 10);
		queue.say('cards', cards);
		queue.destroy();
		vi.advanceTimersByTime(100);
		expect(said).toEqual([]);
	});
});
