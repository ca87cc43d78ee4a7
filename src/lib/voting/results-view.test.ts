import { describe, expect, it } from 'vitest';
import {
	ballotSummary,
	barPercent,
	bestTie,
	byQuadrant,
	plotPoint,
	roundNews
} from './results-view';
import type { RankedItem, ScoreItem } from './tally';

const item = (targetId: string, score: number, tied = false): RankedItem => ({
	targetId,
	score,
	rank: 0,
	tied,
	bySector: { public: 0, third_sector: 0, unknown: score }
});

describe('results as the page shows them', () => {
	const ranking = [item('a', 6, true), item('b', 6, true), item('c', 3, true), item('d', 3, true)];

	it('[V6] bars are relative to the best score', () => {
		expect(barPercent(6, ranking)).toBe(100);
		expect(barPercent(3, ranking)).toBe(50);
		expect(barPercent(0, [item('a', 0)])).toBe(0);
	});

	it('a run-off is about the best-placed tie', () => {
		expect(bestTie(ranking)).toEqual(['a', 'b']);
		expect(bestTie([item('a', 5), item('b', 2, true), item('c', 2, true)])).toEqual(['b', 'c']);
		expect(bestTie([item('a', 5), item('b', 2)])).toEqual([]);
	});

	it('[V7] places items on the 2×2 matrix, the first criterion across and the second up', () => {
		const box = { size: 200, margin: 20 };
		expect(plotPoint([1, 1], 5, box)).toEqual({ x: 20, y: 180 });
		expect(plotPoint([5, 5], 5, box)).toEqual({ x: 180, y: 20 });
		expect(plotPoint([3, 0], 5, box)).toEqual({ x: 100, y: 180 });
		const point = (targetId: string, a: number, b: number, quadrant: ScoreItem['quadrant']) => ({
			targetId,
			averages: [a, b] as [number, number],
			votes: 1,
			quadrant
		});
		const groups = byQuadrant([
			point('x', 4, 4, 'high-high'),
			point('y', 5, 5, 'high-high'),
			point('z', 1, 2, 'low-low')
		]);
		expect(groups['high-high'].map((p) => p.targetId)).toEqual(['y', 'x']);
		expect(groups['low-high']).toEqual([]);
	});

	it('[V5] words a named ballot in one line', () => {
		const labels = { a: 'Trasporti', b: 'Casa' };
		expect(
			ballotSummary(
				{
					allocations: [
						{ targetId: 'a', points: 3 },
						{ targetId: 'b', points: 1 }
					]
				},
				labels
			)
		).toBe('Trasporti 3 · Casa 1');
		expect(ballotSummary({ ranking: ['b', 'a'] }, labels)).toBe('1. Casa · 2. Trasporti');
		expect(
			ballotSummary(
				{
					scores: [
						{ targetId: 'a', criterion: 'importanza', value: 4 },
						{ targetId: 'a', criterion: 'urgenza', value: 2 }
					]
				},
				labels
			)
		).toBe('Trasporti: importanza 4, urgenza 2');
	});
});

describe('[issue 13] what the live region says about rounds', () => {
	const open = (roundId: number) => ({ roundId, status: 'open' as const });
	const closed = (roundId: number) => ({ roundId, status: 'closed' as const });
	const revealed = (roundId: number) => ({ roundId, status: 'revealed' as const });

	it.each([
		['the first reading of the page', undefined, open(1), null],
		['a round opened on an empty board', null, open(1), 'opened'],
		['a new round after a revealed one', revealed(1), open(2), 'opened'],
		['a closed round reopened', closed(1), open(1), 'opened'],
		['the same open round read again', open(1), open(1), null],
		['a round closed', open(1), closed(1), null],
		['the results revealed', closed(1), revealed(1), 'revealed'],
		['the results revealed straight from open', open(1), revealed(1), 'revealed'],
		['the same results read again', revealed(1), revealed(1), null],
		['no round any more', open(1), null, null]
	] as const)('%s', (_, before, after, news) => {
		expect(roundNews(before, after)).toBe(news);
	});
});
